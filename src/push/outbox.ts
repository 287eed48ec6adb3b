import type { Reply } from '../conversation/messages.js';
import type { Db } from '../store/database.js';

export type PublicationKind = 'article' | 'broadcast';

export interface Publication {
  /** The article id, or "broadcast-…": recording the same id twice is a no-op. */
  id: string;
  kind: PublicationKind;
  title: string;
  message: Reply;
}

export interface Recipient {
  channel: string;
  chatId: string;
  isGroup: boolean;
}

export interface Delivery extends Recipient {
  id: number;
  publicationId: string;
  /** Attempts so far, this one included. */
  attempts: number;
}

export interface OutboxStats {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  unknown: number;
  lastPublish?: { id: string; title: string; at: number };
}

/**
 * The durable outbox. Publishing records the publication and one delivery row per
 * recipient in one transaction, so either all of a broadcast is queued or none of it is.
 * A delivery moves pending -> sending (committed before the send starts) -> sent | failed,
 * or back to pending with a later time to retry.
 */
export class Outbox {
  private readonly messages = new Map<string, Reply>();
  private readonly statements;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = {
      insertPublication: db.prepare('INSERT OR IGNORE INTO publications (id, kind, title, message, published_at) VALUES (?, ?, ?, ?, ?)'),
      insertDelivery: db.prepare(
        `INSERT OR IGNORE INTO deliveries (publication_id, channel, chat_id, is_group, status, next_attempt_at) VALUES (?, ?, ?, ?, 'pending', ?)`,
      ),
      due: db.prepare(
        `SELECT id, publication_id, channel, chat_id, is_group, attempts FROM deliveries
         WHERE channel = ? AND status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
      ),
      nextDueAt: db.prepare(`SELECT min(next_attempt_at) AS at FROM deliveries WHERE channel = ? AND status = 'pending'`),
      claim: db.prepare(`UPDATE deliveries SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'`),
      sent: db.prepare(`UPDATE deliveries SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ? AND status = 'sending'`),
      retry: db.prepare(`UPDATE deliveries SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'sending'`),
      release: db.prepare(`UPDATE deliveries SET status = 'pending', attempts = attempts - 1 WHERE id = ? AND status = 'sending'`),
      failed: db.prepare(`UPDATE deliveries SET status = 'failed', last_error = ? WHERE id = ? AND status = 'sending'`),
      failChat: db.prepare(`UPDATE deliveries SET status = 'failed', last_error = ? WHERE channel = ? AND chat_id = ? AND status = 'pending'`),
      attempt: db.prepare('INSERT INTO delivery_attempts (delivery_id, at, outcome, detail) VALUES (?, ?, ?, ?)'),
      message: db.prepare('SELECT message FROM publications WHERE id = ?'),
    };
  }

  /**
   * Records the publication and queues it for every recipient, atomically. Returns the
   * number of deliveries queued, or null when this id was published before (nothing is
   * queued again: a file saved twice or a feed re-listing an item is sent once).
   */
  publish(publication: Publication, recipients: Iterable<Recipient>): number | null {
    return this.db.transaction(() => {
      const now = this.now();
      const recorded = this.statements.insertPublication.run(publication.id, publication.kind, publication.title, JSON.stringify(publication.message), now);
      if (recorded.changes === 0) return null;
      let queued = 0;
      for (const recipient of recipients) {
        queued += this.statements.insertDelivery.run(publication.id, recipient.channel, recipient.chatId, recipient.isGroup ? 1 : 0, now).changes;
      }
      return queued;
    })();
  }

  /**
   * Marks articles as already published without sending them: what the content folder held
   * the first time the bot started, and what a feed listed the first time it was read.
   */
  recordBaseline(articles: { id: string; title: string }[]): void {
    this.db.transaction(() => {
      const now = this.now();
      for (const article of articles) this.statements.insertPublication.run(article.id, 'baseline', article.title, '{"blocks":[]}', now);
      this.db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('baseline_at', ?)").run(String(now));
    })();
  }

  /** Whether the first start's baseline was taken (after it, every new article is news). */
  hasBaseline(): boolean {
    return this.db.prepare("SELECT 1 FROM meta WHERE key = 'baseline_at'").get() !== undefined;
  }

  /** The ids of everything published so far (articles, baseline, broadcasts). */
  publishedIds(): Set<string> {
    return new Set((this.db.prepare('SELECT id FROM publications').all() as { id: string }[]).map((row) => row.id));
  }

