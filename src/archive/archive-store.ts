import { statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Article } from '../content/article.js';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { decodeKnowledge } from '../knowledge/knowledge-codec.js';
import { ArticleEntries } from './article-entries.js';
import { articleHash } from './article-hash.js';
import type { ArticleSummary, ArticleTopicTerms, KnowledgeStore } from '../knowledge/knowledge-store.js';
import { ARCHIVE_FILE, openArchiveDatabase } from './archive-schema.js';
import { ByteLru } from './byte-lru.js';
import { IndexBatch } from './index-batch.js';
import { type PreparedArticle, prepareArticle } from './prepare.js';
import { StoredIndex } from './stored-index.js';
import { StoredVocabulary } from './stored-vocabulary.js';

/**
 * How ARCHIVE_MEMORY_MB is shared: decoded posting rows of recent query terms, decoded
 * articles of recent answers, and SQLite's own page cache. Postings get most: a question
 * reads ~4 MB of heads at 100,000 articles and the common terms come back question after
 * question, while the ~30 articles an answer decodes rarely do (at 64 MB the cache still
 * holds ~120 articles, enough for the ones chats are about), and the page cache mostly
 * holds B-tree inner pages. Measured at 100,000 articles and 64 MB
 * (scripts/profile-archive.ts): 0.75 / 0.125 / 0.125 reads rows ~0.5 ms a question faster
 * than 0.5 / 0.25 / 0.25, with entries and knowledge as fast.
 */
const POSTINGS_SHARE = 0.75;
const KNOWLEDGE_SHARE = 0.125;
const PAGE_CACHE_SHARE = 0.125;
/** A decoded article takes roughly this many times its deflated size in memory (measured on BBC: ~9x). */
const DECODED_BYTES_PER_STORED_BYTE = 10;
/** A batch touching more terms than this clears the posting cache instead of picking through it. */
const FORGET_ALL_ABOVE_TERMS = 20_000;

export interface ArchiveOptions {
  dataDir: string;
  /** Memory the archive's caches may use, all together. */
  memoryBytes: number;
  logger?: Logger;
}

/** A content file as last indexed. */
export interface FileRecord {
  origin: string;
  signature: string;
  articleId?: string;
  /** Why it was skipped, when it was. */
  reason?: string;
}

/**
 * Every article's analysis, kept in SQLite under DATA_DIR: sentences with their facts,
 * the BM25 postings, document frequencies and the vocabulary. Articles are decoded on demand
 * through a cache bounded by bytes, so memory depends on ARCHIVE_MEMORY_MB, not on how many
 * articles there are. Writes come in batches (one transaction each); readers see each
 * batch whole.
 */
export class ArchiveStore implements KnowledgeStore {
  readonly index: StoredIndex;
  readonly vocabulary: StoredVocabulary;
  private readonly knowledgeCache: ByteLru<number, ArticleKnowledge>;
  private readonly file: string;
  private dataVersion = 0;
  private cachedSize: number | undefined;
  private readonly statements;

