import type { Logger } from 'pino';
import { redactSecrets } from '../logger.js';

/**
 * Where a channel is in its life: starting -> up -> down (retrying) -> up …; `failed` is for
 * good (a wrong token), and nothing retries after it.
 */
export type ChannelState = 'starting' | 'up' | 'down' | 'failed';

export interface ChannelStatusSnapshot {
  state: ChannelState;
  /** Why it is in that state, in words an operator can act on. Never holds a token. */
  reason: string;
  /** Since when (ms epoch). */
  since: number;
}

/**
 * A configuration value the platform refused (a wrong bot token): retrying can't help, the
 * operator has to fix `variable`. The message names the variable, never its value.
 */
export class ChannelConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelConfigError';
  }
}

/**
 * One channel's state, logged at every change with the reason, and observable by the
 * readiness check and the channel-up gauge.
 */
export class ChannelStatus {
  private current: ChannelStatusSnapshot;
  private readonly listeners = new Set<(snapshot: ChannelStatusSnapshot, channel: string) => void>();
  private readonly log: Logger;
  private failure: Error | undefined;
  private reported = false;

  constructor(
    readonly channel: string,
    logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.log = logger.child({ channel });
    this.current = { state: 'starting', reason: 'not started yet', since: now() };
  }

  get state(): ChannelState {
    return this.current.state;
  }

  snapshot(): ChannelStatusSnapshot {
    return { ...this.current };
  }

  /** The error that made it fail for good, if it did. */
  get error(): Error | undefined {
    return this.failure;
  }

  starting(reason: string): void {
    this.set('starting', reason);
  }

  up(reason: string): void {
    this.set('up', reason);
  }

  down(reason: string): void {
    this.set('down', reason);
  }

  failed(error: Error): void {
    this.failure = error;
    this.set('failed', error.message);
  }

  /** Called after every change of state; returns the unsubscribe. */
  onChange(listener: (snapshot: ChannelStatusSnapshot, channel: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: ChannelState, reason: string): void {
    // "failed" is final: a late "down" from a call still in flight must not hide it.
    if (this.current.state === 'failed') return;
    // The first report is logged even though the state starts as "starting".
    if (this.current.state === state && this.reported) {
      // Still down, for a new reason: /readyz shows the latest; the retry itself is logged.
      this.current.reason = redactSecrets(reason);
      return;
    }
    const previous = this.reported ? this.current.state : undefined;
    this.reported = true;
    this.current = { state, reason: redactSecrets(reason), since: this.now() };
    const fields = { state, ...(previous ? { previous } : {}), reason: this.current.reason };
    if (state === 'failed') this.log.error(fields, 'channel failed for good');
    else if (state === 'down') this.log.warn(fields, 'channel down; retrying');
    else this.log.info(fields, `channel ${state}`);
    for (const listener of this.listeners) listener(this.snapshot(), this.channel);
  }
}
