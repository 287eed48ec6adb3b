/** Time as the push code sees it: injected, so tests can run hours of retries in a moment. */
export interface Clock {
  /** Milliseconds since the epoch, with sub-millisecond precision where the clock has it. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock: epoch time from the monotonic high-resolution timer. */
export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
