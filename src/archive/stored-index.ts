import type Database from 'better-sqlite3';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { bm25Idf, maxIdfOf, PREFIX_CHARS, relatedAmong } from '../knowledge/bm25.js';
import type { ArticleIndex, QueryTerm, SearchOptions, SentenceHit } from '../knowledge/search-index.js';
import { type ArticleEntries, NO_ENTRIES, termHash } from './article-entries.js';
import { scoreAllArticles, scoreNeededArticles } from './article-pruning.js';
import { ArticleScorer, type QueryTermRows, termIdfs } from './article-scorer.js';
import { ByteLru } from './byte-lru.js';
import { KeptPass } from './kept-pass.js';
import { ANY_HEAD_REST, joined } from './impact-tiers.js';
import { asUint16 } from './posting-records.js';
import type { QueryScores } from './query-scores.js';
import { rankArticles, rankSentences, sentenceRanking } from './ranking.js';
import { ArticleTermLookup, StoredHit } from './stored-hit.js';
import { scoreAtRank } from '../knowledge/top-k.js';

/** Bytes a cached term costs besides its arrays (objects, the LRU's map slot, the key). */
const ENTRY_OVERHEAD_BYTES = 160;
/** Bytes a cached row costs besides its data (the typed array objects, their slots). */
const ROW_OVERHEAD_BYTES = 96;

/**
 * How a question reads heads and picks articles to score:
 * - 'tiered' (the bot): tier 0 of each posting row (impact-tiers.ts), none of a
 *   supporting term's (QueryTerm.supporting) in more than WHOLE_TERM_ARTICLES articles,
 *   pruned as article-pruning.ts says, every scored article scored with all its query terms;
 * - 'exact': every head, pruned: the in-memory index's results to the bit;
 * - 'exhaustive': every head, every article scored: what checks compare 'exact' with.
 */
export type SearchMode = 'tiered' | 'exact' | 'exhaustive';

/**
 * Articles a 'tiered' search scores at most: its bounds count what tier 1 can add in every
 * article that may hold a term there, and at 100,000 articles they keep thousands in
 * play. An exact search (~250 scored a question there) has no such limit.
 */
const MAX_SCORED_ARTICLES = 256;
/**
 * A term in at most this many articles is read whole even by a 'tiered' search: its heads
 * (at most ~20 KB) cost little, and in an archive the size of the eval's (2,225 BBC
 * articles) the tiers then change only the commonest words' reading. At 100,000 articles
 * the words of a question are mostly in more (scripts/compare-archive-search.ts measures
 * what the tiers change there).
 */
const WHOLE_TERM_ARTICLES = 1_000;
/** Articles whose exact scores are reckoned for each one an article ranking returns ('tiered' only). */
const COMPLETED_PER_RANKED = 4;

/**
 * A supporting term's rows when it is common (a related word: ~13 of a question's ~25
 * terms at 100,000 articles, ~3/4 of the heads it would read): pass 1 reads none, so it
 * brings no article in, and pass 3 still counts it in every article it scores.
 */
const NOTHING_READ: CachedTerm = { segments: new Int32Array(0), heads: [], rests: new Uint32Array(0) };

/** What is cached of a term: its posting rows' heads (a question reads them all). */
interface CachedTerm {
  segments: Int32Array;
  heads: Uint16Array[];
  /** Per row: what the heads not read can add (impact-tiers.ts restBounds), 0 when all are. */
  rests: Uint32Array;
}

export interface TermStats {
  sentences: number;
  paragraphs: number;
  articles: number;
}

export interface Totals {
  sentences: number;
  sentence_length: number;
  paragraphs: number;
  paragraph_length: number;
  articles: number;
  article_length: number;
}

/** How the index gets at articles: through the store's bounded knowledge cache. */
export interface KnowledgeSource {
  /** Drops caches when another process wrote to the archive. */
  freshen(): void;
  slotOf(id: string): number | undefined;
  knowledgeAt(slot: number): ArticleKnowledge | undefined;
  /** The article's postings' entries (article-entries.ts). */
  entriesAt(slot: number): ArticleEntries | undefined;
}

/**
 * The archive's search index: the same BM25 over sentences, paragraphs and articles as the
 * in-memory SearchIndex (src/knowledge/bm25.ts), read from SQLite posting rows: exactly
 * its results in the 'exact' mode, near them in the bot's 'tiered' one (SearchMode).
 * Posting rows of the terms asked about recently stay decoded in a cache bounded by bytes.
 */
export class StoredIndex implements ArticleIndex {
  private readonly postingCache: ByteLru<string, CachedTerm>;
  private searchMode: SearchMode = 'tiered';
  /** WHOLE_TERM_ARTICLES; tests lower it to see the tiers at work on a small archive. */
  wholeTermArticles = WHOLE_TERM_ARTICLES;
  private readonly scorer = new ArticleScorer();
  /** The last pass 1, for the same query asked again within an answer (kept-pass.ts). */
  private readonly keptPass = new KeptPass();
  private readonly statements;

