import { KthBest } from './kth-best.js';
import type { QueryScores } from './query-scores.js';

/**
 * Which articles' sentences a question must score, so that a common word does not make it
 * score every sentence holding it, while the results stay exactly those of scoring
 * everything.
 *
 * Every article comes with its exact raw score and upper bounds of what its sentences and
 * paragraphs can score (article-scorer.ts, pass 1): cheap ones for all, tight ones
 * (`tighten`) for those the cheap ones don't rule out. An article is scored whole or not at
 * all, and the caller ranks what was scored exactly as it would rank everything. That is
 * safe because an article is passed over only when it can't change the result:
 *
 * - Sentences are ranked on scores divided by the largest sentence, paragraph and article
 *   score of all (ranking.ts), so those maxima must be exact first. Article scores are all
 *   known; an article is scored while its sentence or paragraph bound exceeds the largest
 *   score of that kind found so far (the maxima only grow, so one passed over stays below).
 * - Then an article is scored while its combined bound reaches the k-th best combined
 *   score so far. One passed over is strictly below that, hence below the k-th best of
 *   all, so it holds nothing the exhaustive ranking would keep, ties included.
 *
 * Bounds and scores are sums of the same terms in the same order, the bounds' terms each at
 * least the scores'; ROUNDING_MARGIN covers the last-bit differences of the division.
 */

/** Floating-point slack on a bound: one a hair too high costs a little work, never a result. */
const ROUNDING_MARGIN = 1 + 1e-9;
/** Articles with the highest bounds scored first, so that the maxima are near right from the start. */
const SEED_ARTICLES = 8;

export interface SentenceRanking {
  limit: number;
  /** Combined score of a sentence from its raw scores and the maxima (-Infinity: not wanted). */
  combined: (sentenceRaw: number, paragraphRaw: number, articleRaw: number, slot: number, scores: QueryScores) => number;
}

/** What pruning asks of the scorer, for article index `a`. */
export interface ArticleWork {
  /** Scores its sentences and paragraphs into the scores. */
  score: (a: number) => void;
  /** Narrows its bounds (in the scores' articles). */
  tighten: (a: number) => void;
}

/** Scores every article the top `limit` sentences may come from. */
export function scoreNeededArticles(scores: QueryScores, work: ArticleWork, ranking: SentenceRanking): void {
  const { articles } = scores;
  const count = articles.count;
  const { sentenceBound, paragraphBound } = articles;
  const done = new Uint8Array(count);
  const tight = new Uint8Array(count);
  const score = (a: number): void => {
    done[a] = 1;
    work.score(a);
  };
  const tighten = (a: number): void => {
    if (tight[a]) return;
    tight[a] = 1;
    work.tighten(a);
  };
  const mayRaiseMaxima = (a: number): boolean => sentenceBound[a]! * ROUNDING_MARGIN > scores.maxSentence || paragraphBound[a]! * ROUNDING_MARGIN > scores.maxParagraph;

  for (const a of best(sentenceBound, count, SEED_ARTICLES)) if (!done[a]) score(a);
  for (const a of best(paragraphBound, count, SEED_ARTICLES)) if (!done[a]) score(a);
  const raising: number[] = [];
  for (let a = 0; a < count; a++) if (!done[a] && mayRaiseMaxima(a)) raising.push(a);
  const reach = (a: number): number => Math.max(sentenceBound[a]! / scores.maxSentence, paragraphBound[a]! / scores.maxParagraph);
  for (const a of descending(raising, reach)) {
    if (!mayRaiseMaxima(a)) continue;
    tighten(a);
    if (mayRaiseMaxima(a)) score(a);
  }

  // The maxima are now those of all: combined scores are final.
  const kth = new KthBest(ranking.limit);
  const { sentences } = scores;
  let counted = 0;
  const countNew = (): void => {
    for (; counted < sentences.count; counted++) kth.add(ranking.combined(sentences.raw[counted]!, sentences.paragraphRaw[counted]!, sentences.articleRaw[counted]!, sentences.slot[counted]!, scores));
  };
  countNew();
  // A sentence can't score above the maxima, so each bound is capped by them.
  const combinedBound = (a: number): number =>
    ranking.combined(Math.min(scores.maxSentence, sentenceBound[a]! * ROUNDING_MARGIN), Math.min(scores.maxParagraph, paragraphBound[a]! * ROUNDING_MARGIN), articles.score[a]! * ROUNDING_MARGIN, articles.slot[a]!, scores);
  const reaching: number[] = [];
  const bounds = new Map<number, number>();
  for (let a = 0; a < count; a++) {
    if (done[a]) continue;
    const bound = combinedBound(a);
    if (bound !== -Infinity && bound >= kth.threshold) {
      reaching.push(a);
      bounds.set(a, bound);
    }
  }
  for (const a of descending(reaching, (a) => bounds.get(a)!)) {
    if (bounds.get(a)! < kth.threshold) break;
    tighten(a);
    if (combinedBound(a) < kth.threshold) continue;
    score(a);
    countNew();
  }
}

/** Every article, for checks and tests that compare pruning with scoring everything. */
export function scoreAllArticles(scores: QueryScores, work: ArticleWork): void {
  for (let a = 0; a < scores.articles.count; a++) work.score(a);
}

/** The indices of the `k` largest values (ties: the first met). */
function best(values: Float64Array, count: number, k: number): number[] {
  const kth = new KthBest(k);
  for (let i = 0; i < count; i++) kth.add(values[i]!);
  const found: number[] = [];
  for (let i = 0; i < count && found.length < k; i++) if (values[i]! >= kth.threshold) found.push(i);
  return found;
}

/** The indices by descending `value` (each computed once). */
function descending(indices: number[], value: (i: number) => number): number[] {
  const values = new Map(indices.map((i) => [i, value(i)]));
  return indices.sort((a, b) => values.get(b)! - values.get(a)! || a - b);
}
