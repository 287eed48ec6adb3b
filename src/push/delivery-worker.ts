import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { Delivery, Outbox } from './outbox.js';
import type { RateLimiter } from './rate-limiter.js';
import type { PushTransport, SendResult } from './transport.js';

export interface RetryPolicy {
  /** First wait after a server or network error; doubled after each further one. */
  baseMs: number;
  maxMs: number;
  /** Give up after this many attempts that ended in server or network errors. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 5_000, maxMs: 15 * 60_000, maxAttempts: 10 };

export interface DeliveryWorkerOptions {
  outbox: Outbox;
  transport: PushTransport;
  limiter: RateLimiter;
  clock: Clock;
  logger: Logger;
  /** A chat that will never receive again (blocked the bot…): switch its subscription off. */
  onChatGone: (chat: { channel: string; chatId: string }, reason: string) => void;
  /** Sends in flight at once; the limiter spaces them, this hides network latency. */
  concurrency?: number;
  retry?: RetryPolicy;
  /** How long to wait for a channel that is not connected before trying again. */
  notReadyPauseMs?: number;
}

/** How many due deliveries to read from the database at a time. */
const BATCH = 256;
/** Even with nothing queued, look again this often (cheap; a safety net for missed wakes). */
const IDLE_POLL_MS = 5_000;

/**
 * Sends one channel's queued deliveries, as fast as its rate limits allow. Each delivery is
 * claimed (status "sending", committed) before the send and settled after it, so a crash
 * leaves at most `concurrency` deliveries whose fate is unknown. One worker per channel:
 * WhatsApp's slow pace never holds up Telegram, and answers to questions never pass through
 * here at all.
 */
export class DeliveryWorker {
  private readonly channel: string;
  private readonly concurrency: number;
  private readonly retry: RetryPolicy;
  private readonly inFlight = new Set<Promise<void>>();
  private buffer: Delivery[] = [];
  private stopping = false;
  private wake: () => void = () => undefined;
  private running: Promise<void> | undefined;
  private readonly log: Logger;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.channel = options.transport.channel;
    this.concurrency = options.concurrency ?? 4;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.log = options.logger.child({ component: 'delivery', channel: this.channel });
  }

  /** Starts sending in the background until stop(). */
  start(): void {
    this.running ??= this.loop(false);
  }

  /** New deliveries were queued: look now rather than at the next poll. */
  notify(): void {
    this.wake();
  }

  /** Stops taking deliveries and waits for the sends in flight to be recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Sends until nothing is queued or in flight (retries included, on the given clock). For tests and benchmarks. */
  async runUntilIdle(): Promise<void> {
    await this.loop(true);
  }

  private async loop(untilIdle: boolean): Promise<void> {
    while (!this.stopping) {
      if (this.inFlight.size >= this.concurrency) {
        await Promise.race(this.inFlight);
        continue;
      }
      const wait = this.dispatchNext();
      if (wait === 0) continue;
      if (untilIdle && wait === Infinity && this.inFlight.size === 0) return;
      await this.sleep(wait);
    }
    await Promise.allSettled([...this.inFlight]);
  }

  private sleep(ms: number): Promise<void> {
    const woken = new Promise<void>((resolve) => (this.wake = resolve));
    const racers: Promise<unknown>[] = [woken, ...this.inFlight];
    if (ms !== Infinity || this.inFlight.size === 0) racers.push(this.options.clock.sleep(Math.min(ms, IDLE_POLL_MS)));
    return Promise.race(racers).then(() => undefined);
  }

  /** Starts the next send the limits allow; returns 0 if it did, else how long to wait. */
  private dispatchNext(): number {
    const { outbox, limiter, clock } = this.options;
    const now = clock.now();
    const channelWait = limiter.channelWait(now);
    if (channelWait > 0) return channelWait;
    if (this.buffer.length === 0) this.buffer = outbox.due(this.channel, BATCH);
    if (this.buffer.length === 0) {
      const next = outbox.nextDueAt(this.channel);
      return next === undefined ? Infinity : Math.max(1, next - now);
    }
    let shortestWait = Infinity;
    for (const [index, delivery] of this.buffer.entries()) {
      const wait = limiter.chatWait(delivery.chatId, delivery.isGroup, now);
      if (wait > 0) {
        shortestWait = Math.min(shortestWait, wait);
        continue;
      }
      this.buffer.splice(index, 1);
      if (!outbox.claim(delivery)) return 0; // settled meanwhile (its chat went away)
      limiter.record(delivery.chatId, delivery.isGroup, now);
      const sending = this.deliver(delivery).finally(() => this.inFlight.delete(sending));
      this.inFlight.add(sending);
      return 0;
    }
    // Every buffered chat is resting; read afresh after the wait in case others are due.
    this.buffer = [];
    return shortestWait;
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { outbox, transport, clock } = this.options;
    let result: SendResult;
    try {
      result = await transport.send(delivery.chatId, outbox.message(delivery.publicationId));
    } catch (error) {
      result = { ok: false, kind: 'transient', detail: error instanceof Error ? error.message : String(error) };
    }
    try {
      this.settle(delivery, result, clock.now());
    } catch (error) {
      // The database refused the update: leave the row as it is ("sending" becomes
      // "unknown" at the next start) rather than risk sending it twice.
      this.log.error({ err: error, deliveryId: delivery.id }, 'could not record a delivery');
    }
  }

  private settle(delivery: Delivery, result: SendResult, now: number): void {
    const { outbox, limiter } = this.options;
    const where = { deliveryId: delivery.id, chatId: delivery.chatId, publication: delivery.publicationId };
    if (result.ok) {
      outbox.markSent(delivery);
      return;
    }
    switch (result.kind) {
      case 'retryAfter': {
        const until = now + result.seconds * 1000;
        limiter.pauseUntil(until);
        outbox.markRetry(delivery, until, 'retry_after', result.detail);
        this.log.warn({ ...where, retryAfterSeconds: result.seconds }, 'rate limited by the platform; pausing the channel');
        return;
      }
      case 'transient': {
        if (delivery.attempts >= this.retry.maxAttempts) {
          outbox.markFailed(delivery, 'gave_up', result.detail);
          this.log.error({ ...where, attempts: delivery.attempts, detail: result.detail }, 'delivery failed for good after retries');
          return;
        }
        const wait = Math.min(this.retry.maxMs, this.retry.baseMs * 2 ** (delivery.attempts - 1));
        outbox.markRetry(delivery, now + wait, 'transient', result.detail);
        this.log.warn({ ...where, attempts: delivery.attempts, retryInMs: wait, detail: result.detail }, 'delivery failed; will retry');
        return;
      }
      case 'chatGone':
        outbox.markFailed(delivery, 'chat_gone', result.detail, true);
        this.options.onChatGone({ channel: delivery.channel, chatId: delivery.chatId }, result.detail);
        this.log.info({ ...where, detail: result.detail }, 'chat is gone; subscriber switched off');
        return;
      case 'rejected':
        outbox.markFailed(delivery, 'rejected', result.detail);
        this.log.error({ ...where, detail: result.detail }, 'delivery rejected by the platform');
        return;
      case 'notReady':
        outbox.release(delivery);
        limiter.pauseUntil(now + (this.options.notReadyPauseMs ?? 5_000));
        this.log.debug({ ...where }, 'channel not ready; delivery stays queued');
        return;
    }
  }
}
