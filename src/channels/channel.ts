/** A running messaging channel (console, Telegram, WhatsApp). */
export interface Channel {
  readonly name: string;
  start(): Promise<void>;
  /** Stop taking messages, finish the ones in hand, release resources. */
  stop(): Promise<void>;
}
