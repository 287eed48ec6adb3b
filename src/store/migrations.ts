/**
 * The schema, one step per entry. A database records how many steps it has run
 * (`PRAGMA user_version`), so a new step runs once on every existing database and a
 * step, once released, is never edited: add a new one instead.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: subscribers, their topics, the outbox and its attempts.
  `
  CREATE TABLE subscribers (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    is_group INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    deactivated_at INTEGER,
    deactivated_reason TEXT,
    UNIQUE (channel, chat_id)
  );
  CREATE TABLE subscriptions (
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    -- '' means every article.
    topic TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (subscriber_id, topic)
  );
  -- An article or an admin broadcast, recorded once: its id is the duplicate guard.
  CREATE TABLE publications (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('article', 'broadcast', 'baseline')),
    title TEXT NOT NULL,
    -- The neutral Reply as JSON, rendered by each channel when it is sent.
    message TEXT NOT NULL,
    published_at INTEGER NOT NULL
  );
  CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    publication_id TEXT NOT NULL REFERENCES publications (id),
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    is_group INTEGER NOT NULL DEFAULT 0,
    -- pending -> sending -> sent | failed; sending left behind by a crash -> unknown.
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    sent_at INTEGER,
    UNIQUE (publication_id, channel, chat_id)
  );
  CREATE INDEX deliveries_due ON deliveries (channel, status, next_attempt_at, id);
  CREATE TABLE delivery_attempts (
    id INTEGER PRIMARY KEY,
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
    at INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT
  );
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: articles that came from feeds (files in CONTENT_DIR are their own record).
  `
  CREATE TABLE feed_items (
    feed_url TEXT NOT NULL,
    item_key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (feed_url, item_key)
  );
  CREATE TABLE feed_articles (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL,
    stored_at INTEGER NOT NULL
  );
  `,
  // 3: questions the bot couldn't answer, normalised, without who asked (kept 30 days).
  `
  CREATE TABLE unanswered_questions (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    asked_at INTEGER NOT NULL
  );
  CREATE INDEX unanswered_questions_asked ON unanswered_questions (asked_at);
  `,
];
