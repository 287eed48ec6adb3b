import { type ArticleKnowledge, isYear } from '../knowledge/article-knowledge.js';
import type { IndexedSentence, SentenceHit, TermLookup } from '../knowledge/search-index.js';
import { type ArticleEntries, termHash } from './article-entries.js';
import type { RankedSentence } from './ranking.js';

/**
 * Whether an article holds a term, read from the table of its entries (article-entries.ts)
 * that scoring it read anyway: the article is decoded only for a year its text doesn't write.
 * Two terms sharing a 32-bit hash would answer for each other, as they do in scoring.
 */
export class ArticleTermLookup implements TermLookup {
  constructor(private readonly entries: ArticleEntries, private readonly knowledge: () => ArticleKnowledge | undefined) {}

  has(term: string): boolean {
    if (this.entries.find(termHash(term)) >= 0) return true;
    // A year its dates resolve to ("last year" in a 2005 article is 2004) has no posting.
    return isYear(term) && (this.knowledge()?.terms.has(term) ?? false);
  }
}

/**
 * An article another process removed between a search and the reading of its hits: it can't
 * happen within KnowledgeStore.reading (one snapshot), where the answer engine reads; a
 * caller that reads hits outside one learns it this way.
 */
export class ArticleGoneError extends Error {
  constructor(slot: number) {
    super(`article slot ${slot} was removed by another process after the search that found it; read hits within KnowledgeStore.reading`);
    this.name = 'ArticleGoneError';
  }
}

/**
 * A hit of the archive's search whose article is decoded on first reading its sentence: a
 * search returns ~30 hits from ~28 articles, and the answer engine reads the sentences of
 * only the best 15 of those whose articles hold every name (~0.15 ms an article decoded).
 */
export class StoredHit implements SentenceHit {
  readonly articleSlot: number;
  readonly score: number;
  readonly sentenceScore: number;
  readonly articleScore: number;
  private decoded: IndexedSentence | undefined;

  constructor(private readonly ranked: RankedSentence, readonly articleTerms: TermLookup, private readonly knowledgeOf: (slot: number) => ArticleKnowledge | undefined) {
    this.articleSlot = ranked.slot;
    this.score = ranked.score;
    this.sentenceScore = ranked.sentenceScore;
    this.articleScore = ranked.articleScore;
  }

  get sentence(): IndexedSentence {
    if (!this.decoded) {
      const { slot, position, paragraphKey } = this.ranked;
      const knowledge = this.knowledgeOf(slot);
      const facts = knowledge?.sentences[position];
      if (!knowledge || !facts) throw new ArticleGoneError(slot);
      this.decoded = { facts, knowledge, paragraphId: paragraphKey, articleSlot: slot };
    }
    return this.decoded;
  }
}
