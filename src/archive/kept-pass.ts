import type { QueryTerm } from '../knowledge/search-index.js';
import { NO_MAX } from '../knowledge/bm25.js';
import { type QueryScores, SentenceScores } from './query-scores.js';

/**
 * Pass 1 of the last query (article-bounds.ts `collect`), kept for the next search of the
 * same terms. One answer asks the index the same query up to three times: mentions.ts and
 * who-is.ts rank articles, then retrieve.ts ranks sentences; and pass 1 (the heads it reads:
 * tier 0 of common terms, impact-tiers.ts) is the same each time.
 *
 * Ranking articles adds to pass 1 only the exact scores of its best candidates (which any
 * later search may use), so it may reuse a kept pass. Ranking sentences narrows bounds and
 * adds sentence scores, so a second sentence ranking starts again from a new pass 1: a
 * kept pass serves at most one. Whatever changes the archive (a write, another process's
 * write) must `forget` it, and so must a pass 1 of other terms (the scorer's scratch
 * arrays hold only the last pass).
 */
export class KeptPass {
  private key: string | undefined;
  private scores: QueryScores | undefined;
  private rankedSentences = false;

  /** Pass 1 of these terms if kept and whole for ranking articles; else undefined. */
  forArticles(terms: QueryTerm[]): QueryScores | undefined {
    return this.key === keyOf(terms) ? this.scores : undefined;
  }

  /** Pass 1 of these terms if kept and not yet used to rank sentences, with no sentence scored; else undefined. */
  forSentences(terms: QueryTerm[]): QueryScores | undefined {
    if (this.rankedSentences || this.key !== keyOf(terms) || !this.scores) return undefined;
    this.rankedSentences = true;
    return { sentences: new SentenceScores(), articles: this.scores.articles, maxSentence: NO_MAX, maxParagraph: NO_MAX, maxArticle: this.scores.maxArticle };
  }

  /** A new pass 1, and whether it is about to rank sentences (then no other sentence ranking may reuse it). */
  keep(terms: QueryTerm[], scores: QueryScores, forSentences: boolean): void {
    this.key = keyOf(terms);
    this.scores = scores;
    this.rankedSentences = forSentences;
  }

  forget(): void {
    this.key = undefined;
    this.scores = undefined;
  }
}

/** Terms are stems (no control characters): the query, weights included, as one string. */
function keyOf(terms: QueryTerm[]): string {
  let key = '';
  for (const { term, weight, supporting } of terms) key += `${term}\u0000${weight}${supporting ? '+' : ''}\u0001`;
  return key;
}
