import type Database from 'better-sqlite3';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { ARTICLE_WEIGHT, bm25Idf, maxIdfOf, PARAGRAPH_WEIGHT, PREFIX_CHARS, relatedAmong } from '../knowledge/bm25.js';
import type { ArticleIndex, QueryTerm, SearchOptions, SentenceHit } from '../knowledge/search-index.js';
import { ByteLru } from './byte-lru.js';
import { asUint16 } from './posting-records.js';
import { type MergedScores, mergedScores, type ScoredTerm, scoredTerm } from './merged-scorer.js';
import { scoreAtRank, topK } from './top-k.js';

/** Bytes a cached posting row costs besides its data (array object, list slot, key). */
const ROW_OVERHEAD_BYTES = 96;

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
}

interface Candidate {
  slot: number;
  firstTerm: number;
  position: number;
  paragraphKey: number;
  score: number;
  sentenceScore: number;
  articleScore: number;
}

/**
 * The archive's search index: the same BM25 over sentences, paragraphs and articles as the
 * in-memory SearchIndex (src/knowledge/bm25.ts), read from SQLite posting rows. Posting
 * rows of the terms asked about recently stay decoded in a cache bounded by bytes.
 */
export class StoredIndex implements ArticleIndex {
  private readonly postingCache: ByteLru<string, Uint16Array[]>;
  private readonly statements;

  constructor(db: Database.Database, private readonly articles: KnowledgeSource, cacheBytes: number) {
    this.postingCache = new ByteLru(cacheBytes);
    this.statements = {
      stats: db.prepare<[string], TermStats>('SELECT sentences, paragraphs, articles FROM terms WHERE term = ?'),
      postings: db.prepare<[string], { data: Buffer }>('SELECT data FROM postings WHERE term = ? ORDER BY segment'),
      totals: db.prepare<[], Totals>('SELECT * FROM totals WHERE id = 1'),
      related: db.prepare<[string, string], { term: string }>('SELECT term FROM terms WHERE term >= ? AND term < ? AND sentences > 0 ORDER BY seq'),
    };
  }

  /** Drops cached postings of terms an article write touched. */
  forget(terms: Iterable<string>): void {
    for (const term of terms) this.postingCache.delete(term);
  }

  forgetAll(): void {
    this.postingCache.clear();
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

  private postings(term: string): Uint16Array[] {
    let rows = this.postingCache.get(term);
    if (!rows) {
      rows = this.statements.postings.all(term).map((row) => asUint16(row.data));
      this.postingCache.set(term, rows, rows.reduce((sum, row) => sum + row.byteLength + ROW_OVERHEAD_BYTES, 0));
    }
    return rows;
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
    const { sentences, maxSentence, maxParagraph, maxArticle } = this.score(terms, true);
    // Combined scores in one typed array first: only the few that can make the top
    // become objects (a common word scores hundreds of thousands of sentences).
    const combined = new Float64Array(sentences.count);
    for (let i = 0; i < sentences.count; i++) {
      const slot = sentences.slot[i]!;
      combined[i] =
        onlySlot !== undefined && slot !== onlySlot
          ? -Infinity
          : sentences.raw[i]! / maxSentence +
            (PARAGRAPH_WEIGHT * sentences.paragraphRaw[i]!) / maxParagraph +
            ARTICLE_WEIGHT * (sentences.articleRaw[i]! / maxArticle) +
            (slot === boostSlot ? boost : 0);
    }
    const threshold = scoreAtRank(combined, limit);
    const candidates: Candidate[] = [];
    for (let i = 0; i < sentences.count; i++) {
      if (combined[i]! < threshold || combined[i] === -Infinity) continue;
      candidates.push({
        slot: sentences.slot[i]!,
        position: sentences.position[i]!,
        firstTerm: sentences.firstTerm[i]!,
        paragraphKey: sentences.paragraphKey[i]!,
        score: combined[i]!,
        sentenceScore: sentences.raw[i]! / maxSentence,
        articleScore: sentences.articleRaw[i]! / maxArticle,
      });
    }
    // Score, then position (the in-memory comparator), then the order a Map would have
    // met the sentences in: first query term that touched it, then load order.
    const best = topK(candidates, (c) => c.score, (a, b) => b.score - a.score || a.position - b.position || a.firstTerm - b.firstTerm || a.slot - b.slot, limit);
    const knowledgeOf = this.loader();
    const hits: SentenceHit[] = [];
    for (const candidate of best) {
      const knowledge = knowledgeOf(candidate.slot);
      const facts = knowledge?.sentences[candidate.position];
      if (!knowledge || !facts) continue; // removed by another process a moment ago
      hits.push({
        sentence: { facts, knowledge, paragraphId: candidate.paragraphKey, articleSlot: candidate.slot },
        score: candidate.score,
        sentenceScore: candidate.sentenceScore,
        articleScore: candidate.articleScore,
      });
    }
    return hits;
  }

  searchArticles(terms: QueryTerm[], limit = 5): { knowledge: ArticleKnowledge; score: number }[] {
    this.articles.freshen();
    const { articles } = this.score(terms, false);
    const threshold = scoreAtRank(articles.score.subarray(0, articles.count), limit);
    const found: { slot: number; score: number; firstTerm: number }[] = [];
    for (let i = 0; i < articles.count; i++) {
      if (articles.score[i]! >= threshold) found.push({ slot: articles.slot[i]!, score: articles.score[i]!, firstTerm: articles.firstTerm[i]! });
    }
    const best = topK(found, (a) => a.score, (a, b) => b.score - a.score || a.firstTerm - b.firstTerm || a.slot - b.slot, limit);
    const knowledgeOf = this.loader();
    return best.flatMap(({ slot, score }) => {
      const knowledge = knowledgeOf(slot);
      return knowledge ? [{ knowledge, score }] : [];
    });
  }

  /** One object per article within a call: the answer engine compares them by identity. */
  private loader(): (slot: number) => ArticleKnowledge | undefined {
    const seen = new Map<number, ArticleKnowledge | undefined>();
    return (slot) => {
      if (!seen.has(slot)) seen.set(slot, this.articles.knowledgeAt(slot));
      return seen.get(slot);
    };
  }

  /** BM25 of every document holding a query term (merged-scorer.ts). */
  private score(terms: QueryTerm[], withText: boolean): MergedScores {
    const totals = this.totals();
    const scored: ScoredTerm[] = [];
    for (const { term, weight } of terms) {
      const stats = this.stats(term);
      if (stats) scored.push(scoredTerm(this.postings(term), stats, totals, weight));
    }
    return mergedScores(scored, totals, withText);
  }
}
