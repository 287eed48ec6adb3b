/** How long to wait between attempts: `baseMs`, doubling each time, never more than `maxMs`. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** The waits of one run of failures; `reset()` after a success starts again from `baseMs`. */
export class Backoff {
  private failures = 0;

  constructor(private readonly policy: BackoffPolicy) {}

  /** The wait before the next attempt, and counts this failure. */
  next(): number {
    const wait = Math.min(this.policy.maxMs, this.policy.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return wait;
  }

  /** Failures in a row so far. */
  get attempts(): number {
    return this.failures;
  }

  reset(): void {
    this.failures = 0;
  }
}

/** Waits `ms`, or less when `signal` aborts (then it resolves; it never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
