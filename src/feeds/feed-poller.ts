import type { Logger } from 'pino';
import type { Article } from '../content/article.js';
import { entryKeys, entryToArticle } from './feed-entry.js';
import { parseFeed } from './feed-reader.js';
import type { FeedStore } from './feed-store.js';

export interface FeedPollerOptions {
  urls: string[];
  intervalMs: number;
  store: FeedStore;
  /**
   * A new item became an article. `isNew` is false for what a feed already listed the first
   * time it was read: that backlog becomes answerable but is not pushed to anyone.
   */
  onArticle: (article: Article, isNew: boolean) => void;
  logger: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** After each reading of a feed: whether it could be read (metrics). */
  onPolled?: (ok: boolean) => void;
}

/** A feed larger than this is not a news feed. */
const MAX_FEED_BYTES = 5 * 1024 * 1024;

/**
 * Reads each feed every few minutes. A feed that is down, slow or malformed is logged and
 * read again at the next round; it never stops the bot or the other feeds.
 */
export class FeedPoller {
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private readonly failures = new Map<string, number>();
  private readonly log: Logger;

  constructor(private readonly options: FeedPollerOptions) {
    this.log = options.logger.child({ component: 'feeds' });
  }

  start(): void {
    const round = (): void => {
      this.polling = this.pollAll().then(() => undefined, (error: unknown) => this.log.error({ err: error }, "feed round failed")).finally(() => {
        if (this.timer) this.timer = setTimeout(round, this.options.intervalMs);
      });
    };
    this.timer = setTimeout(round, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
  }

  /** One round over every feed. Returns the number of new items. */
  async pollAll(): Promise<number> {
    let added = 0;
    for (const url of this.options.urls) added += await this.poll(url);
    return added;
  }

  private async poll(url: string): Promise<number> {
    const { store } = this.options;
    let parsed;
    try {
      parsed = parseFeed(await this.download(url));
    } catch (error) {
      const failures = (this.failures.get(url) ?? 0) + 1;
      this.failures.set(url, failures);
      this.log.warn({ feed: url, failures, reason: error instanceof Error ? error.message : String(error) }, 'feed not read; will try again next round');
      this.options.onPolled?.(false);
      return 0;
    }
    this.options.onPolled?.(true);
    if (this.failures.delete(url)) this.log.info({ feed: url }, 'feed readable again');
    const firstReading = !store.hasSeenFeed(url);
    let added = 0;
    // Oldest first, so articles are published in the order they were written.
    for (const entry of [...parsed.entries].reverse()) {
      const keys = entryKeys(entry);
      if (store.isKnown(url, keys)) continue;
      const article = entryToArticle(entry, { url, ...(parsed.title ? { title: parsed.title } : {}) });
      store.record(url, keys, article);
      added++;
      this.options.onArticle(article, !firstReading);
    }
    store.markRead(url);
    if (added) this.log.info({ feed: url, added, firstReading }, 'feed items added');
    return added;
  }

  private async download(url: string): Promise<string> {
    const response = await (this.options.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      headers: { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_FEED_BYTES) throw new Error(`feed larger than ${MAX_FEED_BYTES} bytes`);
    const text = await response.text();
    if (text.length > MAX_FEED_BYTES) throw new Error(`feed larger than ${MAX_FEED_BYTES} bytes`);
    return text;
  }
}