  constructor(private readonly db: Database.Database, options: ArchiveOptions) {
    this.file = join(options.dataDir, ARCHIVE_FILE);
    this.knowledgeCache = new ByteLru(options.memoryBytes * KNOWLEDGE_SHARE);
    this.index = new StoredIndex(db, this, options.memoryBytes * POSTINGS_SHARE);
    this.vocabulary = new StoredVocabulary(db);
    this.statements = {
      byId: db.prepare<[string], { slot: number; hash: string }>('SELECT slot, hash FROM articles WHERE id = ?'),
      knowledge: db.prepare<[number], { knowledge: Buffer }>('SELECT knowledge FROM articles WHERE slot = ?'),
      insert: db.prepare('INSERT INTO articles (id, title, date, hash, topic_words, topic_stems, entries, knowledge) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      topics: db.prepare<[], { id: string; title: string; date: string; topic_words: string; topic_stems: string }>('SELECT id, title, date, topic_words, topic_stems FROM articles ORDER BY slot'),
      entries: db.prepare<[number], { entries: Buffer }>('SELECT entries FROM articles WHERE slot = ?'),
      delete: db.prepare('DELETE FROM articles WHERE slot = ?'),
      count: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM articles'),
      latest: db.prepare<[number], { slot: number }>('SELECT slot FROM articles ORDER BY date DESC, slot DESC LIMIT ?'),
      summaries: db.prepare<[], { id: string; title: string; date: string }>('SELECT id, title, date FROM articles ORDER BY slot'),
      all: db.prepare<[], { slot: number }>('SELECT slot FROM articles ORDER BY slot'),
      eachKnowledge: db.prepare<[], { knowledge: Buffer }>('SELECT knowledge FROM articles ORDER BY slot'),
      files: db.prepare<[], { origin: string; signature: string; article_id: string | null; reason: string | null }>('SELECT origin, signature, article_id, reason FROM files'),
      recordFile: db.prepare('INSERT OR REPLACE INTO files (origin, signature, article_id, reason) VALUES (?, ?, ?, ?)'),
      forgetFile: db.prepare('DELETE FROM files WHERE origin = ?'),
    };
    this.dataVersion = this.currentDataVersion();
  }

  static open(options: ArchiveOptions): ArchiveStore {
    return new ArchiveStore(openArchiveDatabase(options.dataDir, options.memoryBytes * PAGE_CACHE_SHARE, options.logger), options);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  upsert(article: Article): ArticleKnowledge {
    this.upsertMany([article]);
    return this.get(article.id)!;
  }

  /**
   * Adds or replaces articles in one transaction; an article whose text is unchanged is
   * left alone (not even analysed). `analysed` says which were (re-)analysed.
   */
  upsertMany(articles: Article[]): { analysed: string[] } {
    const changed = articles.flatMap((article) => {
      const hash = articleHash(article);
      return this.statements.byId.get(article.id)?.hash === hash ? [] : [prepareArticle(article, hash)];
    });
    return this.writePrepared(changed);
  }

  /** Adds or replaces articles in one transaction (a later one with the same id wins). */
  upsertAll(articles: Article[]): void {
    const last = new Map(articles.map((article) => [article.id, article]));
    this.upsertMany([...last.values()]);
  }

  /** Writes articles analysed elsewhere (a worker thread), in one transaction. */
  writePrepared(prepared: PreparedArticle[]): { analysed: string[] } {
    const batch = new IndexBatch();
    const analysed: string[] = [];
    const removedSlots: number[] = [];
    this.db.transaction(() => {
      for (const item of prepared) {
        const { article, hash } = item;
        const existing = this.statements.byId.get(article.id);
        if (existing?.hash === hash) continue;
        if (existing) {
          this.removeSlot(existing.slot, batch);
          removedSlots.push(existing.slot);
        }
        const slot = Number(this.statements.insert.run(article.id, article.title, article.date ?? '', hash, item.topicWords, item.topicStems, Buffer.from(item.forward.buffer, item.forward.byteOffset, item.forward.byteLength), item.knowledge).lastInsertRowid);
        batch.add(item, slot);
        analysed.push(article.id);
      }
      batch.flush(this.db);
    })();
    this.afterWrite(batch, removedSlots);
    return { analysed };
  }

  remove(id: string): void {
    this.removeMany([id]);
  }

  removeMany(ids: string[]): void {
    const batch = new IndexBatch();
    const removedSlots: number[] = [];
    this.db.transaction(() => {
      for (const id of ids) {
        const existing = this.statements.byId.get(id);
        if (!existing) continue;
        this.removeSlot(existing.slot, batch);
        removedSlots.push(existing.slot);
      }
      batch.flush(this.db);
    })();
    this.afterWrite(batch, removedSlots);
  }

  private removeSlot(slot: number, batch: IndexBatch): void {
    const knowledge = this.knowledgeAt(slot);
    if (knowledge) batch.remove(knowledge, slot);
    this.statements.delete.run(slot);
  }

  private afterWrite(batch: IndexBatch, removedSlots: number[]): void {
    const touched = batch.touchedTerms();
    if (touched.size > FORGET_ALL_ABOVE_TERMS) this.index.forgetAll();
    else this.index.forget(touched);
    for (const slot of removedSlots) this.knowledgeCache.delete(slot);
    this.vocabulary.changed();
    this.cachedSize = undefined;
    this.dataVersion = this.currentDataVersion();
  }

  /** Another process (`npm run ask`, a second bot) wrote: what is cached may be stale. */
  freshen(): void {
    const version = this.currentDataVersion();
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.index.forgetAll();
    this.knowledgeCache.clear();
    this.vocabulary.changed();
    this.cachedSize = undefined;
  }

  private currentDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  slotOf(id: string): number | undefined {
    return this.statements.byId.get(id)?.slot;
  }

  knowledgeAt(slot: number): ArticleKnowledge | undefined {
    const cached = this.knowledgeCache.get(slot);
    if (cached) return cached;
    const row = this.statements.knowledge.get(slot);
    if (!row) return undefined;
    const knowledge = decodeKnowledge(row.knowledge);
    this.knowledgeCache.set(slot, knowledge, row.knowledge.byteLength * DECODED_BYTES_PER_STORED_BYTE);
    return knowledge;
  }

  /** The article's postings' entries (article-entries.ts), or undefined if it is gone. */
  entriesAt(slot: number): ArticleEntries | undefined {
    const row = this.statements.entries.get(slot);
    return row ? new ArticleEntries(row.entries) : undefined;
  }

  get(id: string): ArticleKnowledge | undefined {
    this.freshen();
    const slot = this.slotOf(id);
    return slot === undefined ? undefined : this.knowledgeAt(slot);
  }

  get size(): number {
    this.freshen();
    this.cachedSize ??= this.statements.count.get()!.count;
    return this.cachedSize;
  }

  /** Every article decoded at once: for small archives and tests; the bot avoids it. */
  all(): ArticleKnowledge[] {
    this.freshen();
    return this.statements.all.all().flatMap(({ slot }) => this.knowledgeAt(slot) ?? []);
  }

  /** Decodes one article at a time, past the cache, so a full scan evicts nothing. */
  *each(): Iterable<ArticleKnowledge> {
    this.freshen();
    for (const row of this.statements.eachKnowledge.iterate()) yield decodeKnowledge(row.knowledge);
  }

  /** Each article's headline and topic words, in load order, without decoding any article. */
  *topicTerms(): Iterable<ArticleTopicTerms> {
    this.freshen();
    const split = (text: string): Set<string> => new Set(text ? text.split(' ') : []);
    for (const row of this.statements.topics.iterate()) yield { id: row.id, title: row.title, ...(row.date ? { date: row.date } : {}), words: split(row.topic_words), stems: split(row.topic_stems) };
  }

  latest(count: number): ArticleKnowledge[] {
    this.freshen();
    return this.statements.latest.all(count).flatMap(({ slot }) => this.knowledgeAt(slot) ?? []);
  }

  summaries(): ArticleSummary[] {
    return this.statements.summaries.all().map(({ id, title, date }) => ({ id, title, ...(date ? { date } : {}) }));
  }

  /**
   * A read transaction: SQLite in WAL mode gives it one snapshot, so an article another
   * process removes after a search is still there when the answer reads its hits.
   */
  reading<T>(read: () => T): T {
    return this.db.transaction(read)();
  }

  diskBytes(): number {
    let bytes = 0;
    for (const suffix of ['', '-wal']) {
      try {
        bytes += statSync(`${this.file}${suffix}`).size;
      } catch {
        // no WAL right after a checkpoint
      }
    }
    return bytes;
  }

  /** The content folder as last indexed. */
  files(): FileRecord[] {
    return this.statements.files.all().map((row) => ({
      origin: row.origin,
      signature: row.signature,
      ...(row.article_id ? { articleId: row.article_id } : {}),
      ...(row.reason ? { reason: row.reason } : {}),
    }));
  }

  recordFiles(records: FileRecord[]): void {
    this.db.transaction(() => {
      for (const record of records) this.statements.recordFile.run(record.origin, record.signature, record.articleId ?? null, record.reason ?? null);
    })();
  }

  forgetFiles(origins: string[]): void {
    this.db.transaction(() => {
      for (const origin of origins) this.statements.forgetFile.run(origin);
    })();
  }
}
