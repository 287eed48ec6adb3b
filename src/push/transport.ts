import type { Reply } from '../conversation/messages.js';

/**
 * What became of one send, as the delivery worker needs to know it. Each channel adapter
 * maps its platform's errors onto these.
 */
export type SendResult =
  | { ok: true }
  /** Too many requests: wait this long, then try again (Telegram 429 retry_after). */
  | { ok: false; kind: 'retryAfter'; seconds: number; detail: string }
  /** Server error or network trouble: try again later, with backoff. */
  | { ok: false; kind: 'transient'; detail: string }
  /** The chat is gone for good (blocked the bot, deleted, not found): stop sending to it. */
  | { ok: false; kind: 'chatGone'; detail: string }
  /** This message will never go (a bad request): give it up, keep the chat. */
  | { ok: false; kind: 'rejected'; detail: string }
  /** The channel is not connected yet: keep it queued, attempt not counted. */
  | { ok: false; kind: 'notReady'; detail: string };

/** A channel's way of pushing a message to a chat. */
export interface PushTransport {
  readonly channel: string;
  send(chatId: string, message: Reply): Promise<SendResult>;
}
