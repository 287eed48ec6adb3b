import type { IncomingMessage, Reply } from '../conversation/messages.js';
import type { ChannelStatus } from './channel-status.js';

/** A running messaging channel (console, Telegram, WhatsApp). */
export interface Channel {
  readonly name: string;
  /** starting / up / down / failed, with the reason; the readiness check reads it. */
  readonly status: ChannelStatus;
  /**
   * Begins connecting and returns at once: a platform that is down (or never answers) must
   * not hold up the rest of the bot. The status says when it is up.
   */
  start(): Promise<void>;
  /** Stop taking messages, finish the ones in hand, release resources. */
  stop(): Promise<void>;
}

/** What a channel hands each message to: the conversation, possibly counted by metrics. */
export interface Responder {
  respond(message: IncomingMessage): Promise<Reply | null>;
}
