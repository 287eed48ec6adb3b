import type { Article } from '../content/article.js';
import type { Db } from '../store/database.js';

/** Which feed items were seen (by guid and link), and the articles they became. */
export class FeedStore {
  private readonly statements;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = {
      known: db.prepare('SELECT 1 FROM feed_items WHERE feed_url = ? AND item_key = ?'),
      insertItem: db.prepare('INSERT OR IGNORE INTO feed_items (feed_url, item_key, article_id, seen_at) VALUES (?, ?, ?, ?)'),
      storeArticle: db.prepare('INSERT OR REPLACE INTO feed_articles (id, article, stored_at) VALUES (?, ?, ?)'),
    };
  }

  /** Whether any of these keys was seen on this feed before. */
  isKnown(feedUrl: string, keys: string[]): boolean {
    return keys.some((key) => this.statements.known.get(feedUrl, key) !== undefined);
  }

  /** Whether this feed was ever read successfully (its first reading is the baseline). */
  hasSeenFeed(feedUrl: string): boolean {
    return this.db.prepare('SELECT 1 FROM feed_items WHERE feed_url = ? LIMIT 1').get(feedUrl) !== undefined;
  }

  /** Notes that the feed was read, even if it listed nothing yet. */
  markRead(feedUrl: string): void {
    this.db.prepare("INSERT OR IGNORE INTO feed_items (feed_url, item_key, article_id, seen_at) VALUES (?, '#read', '', ?)").run(feedUrl, this.now());
  }

  /** Remembers the item under all its keys and keeps its article for later starts. */
  record(feedUrl: string, keys: string[], article: Article): void {
    this.db.transaction(() => {
      const now = this.now();
      for (const key of keys) this.statements.insertItem.run(feedUrl, key, article.id, now);
      this.statements.storeArticle.run(article.id, JSON.stringify(article), now);
    })();
  }

  /** Every article that came from a feed, oldest first. */
  articles(): Article[] {
    return (this.db.prepare('SELECT article FROM feed_articles ORDER BY stored_at, id').all() as { article: string }[]).map((row) => JSON.parse(row.article) as Article);
  }
}