  constructor(db: Database.Database, private readonly articles: KnowledgeSource, cacheBytes: number) {
    this.postingCache = new ByteLru(cacheBytes);
    this.statements = {
      stats: db.prepare<[string], TermStats>('SELECT sentences, paragraphs, articles FROM terms WHERE term = ?'),
      heads: db.prepare<[string], { segment: number; heads: Buffer; rest: number }>('SELECT segment, heads, rest FROM postings WHERE term = ? ORDER BY segment'),
      rest: db.prepare<[number, string], { heads: Buffer }>('SELECT heads FROM postings_rest WHERE segment = ? AND term = ?'),
      totals: db.prepare<[], Totals>('SELECT * FROM totals WHERE id = 1'),
      related: db.prepare<[string, string], { term: string }>('SELECT term FROM terms WHERE term >= ? AND term < ? AND sentences > 0 ORDER BY seq'),
    };
  }

  /** Drops cached postings of terms an article write touched. */
  forget(terms: Iterable<string>): void {
    for (const term of terms) this.postingCache.delete(term);
    // Totals and document frequencies changed with the write, whatever the terms.
    this.keptPass.forget();
  }

  forgetAll(): void {
    this.postingCache.clear();
    this.keptPass.forget();
  }

  get mode(): SearchMode {
    return this.searchMode;
  }

  /** Another mode reads other heads: what is cached of the last one is dropped. */
  set mode(mode: SearchMode) {
    if (mode !== this.searchMode) this.forgetAll();
    this.searchMode = mode;
  }

  get cachedBytes(): number {
    return this.postingCache.bytes;
  }

  private stats(term: string): TermStats | undefined {
    return this.statements.stats.get(term);
  }

  private totals(): Totals {
    return this.statements.totals.get()!;
  }

  private cachedTerm(term: string, articles: number): CachedTerm {
    let known = this.postingCache.get(term);
    if (!known) {
      known = this.readTerm(term, articles);
      this.postingCache.set(term, known, ENTRY_OVERHEAD_BYTES + known.segments.byteLength + known.rests.byteLength + known.heads.reduce((sum, row) => sum + row.byteLength + ROW_OVERHEAD_BYTES, 0));
    }
    return known;
  }

  /** The term's heads by segment: tier 0, and tier 1 joined to it when every head is read (`articles`: how many hold it). */
  private readTerm(term: string, articles: number): CachedTerm {
    const rows = this.statements.heads.all(term);
    const segments = Int32Array.from(rows, (row) => row.segment);
    if (this.mode === 'tiered' && articles > this.wholeTermArticles) return { segments, heads: packed(rows.map((row) => asUint16(row.heads))), rests: Uint32Array.from(rows, (row) => row.rest) };
    // Tier 1 has a row where tier 0 says what it can add, nowhere else.
    const heads = rows.map((row) => joined([asUint16(row.heads), row.rest ? asUint16(this.statements.rest.get(row.segment, term)!.heads) : undefined])!);
    return { segments, heads: packed(heads), rests: new Uint32Array(rows.length) };
  }

  knows(term: string): boolean {
    const stats = this.stats(term);
    return stats !== undefined && (stats.sentences > 0 || stats.articles > 0);
  }

  idf(term: string): number {
    const stats = this.stats(term);
    return stats && stats.sentences > 0 ? bm25Idf(this.totals().sentences, stats.sentences) : 0;
  }

  maxIdf(): number {
    return maxIdfOf(this.totals().sentences);
  }

  relatedStems(term: string): string[] {
    if (term.length < PREFIX_CHARS) return [];
    const prefix = term.slice(0, PREFIX_CHARS);
    return relatedAmong(term, this.statements.related.all(prefix, `${prefix}\uffff`).map((row) => row.term));
  }

