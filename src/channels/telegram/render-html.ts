import type { Button, Reply } from '../../conversation/messages.js';
import { splitPoint } from '../../conversation/split-point.js';

/** Telegram's limit on one message, counted after entity parsing. */
export const TELEGRAM_MAX_CHARS = 4096;
/** Telegram's limit on callback_data. */
const MAX_CALLBACK_BYTES = 64;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A neutral reply as Telegram HTML: answer bold, supporting sentence quoted, source in italics. */
export function renderHtml(reply: Reply): string {
  const parts: string[] = [];
  for (const block of reply.blocks) {
    switch (block.kind) {
      case 'text':
        parts.push(escapeHtml(block.text));
        break;
      case 'answer':
        parts.push(`<b>${escapeHtml(block.text)}</b>`);
        break;
      case 'quote':
        parts.push(`<blockquote>${escapeHtml(block.text)}</blockquote>`);
        break;
      case 'list':
        parts.push(block.items.map((item, index) => `${index + 1}. ${escapeHtml(item)}`).join('\n'));
        break;
      case 'source':
        parts.push(block.url ? `<i>${escapeHtml(block.text)}</i> <a href="${escapeHtml(block.url).replace(/"/g, '&quot;')}">link</a>` : `<i>${escapeHtml(block.text)}</i>`);
        break;
    }
  }
  return parts.join('\n\n');
}

/**
 * Splits HTML into messages of at most `max` characters, at paragraph, then sentence,
 * then word boundaries, closing and reopening any tag cut in two.
 */
export function splitMessage(html: string, max = TELEGRAM_MAX_CHARS): string[] {
  const chunks: string[] = [];
  let rest = html;
  while (rest.length > max) {
    const window = rest.slice(0, max - 30); // room for re-closing tags
    let cut = splitPoint(window);
    // Never cut inside a tag or an entity.
    const lastOpen = window.lastIndexOf('<', cut);
    if (lastOpen > window.lastIndexOf('>', cut)) cut = lastOpen;
    const amp = window.lastIndexOf('&', cut);
    if (amp > window.lastIndexOf(';', cut)) cut = amp;
    let chunk = rest.slice(0, cut).trimEnd();
    rest = rest.slice(cut).trimStart();
    const open = openTags(chunk);
    chunk += open.map((tag) => `</${tag}>`).reverse().join('');
    rest = open.map((tag) => `<${tag}>`).join('') + rest;
    chunks.push(chunk);
  }
  if (rest.trim()) chunks.push(rest);
  return chunks;
}

function openTags(html: string): string[] {
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)(b|i|blockquote|a)(?:\s[^>]*)?>/g)) {
    if (match[1]) stack.pop();
    else if (match[2] !== 'a') stack.push(match[2]!);
  }
  return stack;
}

/** Buttons as an inline keyboard; the action travels as callback_data (max 64 bytes). */
type InlineButton = { text: string; callback_data: string } | { text: string; url: string };

/**
 * Buttons as an inline keyboard. A button with a deep link becomes a t.me link when the
 * bot's username is known (a channel post cannot carry callbacks to the bot); the others
 * send their action back as callback data.
 */
export function inlineKeyboard(buttons: Button[][] | undefined, botUsername?: string): { inline_keyboard: InlineButton[][] } | undefined {
  if (!buttons?.length) return undefined;
  const rows = buttons
    .map((row) =>
      row.flatMap((button): InlineButton[] => {
        if (button.deepLink && botUsername) return [{ text: button.label, url: `https://t.me/${botUsername}?start=${encodeURIComponent(button.deepLink)}` }];
        return Buffer.byteLength(button.action) <= MAX_CALLBACK_BYTES ? [{ text: button.label, callback_data: button.action }] : [];
      }),
    )
    .filter((row) => row.length > 0);
  return rows.length ? { inline_keyboard: rows } : undefined;
}
