import os from 'node:os';
import { KthBest } from '../knowledge/kth-best.js';
import type { QueryScores } from './query-scores.js';
import { scoreAtRank } from '../knowledge/top-k.js';

/**
 * Which articles' sentences a question must score, so that a common word does not make it
 * score every sentence holding it, while the results stay exactly those of scoring
 * everything (the tiered search: near them, see the end).
 *
 * Every article comes with its raw score from the heads read and upper bounds of what its sentences and
 * paragraphs can score (article-bounds.ts): loose ones for all, tight ones (`tighten`) for
 * those the loose ones don't rule out. An article is scored whole or not at all, and the
 * caller ranks what was scored exactly as it would rank everything. That is safe because
 * an article is passed over only when it can't change the result:
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
 *
 * Articles are looked at in roughly descending order of their bounds, which only decides
 * how much work is done, never what is found. Only the articles a phase may score are
 * tightened, all of a phase's at once: most articles of a common word never are.
 *
 * All of this holds for an exact search, which reads every head. The tiered search
 * (impact-tiers.ts) reads a common term's top heads only, and none of a common supporting
 * term's (stored-index.ts): its article scores and bounds are what the heads read say,
 * plus (in the bounds) what the heads not read can add (the rests), so
 * thousands of articles stay in play. It passes `maxScored`: each phase keeps, tightens and
 * scores only the articles whose read heads promise most (the bounds without the rests),
 * until that many are scored. Its results are then near, not equal, to scoring everything.
 */

/** Floating-point slack on a bound: one a hair too high costs a little work, never a result. */
const ROUNDING_MARGIN = 1 + 1e-9;
/** Articles with the highest bounds scored first, so that the maxima are near right from the start. */
const SEED_ARTICLES = 8;
/** With a budget of articles to score, a phase tightens and orders at most this many times what is left of it. */
const LISTED_PER_SCORED = 2;

export interface SentenceRanking {
  limit: number;
  /** Combined score of a sentence from its raw scores and the maxima (-Infinity: not wanted). */
  combined: (sentenceRaw: number, paragraphRaw: number, articleRaw: number, slot: number, scores: QueryScores) => number;
  /** `combined` takes only this article's sentences, when set: the others need no bound. */
  onlySlot?: number;
  /**
   * At most this many articles scored (the tiered search): bounds that count a term whose
   * heads were not read in every article holding the term's segment rows may keep
   * thousands in play. Articles are then visited by what their read heads say.
   */
  maxScored?: number;
}

/** What pruning asks of the scorer, for article index `a`. */
export interface ArticleWork {
  /** Scores its sentences and paragraphs into the scores. */
  score: (a: number) => void;
  /** Narrows the bounds (in the scores' articles) of the first `count` of these, all at once; scoring needs it first. */
  tighten: (list: Int32Array, count: number) => void;
}

/** Scores every article the top `limit` sentences may come from. */
export function scoreNeededArticles(scores: QueryScores, work: ArticleWork, ranking: SentenceRanking): void {
  const { articles } = scores;
  const count = articles.count;
  const { sentenceBound, paragraphBound } = articles;
  const done = new Uint8Array(count);
  const { sentenceRest, paragraphRest } = articles;
  let budget = ranking.maxScored ?? Infinity;
  const score = (a: number): void => {
    done[a] = 1;
    if (budget-- > 0) work.score(a);
  };
  const mayRaiseMaxima = (a: number): boolean => sentenceBound[a]! * ROUNDING_MARGIN > scores.maxSentence || paragraphBound[a]! * ROUNDING_MARGIN > scores.maxParagraph;
  // The bounds without the rests (0 in an exact search): what the heads read say, for the order.
  const known = (bound: Float64Array, rest: Float64Array): Float64Array => {
    const without = new Float64Array(count);
    for (let a = 0; a < count; a++) without[a] = bound[a]! - rest[a]!;
    return without;
  };
  const reach = (a: number): number => Math.max((sentenceBound[a]! - sentenceRest[a]!) / scores.maxSentence, (paragraphBound[a]! - paragraphRest[a]!) / scores.maxParagraph);

  const seeds = Int32Array.from(new Set([...best(known(sentenceBound, sentenceRest), count, SEED_ARTICLES), ...best(known(paragraphBound, paragraphRest), count, SEED_ARTICLES)]));
  work.tighten(seeds, seeds.length);
  for (const a of seeds) if (!done[a]) score(a);
  const list = new Int32Array(count);
  let listed = 0;
  // mayRaiseMaxima written out: this loop sees every article of the question.
  const { maxSentence, maxParagraph } = scores;
  for (let a = 0; a < count; a++) {
    if ((sentenceBound[a]! * ROUNDING_MARGIN > maxSentence || paragraphBound[a]! * ROUNDING_MARGIN > maxParagraph) && !done[a]) list[listed++] = a;
  }
  listed = keepBest(list, listed, reach, LISTED_PER_SCORED * budget);
  work.tighten(list, listed);
  listed = keep(list, listed, mayRaiseMaxima);
  inDescendingOrder(list, listed, reach, (a) => {
    if (mayRaiseMaxima(a)) score(a); // else the maxima grew meanwhile
  });

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
  const bounds = new Float64Array(count);
  const knownBound = (a: number): number =>
    ranking.combined(Math.min(scores.maxSentence, sentenceBound[a]! - sentenceRest[a]!), Math.min(scores.maxParagraph, paragraphBound[a]! - paragraphRest[a]!), articles.score[a]!, articles.slot[a]!, scores);
  listed = 0;
  const { onlySlot } = ranking;
  for (let a = 0; a < count; a++) {
    if (done[a] || (onlySlot !== undefined && articles.slot[a] !== onlySlot)) continue;
    bounds[a] = combinedBound(a);
    if (bounds[a] !== -Infinity && bounds[a]! >= kth.threshold) list[listed++] = a;
  }
  listed = keepBest(list, listed, knownBound, LISTED_PER_SCORED * budget);
  work.tighten(list, listed);
  listed = keep(list, listed, (a) => (bounds[a] = combinedBound(a)) >= kth.threshold);
  inDescendingOrder(list, listed, knownBound, (a) => {
    // The order is only roughly descending: one below the k-th best is passed over, not the end.
    if (bounds[a]! < kth.threshold) return;
    score(a);
    countNew();
  });
}