  search(terms: QueryTerm[], options: SearchOptions = {}): SentenceHit[] {
    const { limit = 30, onlyArticle, boostArticle, boost = 0 } = options;
    this.articles.freshen();
    const onlySlot = onlyArticle === undefined ? undefined : this.articles.slotOf(onlyArticle);
    if (onlyArticle !== undefined && onlySlot === undefined) return [];
    const boostSlot = boostArticle === undefined ? undefined : this.articles.slotOf(boostArticle);
    const rank = { limit, boost, ...(onlySlot === undefined ? {} : { onlySlot }), ...(boostSlot === undefined ? {} : { boostSlot }) };
    const scores = this.keptPass.forSentences(terms) ?? this.passOne(terms, true);
    // Each article's entries are read once a search: to score it, then to say which terms it holds.
    const entriesOf = memoized((slot: number) => this.articles.entriesAt(slot));
    const scored = new Set<number>();
    const work = {
      score: (a: number) => {
        scored.add(a);
        // An article removed by another process a moment ago has no entries: nothing to score.
        this.scorer.scoreArticle(a, scores, entriesOf(scores.articles.slot[a]!) ?? NO_ENTRIES);
      },
      tighten: (list: Int32Array, count: number) => this.scorer.tighten(list, count),
    };
    if (this.mode === 'exhaustive') scoreAllArticles(scores, work);
    else scoreNeededArticles(scores, work, sentenceRanking(rank, this.mode === 'tiered' ? MAX_SCORED_ARTICLES : undefined));
    // The article a search is about is scored whatever the budget: a tiered search may spend
    // it all before reaching it, or have read none of its heads (tier 1 only).
    // Indices first: scoreUnread appends, after which the articles are no longer in slot order.
    const about = [...new Set([onlySlot, boostSlot])].flatMap((slot) => (slot === undefined ? [] : [{ slot, a: scores.articles.indexOf(slot) }]));
    for (const { slot, a } of about) {
      if (a >= 0) {
        if (!scored.has(a)) work.score(a);
        continue;
      }
      const entries = entriesOf(slot);
      if (entries) this.scorer.scoreUnread(slot, scores, entries);
    }
    const knowledgeOf = this.loader();
    const hits: SentenceHit[] = [];
    for (const candidate of rankSentences(scores, rank)) {
      const entries = entriesOf(candidate.slot);
      if (!entries) continue; // removed by another process a moment ago
      hits.push(new StoredHit(candidate, new ArticleTermLookup(entries, () => knowledgeOf(candidate.slot)), knowledgeOf));
    }
    return hits;
  }

  searchArticles(terms: QueryTerm[], limit = 5): { knowledge: ArticleKnowledge; score: number }[] {
    this.articles.freshen();
    // Article scores come from the record heads alone: no sentence is scored.
    const scores: QueryScores = this.keptPass.forArticles(terms) ?? this.passOne(terms, false);
    if (this.mode === 'tiered') this.completeBest(scores, limit * COMPLETED_PER_RANKED);
    const knowledgeOf = this.loader();
    return rankArticles(scores, limit).flatMap(({ slot, score }) => {
      const knowledge = knowledgeOf(slot);
      return knowledge ? [{ knowledge, score }] : [];
    });
  }

  /** Pass 1 over the query's heads, kept for the same query asked again (kept-pass.ts). */
  private passOne(terms: QueryTerm[], forSentences: boolean): QueryScores {
    const scores = this.scorer.collect(this.queryRows(terms), this.totals());
    this.keptPass.keep(terms, scores, forSentences);
    return scores;
  }

  /**
   * The exact scores of the `count` articles pass 1 scored highest: where it read only
   * tier 0, an article's score lacks the terms whose heads in it are in tier 1.
   */
  private completeBest(scores: QueryScores, count: number): void {
    const { articles } = scores;
    const threshold = scoreAtRank(articles.score.subarray(0, articles.count), count);
    const best: number[] = [];
    for (let a = 0; a < articles.count; a++) if (articles.score[a]! >= threshold) best.push(a);
    for (const a of best) {
      const entries = this.articles.entriesAt(articles.slot[a]!);
      if (entries) this.scorer.completeArticle(a, scores, entries);
    }
  }

  /** One object per article within a call: the answer engine compares them by identity. */
  private loader(): (slot: number) => ArticleKnowledge | undefined {
    return memoized((slot: number) => this.articles.knowledgeAt(slot));
  }

  /** The query's known terms with their idfs and posting rows (heads now, entries on demand). */
  private queryRows(terms: QueryTerm[]): QueryTermRows[] {
    const totals = this.totals();
    const rows: QueryTermRows[] = [];
    for (const { term, weight, supporting } of terms) {
      const stats = this.stats(term);
      if (!stats) continue;
      const unread = supporting === true && this.mode === 'tiered' && stats.articles > this.wholeTermArticles;
      const known = unread ? NOTHING_READ : this.cachedTerm(term, stats.articles);
      rows.push({ ...termIdfs(stats, totals, weight), hash: termHash(term), heads: known.heads, segments: known.segments, rests: known.rests, unreadRest: unread ? ANY_HEAD_REST : 0 });
    }
    return rows;
  }
}

/**
 * The rows as views of one array: a tier-0 row is at most 640 bytes, and each SQLite BLOB
 * comes in a buffer of its own (with its objects and allocator overhead), so a cached term
 * of ~100 rows would hold ~100 small buffers the cache's byte count does not see.
 */
function packed(rows: Uint16Array[]): Uint16Array[] {
  const all = new Uint16Array(rows.reduce((sum, row) => sum + row.length, 0));
  let at = 0;
  return rows.map((row) => {
    all.set(row, at);
    at += row.length;
    return all.subarray(at - row.length, at);
  });
}

/** `compute` of a slot, worked out once per slot (undefined results too). */
function memoized<V>(compute: (slot: number) => V): (slot: number) => V {
  const seen = new Map<number, V>();
  return (slot) => {
    if (!seen.has(slot)) seen.set(slot, compute(slot));
    return seen.get(slot)!;
  };
}
