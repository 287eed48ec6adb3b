import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import type { Outbox, Recipient } from './outbox.js';
import { broadcastMessage, pushMessage } from './push-message.js';
import type { SubscriberStore } from './subscriber-store.js';
import { topicMatches, topicTermsOf } from './topics.js';

export interface PublisherOptions {
  outbox: Outbox;
  subscribers: SubscriberStore;
  /** Channel posts that get every article (the Telegram channel, the WhatsApp channel). */
  channelPosts: Recipient[];
  /** Called after deliveries were queued, to wake the workers. */
  onQueued: () => void;
  /**
   * Whether this bot runs the channel at all. Subscribers of a channel that is switched
   * off (the console when Telegram runs, WhatsApp disabled) get nothing queued, so a
   * later start doesn't flood them with stale news. Default: every channel.
   */
  runsChannel?: (channel: string) => boolean;
  logger: Logger;
}

/** Turns a new article (or an admin's announcement) into queued deliveries. */
export class Publisher {
  private readonly log: Logger;

  constructor(private readonly options: PublisherOptions) {
    this.log = options.logger.child({ component: 'publisher' });
  }

  /**
   * Queues the article for every subscriber whose topics match and every channel post.
   * Returns the number queued, or null when it had been published before.
   */
  publishArticle(knowledge: ArticleKnowledge): number | null {
    const { article } = knowledge;
    const terms = topicTermsOf(knowledge);
    const recipients: Recipient[] = [...this.options.channelPosts];
    for (const subscriber of this.reachableSubscribers()) {
      if (subscriber.topics.some((topic) => topicMatches(topic, terms))) recipients.push(subscriber);
    }
    const queued = this.options.outbox.publish({ id: article.id, kind: 'article', title: article.title, message: pushMessage(knowledge) }, recipients);
    if (queued === null) {
      this.log.debug({ articleId: article.id }, 'already published; not sent again');
      return null;
    }
    this.log.info({ articleId: article.id, title: article.title, deliveries: queued }, 'article published');
    this.options.onQueued();
    return queued;
  }

  private reachableSubscribers() {
    const runs = this.options.runsChannel ?? (() => true);
    return this.options.subscribers.activeWithTopics().filter((subscriber) => runs(subscriber.channel));
  }

  /** An admin's announcement to every active subscriber (not the channel posts). */
  broadcast(text: string, by: string): number {
    const id = `broadcast-${randomUUID()}`;
    const recipients = this.reachableSubscribers();
    const queued = this.options.outbox.publish({ id, kind: 'broadcast', title: text.slice(0, 80), message: broadcastMessage(text) }, recipients) ?? 0;
    this.log.info({ id, by, deliveries: queued }, 'broadcast queued');
    this.options.onQueued();
    return queued;
  }
}
