import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { analysisFingerprint } from './analysis-fingerprint.js';

export const ARCHIVE_FILE = 'knowledge.sqlite';
/**
 * The archive is derived data (it can always be rebuilt from the articles), so instead of
 * migrations it carries a format version: a database of another version is rebuilt.
 * Bump this whenever what is stored changes; a change to how the analysis computes it is
 * caught by the analysis fingerprint (analysis-fingerprint.ts).
 */
export const ARCHIVE_FORMAT = 6;

/** SQLite's answers for a file that is not (or no longer) a database. */
const UNREADABLE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

const SCHEMA = `
  -- One row per article. slot: never reused, so a cached slot can never name another article.
  CREATE TABLE articles (
    slot INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    -- '' when undated: sorts last in latest().
    date TEXT NOT NULL,
    -- Of the parsed article: the same hash means the same analysis, so nothing is redone.
    hash TEXT NOT NULL,
    -- The words (and their stems) a reader can subscribe to it by (src/push/topics.ts),
    -- space-separated: /subscribe counts the articles of a topic without decoding any.
    topic_words TEXT NOT NULL,
    topic_stems TEXT NOT NULL,
    -- Its postings' entries (posting-records.ts), read only when a question scores its sentences.
    entries BLOB NOT NULL,
    knowledge BLOB NOT NULL
  );
  CREATE INDEX articles_latest ON articles (date, slot);
  -- The content folder as last indexed: a file whose signature is unchanged is not read.
  CREATE TABLE files (
    origin TEXT PRIMARY KEY,
    signature TEXT NOT NULL,
    article_id TEXT,
    -- Why the file was skipped, when it was.
    reason TEXT
  ) WITHOUT ROWID;
  -- Per term and segment of article slots, the heads of posting-records.ts in two tiers by
  -- impact (impact-tiers.ts): here tier 0, the few a question reads, and what tier 1 can
  -- add at most (restBounds; 0 when the segment's heads are all here).
  CREATE TABLE postings (
    term TEXT NOT NULL,
    segment INTEGER NOT NULL,
    heads BLOB NOT NULL,
    rest INTEGER NOT NULL,
    PRIMARY KEY (term, segment)
  ) WITHOUT ROWID;
  -- Tier 1: the rest, read only by an exact search and by writes. Keyed by segment first,
  -- so a first indexing (segment after segment) appends to the B-tree instead of writing
  -- all over it.
  CREATE TABLE postings_rest (
    segment INTEGER NOT NULL,
    term TEXT NOT NULL,
    heads BLOB NOT NULL,
    PRIMARY KEY (segment, term)
  ) WITHOUT ROWID;
  -- Document frequencies; a row whose counts fall to zero is deleted (the word is forgotten).
  -- seq: when the term was first seen in a sentence (related stems come in that order).
  CREATE TABLE terms (
    term TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    sentences INTEGER NOT NULL,
    paragraphs INTEGER NOT NULL,
    articles INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- The typo-correcting vocabulary; seq keeps first-sight order (it breaks fuse.js ties).
  CREATE TABLE words (
    word TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    count INTEGER NOT NULL,
    inside INTEGER NOT NULL,
    capitalised INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX words_seq ON words (seq);
  -- Document counts and total lengths of the sentence, paragraph and article collections.
  CREATE TABLE totals (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sentences INTEGER NOT NULL, sentence_length INTEGER NOT NULL,
    paragraphs INTEGER NOT NULL, paragraph_length INTEGER NOT NULL,
    articles INTEGER NOT NULL, article_length INTEGER NOT NULL
  );
  INSERT INTO totals VALUES (1, 0, 0, 0, 0, 0, 0);
`;

/** Opens DATA_DIR/knowledge.sqlite, creating or rebuilding it when its format is not ours. */
export function openArchiveDatabase(dataDir: string, pageCacheBytes: number, logger?: Logger): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, ARCHIVE_FILE);
  let db = new Database(file);
  const rebuild = (fields: Record<string, unknown>, message: string): void => {
    logger?.warn({ file, ...fields }, message);
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    db = new Database(file);
  };
  let version: number | undefined;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    // Not a database, or a damaged one: it only holds what the articles can give again.
    if (!(error instanceof Database.SqliteError) || !UNREADABLE.has(error.code)) throw error;
    rebuild({ code: error.code }, 'archive unreadable: rebuilding it from the articles');
  }
  const fingerprint = analysisFingerprint();
  if (version !== undefined && version !== 0 && version !== ARCHIVE_FORMAT) {
    rebuild({ found: version, expected: ARCHIVE_FORMAT }, 'archive format changed: rebuilding it from the articles');
  } else if (version !== undefined && version !== 0 && db.pragma('application_id', { simple: true }) !== fingerprint) {
    // Stored sentences, names and postings are what the old analysis made of the articles.
    rebuild({ found: db.pragma('application_id', { simple: true }), expected: fingerprint }, 'the analysis code changed: rebuilding the archive from the articles');
  }
  db.pragma('journal_mode = WAL');
  // Derived data: losing the last commits to a power cut costs a re-analysis, nothing more.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${Math.max(1, Math.round(pageCacheBytes / 1024))}`);
  if ((db.pragma('user_version', { simple: true }) as number) === 0) {
    db.transaction(() => {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${ARCHIVE_FORMAT}`);
      db.pragma(`application_id = ${fingerprint}`);
    })();
  }
  return db;
}
