import type { Logger } from 'pino';

/**
 * Logs how a long job goes (done / total, rate, time left) at most every `intervalMs`, so
 * whoever starts the bot on a big folder sees it working and knows when it will be done.
 */
export class ProgressLog {
  private readonly started = performance.now();
  private lastLogged = this.started;

  constructor(
    private readonly logger: Logger,
    private readonly message: string,
    private readonly total: number,
    private readonly intervalMs: number,
  ) {}

  /** Reports `done` if the interval has passed since the last line. */
  update(done: number): void {
    const now = performance.now();
    if (now - this.lastLogged < this.intervalMs) return;
    this.lastLogged = now;
    const seconds = (now - this.started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    this.logger.info(
      { done, total: this.total, perSecond: Math.round(rate), secondsLeft: rate > 0 ? Math.round((this.total - done) / rate) : null, percent: Math.floor((100 * done) / Math.max(1, this.total)) },
      this.message,
    );
  }

  get elapsedMs(): number {
    return performance.now() - this.started;
  }
}
