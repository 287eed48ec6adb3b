import type Database from 'better-sqlite3';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { ARTICLE_WEIGHT, bm25Idf, bm25Norm, maxIdfOf, PARAGRAPH_WEIGHT, PREFIX_CHARS, relatedAmong } from '../knowledge/bm25.js';
import type { ArticleIndex, QueryTerm, SearchOptions, SentenceHit } from '../knowledge/search-index.js';
import { ByteLru } from './byte-lru.js';
import { asUint16 } from './posting-records.js';
import { ScoreTable } from './score-table.js';
import { scoreAtRank, topK } from './top-k.js';

/** Sentence and paragraph keys: slot x KEY_SPAN + position (positions are 16-bit). */
const KEY_SPAN = 0x10000;
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
    const { sentences, paragraphs, articles } = this.score(terms, true);
    const maxSentence = sentences.max();
    const maxParagraph = paragraphs.max();
    const maxArticle = articles.max();
    // Combined scores in one typed array first: only the few that can make the top
    // become objects (a common word scores hundreds of thousands of sentences).
    const combined = new Float64Array(sentences.size);
    for (let i = 0; i < sentences.size; i++) {
      const slot = Math.floor(sentences.keys[i]! / KEY_SPAN);
      if (onlySlot !== undefined && slot !== onlySlot) {
        combined[i] = -Infinity;
        continue;
      }
      combined[i] =
        sentences.values[i]! / maxSentence +
        (PARAGRAPH_WEIGHT * paragraphs.get(sentences.extras[i]!)) / maxParagraph +
        ARTICLE_WEIGHT * (articles.get(slot) / maxArticle) +
        (slot === boostSlot ? boost : 0);
    }
    const threshold = scoreAtRank(combined, limit);
    const candidates: Candidate[] = [];
    for (let i = 0; i < sentences.size; i++) {
      if (combined[i]! < threshold || combined[i] === -Infinity) continue;
      const key = sentences.keys[i]!;
      const slot = Math.floor(key / KEY_SPAN);
      candidates.push({
        slot,
        position: key % KEY_SPAN,
        paragraphKey: sentences.extras[i]!,
        score: combined[i]!,
        sentenceScore: sentences.values[i]! / maxSentence,
        articleScore: articles.get(slot) / maxArticle,
      });
    }
    const best = topK(candidates, (c) => c.score, (a, b) => b.score - a.score || a.position - b.position, limit);
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
    const scored = Array.from({ length: articles.size }, (_, i): [number, number] => [articles.keys[i]!, articles.values[i]!]);
    const best = topK(scored, ([, score]) => score, (a, b) => b[1] - a[1], limit);
    const knowledgeOf = this.loader();
    return best.flatMap(([slot, score]) => {
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

  /**
   * BM25 of every document holding a query term, term by term in query order, each
   * collection's documents in load order: the in-memory index's order of additions, so
   * that sums (and ties) come out bit for bit the same.
   */
  private score(terms: QueryTerm[], withText: boolean): { sentences: ScoreTable; paragraphs: ScoreTable; articles: ScoreTable } {
    const totals = this.totals();
    const averageSentence = totals.sentence_length / Math.max(1, totals.sentences);
    const averageParagraph = totals.paragraph_length / Math.max(1, totals.paragraphs);
    const averageArticle = totals.article_length / Math.max(1, totals.articles);
    const sentences = new ScoreTable();
    const paragraphs = new ScoreTable();
    const articles = new ScoreTable();
    for (const { term, weight } of terms) {
      const stats = this.stats(term);
      if (!stats) continue;
      const sentenceIdf = bm25Idf(totals.sentences, stats.sentences) * weight;
      const paragraphIdf = bm25Idf(totals.paragraphs, stats.paragraphs) * weight;
      const articleIdf = bm25Idf(totals.articles, stats.articles) * weight;
      // The record layout of posting-records.ts, walked inline: this loop is the hot path.
      for (const data of this.postings(term)) {
        for (let at = 0; at < data.length; ) {
          const slot = data[at]! * KEY_SPAN + data[at + 1]!;
          articles.add(slot, articleIdf * bm25Norm(data[at + 2]!, data[at + 3]! * KEY_SPAN + data[at + 4]!, averageArticle));
          const paragraphCount = data[at + 5]!;
          let i = at + 6;
          const base = slot * KEY_SPAN;
          if (withText) for (let p = 0; p < paragraphCount; p++, i += 3) paragraphs.add(base + data[i]!, paragraphIdf * bm25Norm(data[i + 1]!, data[i + 2]!, averageParagraph));
          else i += paragraphCount * 3;
          const sentenceCount = data[i++]!;
          if (withText) {
            for (let n = 0; n < sentenceCount; n++, i += 4) {
              const index = sentences.add(base + data[i]!, sentenceIdf * bm25Norm(data[i + 2]!, data[i + 3]!, averageSentence));
              sentences.extras[index] = base + data[i + 1]!;
            }
          } else i += sentenceCount * 4;
          at = i;
        }
      }
    }
    return { sentences, paragraphs, articles };
  }
}
