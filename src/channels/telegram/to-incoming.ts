import type { IncomingMessage } from '../../conversation/messages.js';

/** The parts of a Telegram message this bot reads (a structural slice of telegraf's types). */
export interface TelegramMessageLike {
  chat: { id: number; type: string };
  from?: { id: number; is_bot?: boolean };
  text?: string;
  caption?: string;
  entities?: { type: string; offset: number; length: number }[];
  reply_to_message?: { from?: { id: number } };
  sticker?: unknown;
  photo?: unknown;
  voice?: unknown;
  video?: unknown;
  document?: unknown;
  location?: unknown;
  audio?: unknown;
  contact?: unknown;
}

const MEDIA_KINDS = ['sticker', 'photo', 'voice', 'video', 'document', 'location', 'audio', 'contact'] as const;

/** Telegram message -> IncomingMessage: group rules need the bot's own id and username. */
export function toIncoming(message: TelegramMessageLike, bot: { id: number; username: string }): IncomingMessage {
  const isGroup = message.chat.type === 'group' || message.chat.type === 'supergroup';
  const mention = new RegExp(`@${bot.username}\\b`, 'i');
  const text = message.text;
  const mentioned = text !== undefined && mention.test(text);
  const repliesToBot = message.reply_to_message?.from?.id === bot.id;
  const incoming: IncomingMessage = {
    channel: 'telegram',
    chatId: String(message.chat.id),
    userId: String(message.from?.id ?? message.chat.id),
    isGroup,
    addressedToBot: !isGroup || mentioned || repliesToBot,
  };
  if (text !== undefined) {
    // "/help@our_bot" stays a command; "@our_bot who wrote it" becomes the question.
    incoming.text = text.replace(new RegExp(`(^|\\s)@${bot.username}\\b`, 'gi'), ' ').trim() || text;
  } else {
    incoming.mediaKind = MEDIA_KINDS.find((kind) => message[kind] !== undefined) ?? 'other';
  }
  return incoming;
}
