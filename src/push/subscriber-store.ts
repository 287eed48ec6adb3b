import type { Db } from '../store/database.js';

export interface Subscriber {
  id: number;
  channel: string;
  chatId: string;
  isGroup: boolean;
  active: boolean;
}

export interface SubscriberWithTopics extends Subscriber {
  /** '' stands for "every article". */
  topics: string[];
}

/** The address of a chat on a channel: "telegram" + "12345". */
export interface ChatAddress {
  channel: string;
  chatId: string;
  isGroup: boolean;
}

interface SubscriberRow {
  id: number;
  channel: string;
  chat_id: string;
  is_group: number;
  active: number;
}

const toSubscriber = (row: SubscriberRow): Subscriber => ({
  id: row.id,
  channel: row.channel,
  chatId: row.chat_id,
  isGroup: row.is_group === 1,
  active: row.active === 1,
});

/** Who gets what: chats and the topics they follow, in SQLite. */
export class SubscriberStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Adds a topic ('' = everything) for a chat; re-activates a chat that had been switched
   * off (it blocked the bot, then came back). Returns false when it was already there.
   */
  subscribe(chat: ChatAddress, topic: string): boolean {
    return this.db.transaction(() => {
      const now = this.now();
      this.db
        .prepare(
          `INSERT INTO subscribers (channel, chat_id, is_group, active, created_at) VALUES (?, ?, ?, 1, ?)
           ON CONFLICT (channel, chat_id) DO UPDATE SET active = 1, is_group = excluded.is_group, deactivated_at = NULL, deactivated_reason = NULL`,
        )
        .run(chat.channel, chat.chatId, chat.isGroup ? 1 : 0, now);
      const { id } = this.db.prepare('SELECT id FROM subscribers WHERE channel = ? AND chat_id = ?').get(chat.channel, chat.chatId) as { id: number };
      const added = this.db.prepare('INSERT OR IGNORE INTO subscriptions (subscriber_id, topic, created_at) VALUES (?, ?, ?)').run(id, topic, now);
      return added.changes === 1;
    })();
  }

  /** Subscribes many chats at once, in one transaction (imports, benchmarks). */
  subscribeMany(chats: ChatAddress[], topic: string): void {
    this.db.transaction(() => {
      for (const chat of chats) this.subscribe(chat, topic);
    })();
  }

  /** Removes one topic, or every topic when `topic` is undefined. Returns how many went. */
  unsubscribe(chat: { channel: string; chatId: string }, topic?: string): number {
    const subscriber = this.find(chat);
    if (!subscriber) return 0;
    const result =
      topic === undefined
        ? this.db.prepare('DELETE FROM subscriptions WHERE subscriber_id = ?').run(subscriber.id)
        : this.db.prepare('DELETE FROM subscriptions WHERE subscriber_id = ? AND topic = ?').run(subscriber.id, topic);
    return result.changes;
  }

  find(chat: { channel: string; chatId: string }): SubscriberWithTopics | undefined {
    const row = this.db.prepare('SELECT id, channel, chat_id, is_group, active FROM subscribers WHERE channel = ? AND chat_id = ?').get(chat.channel, chat.chatId) as SubscriberRow | undefined;
    if (!row) return undefined;
    const topics = (this.db.prepare('SELECT topic FROM subscriptions WHERE subscriber_id = ? ORDER BY topic').all(row.id) as { topic: string }[]).map((r) => r.topic);
    return { ...toSubscriber(row), topics };
  }

  /** Every active chat with at least one topic, with its topics. */
  activeWithTopics(): SubscriberWithTopics[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.channel, s.chat_id, s.is_group, s.active, group_concat(t.topic, char(31)) AS topics
         FROM subscribers s JOIN subscriptions t ON t.subscriber_id = s.id
         WHERE s.active = 1 GROUP BY s.id ORDER BY s.id`,
      )
      .all() as (SubscriberRow & { topics: string })[];
    return rows.map((row) => ({ ...toSubscriber(row), topics: row.topics.split('\u001f') }));
  }

  /** The chat is gone for good (blocked the bot, deleted): stop sending to it. */
  deactivate(chat: { channel: string; chatId: string }, reason: string): void {
    this.db
      .prepare('UPDATE subscribers SET active = 0, deactivated_at = ?, deactivated_reason = ? WHERE channel = ? AND chat_id = ? AND active = 1')
      .run(this.now(), reason.slice(0, 200), chat.channel, chat.chatId);
  }

  /** Active subscribers per channel, for /stats. */
  countsByChannel(): Record<string, number> {
    const rows = this.db
      .prepare(
        `SELECT channel, count(*) AS n FROM subscribers s
         WHERE active = 1 AND EXISTS (SELECT 1 FROM subscriptions t WHERE t.subscriber_id = s.id)
         GROUP BY channel ORDER BY channel`,
      )
      .all() as { channel: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.channel, row.n]));
  }
}
