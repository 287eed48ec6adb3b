import type { Button, Reply } from '../../conversation/messages.js';
import { splitPoint } from '../../conversation/split-point.js';

/**
 * WhatsApp shows messages up to 65,536 characters, but a wall of text on a phone is
 * unreadable: longer replies go out as several messages of at most this size.
 */
export const WHATSAPP_MAX_CHARS = 4000;

export interface RenderedWhatsApp {
  text: string;
  /** The numbered menu shown under the text: entry n is menu[n - 1]. */
  menu: Button[];
}

export interface RenderOptions {
  /** The bot's own number: buttons with a deep link become wa.me links (channel posts). */
  botNumber?: string;
  /** A channel post cannot be replied to, so it gets links instead of a numbered menu. */
  isChannelPost?: boolean;
}

/**
 * A neutral reply in WhatsApp's own formatting: the answer in *bold*, the supporting
 * sentence as a `> ` quote, the source in _italics_; buttons become a numbered menu the
 * reader answers with a digit (WhatsApp Web has no buttons).
 */
export function renderWhatsApp(reply: Reply, options: RenderOptions = {}): RenderedWhatsApp {
  const parts: string[] = [];
  for (const block of reply.blocks) {
    switch (block.kind) {
      case 'text':
        parts.push(block.text);
        break;
      case 'answer':
        parts.push(`*${plain(block.text)}*`);
        break;
      case 'quote':
        parts.push(block.text.split('\n').map((line) => `> ${line}`).join('\n'));
        break;
      case 'list':
        parts.push(block.items.map((item, index) => `${index + 1}. ${item}`).join('\n'));
        break;
      case 'source':
        parts.push(block.url ? `_${plain(block.text)}_ ${block.url}` : `_${plain(block.text)}_`);
        break;
    }
  }
  const buttons = reply.buttons?.flat() ?? [];
  if (options.isChannelPost) {
    const links = buttons.filter((button) => button.deepLink && options.botNumber);
    for (const button of links) parts.push(`${button.label}: https://wa.me/${options.botNumber}?text=${encodeURIComponent(button.action)}`);
    return { text: parts.join('\n\n'), menu: [] };
  }
  if (buttons.length) {
    parts.push(['Reply with a number:', ...buttons.map((button, index) => `${index + 1}. ${button.label}`)].join('\n'));
  }
  return { text: parts.join('\n\n'), menu: buttons };
}

/** Splits text into messages of at most `max` characters at paragraph, sentence or word boundaries. */
export function splitWhatsApp(text: string, max = WHATSAPP_MAX_CHARS): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = splitPoint(rest.slice(0, max));
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim()) chunks.push(rest);
  return chunks;
}

/** Inside *bold* or _italics_, a stray marker would end the formatting early. */
function plain(text: string): string {
  return text.replace(/[*_~`]/g, '');
}
