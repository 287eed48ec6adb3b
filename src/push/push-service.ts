import type { Logger } from 'pino';
import type { Article } from '../content/article.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Db } from '../store/database.js';
import type { Clock } from './clock.js';
import { DeliveryWorker, type RetryPolicy } from './delivery-worker.js';
import { Outbox, type Recipient } from './outbox.js';
import { Publisher } from './publisher.js';
import { type RateLimits, RateLimiter } from './rate-limiter.js';
import { SubscriberStore } from './subscriber-store.js';
import type { PushTransport } from './transport.js';

export interface PushServiceOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  channelPosts: Recipient[];
  retry?: RetryPolicy;
}

/**
 * Subscriptions, the outbox and one delivery worker per channel, over one database.
 * Articles come in through `articleArrived`; channels plug in through `addTransport`.
 */
export class PushService {
  readonly outbox: Outbox;
  readonly subscribers: SubscriberStore;
  readonly publisher: Publisher;
  private readonly workers = new Map<string, DeliveryWorker>();
  private readonly log: Logger;

  constructor(private readonly options: PushServiceOptions) {
    const now = () => Math.round(options.clock.now());
    this.log = options.logger.child({ component: 'push' });
    this.outbox = new Outbox(options.db, now);
    this.subscribers = new SubscriberStore(options.db, now);
    this.publisher = new Publisher({
      outbox: this.outbox,
      subscribers: this.subscribers,
      channelPosts: options.channelPosts,
      onQueued: () => this.workers.forEach((worker) => worker.notify()),
      runsChannel: (channel) => this.workers.has(channel),
      logger: options.logger,
    });
    const interrupted = this.outbox.recoverInterrupted();
    if (interrupted > 0) {
      this.log.warn({ deliveries: interrupted }, 'deliveries were in flight when the bot last stopped; marked unknown and not resent (see README)');
    }
  }

  /** A channel that can push; its queued deliveries start going out at its pace. */
  addTransport(transport: PushTransport, limits: RateLimits, concurrency?: number): DeliveryWorker {
    const worker = new DeliveryWorker({
      outbox: this.outbox,
      transport,
      limiter: new RateLimiter(limits),
      clock: this.options.clock,
      logger: this.options.logger,
      onChatGone: (chat, reason) => this.subscribers.deactivate(chat, reason),
      ...(concurrency ? { concurrency } : {}),
      ...(this.options.retry ? { retry: this.options.retry } : {}),
    });
    this.workers.set(transport.channel, worker);
    return worker;
  }

  start(): void {
    for (const worker of this.workers.values()) worker.start();
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.workers.values()].map((worker) => worker.stop()));
  }

  /**
   * Reconciles the articles present at start-up with what was published. On the very first
   * start they are the baseline (nobody wants the whole archive pushed at them); after that,
   * any article not published yet arrived while the bot was down and goes out now.
   */
  catchUp(knowledge: KnowledgeBase): void {
    // Headlines only: a big archive's articles are not all decoded to find the new ones.
    const all = knowledge.summaries();
    if (!this.outbox.hasBaseline()) {
      this.outbox.recordBaseline(all);
      this.log.info({ articles: all.length }, 'first start: existing articles recorded as already published');
      return;
    }
    const published = this.outbox.publishedIds();
    const unpublished = all.filter(({ id }) => !published.has(id));
    unpublished.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    for (const { id } of unpublished) {
      const item = knowledge.get(id);
      if (item) this.publisher.publishArticle(item);
    }
  }

  /** A new or changed article: answerable at once, and published if it is new. */
  /** Articles that arrived together (a burst of saves in the folder): stored at once, then published. */
  articlesArrived(knowledge: KnowledgeBase, articles: Article[]): void {
    knowledge.upsertAll(articles);
    for (const article of articles) {
      const built = knowledge.get(article.id);
      if (built) this.publisher.publishArticle(built);
    }
  }

  articleArrived(knowledge: KnowledgeBase, article: Article, publish = true): void {
    const built = knowledge.upsert(article);
    if (publish) this.publisher.publishArticle(built);
    else this.outbox.recordBaseline([article]);
  }
}