  /** Deliveries on `channel` that may be sent now, oldest first. */
  due(channel: string, limit: number): Delivery[] {
    const rows = this.statements.due.all(channel, this.now(), limit) as {
      id: number;
      publication_id: string;
      channel: string;
      chat_id: string;
      is_group: number;
      attempts: number;
    }[];
    return rows.map((row) => ({
      id: row.id,
      publicationId: row.publication_id,
      channel: row.channel,
      chatId: row.chat_id,
      isGroup: row.is_group === 1,
      attempts: row.attempts,
    }));
  }

  /** When the next pending delivery on `channel` falls due (ms epoch), if any. */
  nextDueAt(channel: string): number | undefined {
    const row = this.statements.nextDueAt.get(channel) as { at: number | null };
    return row.at ?? undefined;
  }

  message(publicationId: string): Reply {
    let message = this.messages.get(publicationId);
    if (!message) {
      const row = this.statements.message.get(publicationId) as { message: string } | undefined;
      message = row ? (JSON.parse(row.message) as Reply) : { blocks: [] };
      if (this.messages.size > 100) this.messages.clear();
      this.messages.set(publicationId, message);
    }
    return message;
  }

  /** pending -> sending, committed before the send starts. False if someone else took it. */
  claim(delivery: Delivery): boolean {
    const claimed = this.statements.claim.run(delivery.id).changes === 1;
    if (claimed) delivery.attempts += 1;
    return claimed;
  }

  markSent(delivery: Delivery): void {
    this.db.transaction(() => {
      const now = this.now();
      this.statements.sent.run(now, delivery.id);
      this.statements.attempt.run(delivery.id, now, 'sent', null);
    })();
  }

  /** Back to pending, due again at `at`. */
  markRetry(delivery: Delivery, at: number, outcome: string, detail: string): void {
    this.db.transaction(() => {
      this.statements.retry.run(at, detail.slice(0, 500), delivery.id);
      this.statements.attempt.run(delivery.id, this.now(), outcome, detail.slice(0, 500));
    })();
  }

  /** Given up on this delivery; with `wholeChat`, on every pending one to that chat too. */
  markFailed(delivery: Delivery, outcome: string, detail: string, wholeChat = false): void {
    this.db.transaction(() => {
      this.statements.failed.run(detail.slice(0, 500), delivery.id);
      this.statements.attempt.run(delivery.id, this.now(), outcome, detail.slice(0, 500));
      if (wholeChat) this.statements.failChat.run(`chat gone: ${detail}`.slice(0, 500), delivery.channel, delivery.chatId);
    })();
  }

  /** The channel could not take it (client not connected): back to pending, attempt not counted. */
  release(delivery: Delivery): void {
    this.statements.release.run(delivery.id);
    delivery.attempts -= 1;
  }

  /**
   * After a crash: a delivery still marked "sending" may or may not have reached the chat.
   * It is marked "unknown" and not sent again (see README, "Delivery guarantee").
   */
  recoverInterrupted(): number {
    return this.db.prepare(`UPDATE deliveries SET status = 'unknown', last_error = 'process stopped while sending' WHERE status = 'sending'`).run().changes;
  }

  /** Deliveries waiting to go out (pending), per channel: the backlog a worker has in front of it. */
  backlogByChannel(): Record<string, number> {
    const rows = this.db.prepare(`SELECT channel, count(*) AS n FROM deliveries WHERE status = 'pending' GROUP BY channel`).all() as { channel: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.channel, row.n]));
  }

  stats(): OutboxStats {
    const counts = Object.fromEntries(
      (this.db.prepare('SELECT status, count(*) AS n FROM deliveries GROUP BY status').all() as { status: string; n: number }[]).map((row) => [row.status, row.n]),
    ) as Record<string, number | undefined>;
    const last = this.db
      .prepare(`SELECT id, title, published_at AS at FROM publications WHERE kind != 'baseline' ORDER BY published_at DESC, rowid DESC LIMIT 1`)
      .get() as { id: string; title: string; at: number } | undefined;
    return {
      pending: counts.pending ?? 0,
      sending: counts.sending ?? 0,
      sent: counts.sent ?? 0,
      failed: counts.failed ?? 0,
      unknown: counts.unknown ?? 0,
      ...(last ? { lastPublish: last } : {}),
    };
  }
}