/** Every article, for checks and tests that compare pruning with scoring everything. */
export function scoreAllArticles(scores: QueryScores, work: ArticleWork): void {
  const all = Int32Array.from({ length: scores.articles.count }, (_, a) => a);
  work.tighten(all, all.length);
  for (let a = 0; a < scores.articles.count; a++) work.score(a);
}

/**
 * Keeps (in order, at the front) the `most` articles of the first `count` of `list` with
 * the highest `key` (ties: the first met); returns how many. With a budget of articles to
 * score, tightening and ordering the thousands a tiered search's bounds keep is wasted.
 */
function keepBest(list: Int32Array, count: number, key: (a: number) => number, most: number): number {
  if (count <= most) return count;
  if (most <= 0) return 0;
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = key(list[i]!);
  const threshold = scoreAtRank(keys, most);
  let above = 0;
  for (let i = 0; i < count; i++) if (keys[i]! > threshold) above += 1;
  let atThreshold = most - above;
  let kept = 0;
  for (let i = 0; i < count; i++) if (keys[i]! > threshold || (keys[i] === threshold && atThreshold-- > 0)) list[kept++] = list[i]!;
  return kept;
}

/** Keeps (in order, at the front) the first `count` articles of `list` that pass `test`; returns how many. */
function keep(list: Int32Array, count: number, test: (a: number) => boolean): number {
  let kept = 0;
  for (let i = 0; i < count; i++) if (test(list[i]!)) list[kept++] = list[i]!;
  return kept;
}

/** Visits the first `count` articles of `list` by roughly descending `key`. */
function inDescendingOrder(list: Int32Array, count: number, key: (a: number) => number, visit: (a: number) => void): void {
  for (const a of descendingOrder(list, count, key)) visit(a);
}

/** The high 32 bits of a double: for keys >= 0 they order as the keys do. */
const KEY = new Float64Array(1);
const KEY_HIGH = new Uint32Array(KEY.buffer, os.endianness() === 'LE' ? 4 : 0, 1);
/** Of those, the sign, the exponent and 9 bits of mantissa: keys within ~0.2% may swap. */
const COARSE_SHIFT = 11;
const COARSE_MAX = 0xffffffff >>> COARSE_SHIFT;
const INDEX_SPAN = 2 ** 32;

/**
 * The articles by descending key, ties in list order, to within COARSE_SHIFT's rounding.
 * A key and an index are packed in one double, so the sort is the engine's numeric one:
 * with a compare function, sorting the ~5,000 articles a question lists cost ~1-2 ms.
 * The order decides how much work is done, never what is found.
 */
function descendingOrder(list: Int32Array, count: number, key: (a: number) => number): Int32Array {
  const packed = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    KEY[0] = key(list[i]!);
    packed[i] = (COARSE_MAX - (KEY_HIGH[0]! >>> COARSE_SHIFT)) * INDEX_SPAN + i;
  }
  packed.sort();
  return Int32Array.from(packed, (value) => list[value % INDEX_SPAN]!);
}

/** The indices of the `k` largest values (ties: the first met). */
function best(values: Float64Array, count: number, k: number): number[] {
  const threshold = scoreAtRank(values.subarray(0, count), k);
  const found: number[] = [];
  for (let i = 0; i < count && found.length < k; i++) if (values[i]! >= threshold) found.push(i);
  return found;
}
