import type { IncomingMessage } from '../../conversation/messages.js';

/** The parts of a whatsapp-web.js Message this bot reads. */
export interface WhatsAppMessageLike {
  from: string;
  /** In a group, the member who wrote it. */
  author?: string;
  body: string;
  type: string;
  fromMe: boolean;
  isStatus?: boolean;
  mentionedIds?: string[];
  hasQuotedMsg?: boolean;
  getQuotedMessage?: () => Promise<{ fromMe: boolean } | undefined>;
}

/** Kinds a person sends that the bot can't read; answered with a short polite reply. */
const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'ptt', 'sticker', 'location', 'vcard', 'multi_vcard', 'document', 'album', 'poll_creation', 'gif']);

/**
 * Which messages the bot must never answer: its own (also filtered by listening to
 * `message`, not `message_create`), status updates, channel (newsletter) and broadcast-list
 * traffic, and WhatsApp's own system messages.
 */
export function isIgnored(message: WhatsAppMessageLike): boolean {
  if (message.fromMe || message.isStatus) return true;
  if (message.from === 'status@broadcast' || message.from.endsWith('@newsletter') || message.from.endsWith('@broadcast')) return true;
  return message.type !== 'chat' && !MEDIA_TYPES.has(message.type);
}

/** WhatsApp message -> IncomingMessage. In groups, a mention of the bot or a reply to it addresses it. */
export async function toIncoming(message: WhatsAppMessageLike, bot: { id?: string; number?: string }): Promise<IncomingMessage> {
  const isGroup = message.from.endsWith('@g.us');
  let addressedToBot = !isGroup;
  let text = message.type === 'chat' ? message.body : undefined;
  if (isGroup && text !== undefined) {
    const mentioned = (bot.id !== undefined && message.mentionedIds?.includes(bot.id)) || (bot.number !== undefined && text.includes(`@${bot.number}`));
    const repliesToBot = message.hasQuotedMsg === true && (await message.getQuotedMessage?.().catch(() => undefined))?.fromMe === true;
    addressedToBot = Boolean(mentioned || repliesToBot);
  }
  if (text !== undefined && bot.number) text = text.replace(new RegExp(`(^|\\s)@${bot.number}\\b`, 'g'), ' ').trim() || text;
  return {
    channel: 'whatsapp',
    chatId: message.from,
    userId: message.author ?? message.from,
    isGroup,
    addressedToBot,
    ...(text !== undefined ? { text } : { mediaKind: message.type }),
  };
}
