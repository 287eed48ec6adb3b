import type { Answer } from '../answer/answer.js';

/** A message from any channel, reduced to what the core needs. */
export interface IncomingMessage {
  /** "telegram", "whatsapp", "console". */
  channel: string;
  chatId: string;
  userId: string;
  /** The text; undefined for a sticker, photo, voice note, location… */
  text?: string;
  /** What a non-text message was ("sticker", "photo"), for the log. */
  mediaKind?: string;
  isGroup: boolean;
  /** The bot was @-mentioned, or the message replies to one of the bot's. */
  addressedToBot: boolean;
  /**
   * The person at the bot's own terminal (the console chat). Not flood-limited: it is the
   * operator, and piped input arrives far faster than anyone types.
   */
  localUser?: boolean;
}

/** One piece of a reply; channels decide how each kind looks. */
export type Block =
  | { kind: 'text'; text: string }
  /** The answer itself: bold on Telegram and WhatsApp. */
  | { kind: 'answer'; text: string }
  /** The article sentence supporting the answer. */
  | { kind: 'quote'; text: string }
  | { kind: 'list'; items: string[] }
  /** "Source: headline (publisher, date)". */
  | { kind: 'source'; text: string; url?: string };

/** A button or menu entry; `action` is what the bot receives when it is chosen. */
export interface Button {
  label: string;
  /** A command ("/about", "/open <id>") or a question ("when?"). */
  action: string;
  /**
   * For a message that is not a reply (a push, a channel post): the parameter of a link
   * that opens a chat with the bot and sends it `/start <deepLink>`. Channels that have
   * such links (Telegram's t.me/<bot>?start=) use it; the others show `action`.
   */
  deepLink?: string;
}

export interface Reply {
  blocks: Block[];
  /** The engine's answer this reply renders, when it is one: for the CLI's JSON and for logs. */
  answer?: Answer;
  /** Rows of buttons. */
  buttons?: Button[][];
}

export const textReply = (text: string, buttons?: Button[][]): Reply => ({ blocks: [{ kind: 'text', text }], ...(buttons ? { buttons } : {}) });
