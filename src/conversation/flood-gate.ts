/**
 * Per-user flood control over a sliding window. Beyond the limit the user gets one
 * "slow down" and then silence until the window has room again; other users are not
 * affected because each key has its own window.
 */
export type FloodVerdict = 'allow' | 'warn' | 'drop';

export class FloodGate {
  private readonly hits = new Map<string, { times: number[]; warned: boolean }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  check(key: string): FloodVerdict {
    const now = this.now();
    let entry = this.hits.get(key);
    if (!entry) {
      if (this.hits.size > 50_000) this.sweep(now);
      this.hits.set(key, (entry = { times: [], warned: false }));
    }
    entry.times = entry.times.filter((time) => now - time < this.windowMs);
    if (entry.times.length < this.limit) {
      entry.times.push(now);
      entry.warned = false;
      return 'allow';
    }
    if (entry.warned) return 'drop';
    entry.warned = true;
    return 'warn';
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits) {
      if (entry.times.every((time) => now - time >= this.windowMs)) this.hits.delete(key);
    }
  }
}
