import { ARTICLE_WEIGHT, bm25Norm, PARAGRAPH_WEIGHT } from '../knowledge/bm25.js';
import { boundLength, boundTf, firstWide, packBound, SATURATED } from './head-fields.js';
import { HEAD, HEAD_FIELDS } from './posting-records.js';

/**
 * Which heads of a posting row the bot's questions read: the row's TOP_HEADS heads of
 * highest impact (tier 0), and the rest (tier 1) only in an exact search (stored-index.ts). This is
 * static index pruning (Carmel et al., 2001) by segment: a common term's heads in the
 * articles where it weighs least are left out, so a question over a big archive reads a
 * bounded number of heads per term and segment instead of every article holding it.
 *
 * Approximate by design (issue 11 asks for eval figures within a point, not identical
 * replies): where a term's head is in tier 1, the article is found only through its other
 * terms' heads (its bounds get the row's bound of what tier 1 can add), and an article
 * reachable only through tier-1 heads is never looked at. An article that is scored counts
 * every query term it holds, from its entries. A term in at most TOP_HEADS articles of
 * every segment loses nothing.
 *
 * A head's impact is what its term can add to a sentence's combined score, from the
 * head's own numbers (largest tf and shortest length of its sentences and paragraphs,
 * its article tf and length) at fixed reference lengths: it does not depend on other
 * articles, so a row's tiers change only when the row does.
 */

/**
 * Heads of a row in tier 0: ~3% of a segment's articles. The tiers are stored: a change
 * to this or to headImpact takes effect on an existing archive only with an
 * ARCHIVE_FORMAT bump (archive-schema.ts).
 */
export const TOP_HEADS = 32;
/** Lengths (in terms) the impact is reckoned at: typical of news sentences, paragraphs, articles. */
const REFERENCE_SENTENCE = 15;
const REFERENCE_PARAGRAPH = 40;
const REFERENCE_ARTICLE = 400;

/** What the head starting at `at` can add to a combined sentence score, at reference lengths. */
export function headImpact(heads: Uint16Array, at: number): number {
  const sentence = heads[at + HEAD.sentenceBound]!;
  const paragraph = heads[at + HEAD.paragraphBound]!;
  const articleLength = firstWide(heads[at + HEAD.highs]!, heads[at + HEAD.articleLengthLow]!);
  return (
    bm25Norm(boundTf(sentence), boundLength(sentence), REFERENCE_SENTENCE) +
    PARAGRAPH_WEIGHT * bm25Norm(boundTf(paragraph), boundLength(paragraph), REFERENCE_PARAGRAPH) +
    ARTICLE_WEIGHT * bm25Norm(heads[at + HEAD.articleTf]!, articleLength, REFERENCE_ARTICLE)
  );
}

/**
 * A row's heads split into tier 0 (the TOP_HEADS of highest impact; ties: the first in
 * the row) and tier 1 (the rest, undefined when none), each in the row's order.
 */
export function splitByImpact(heads: Uint16Array, top = TOP_HEADS): { top: Uint16Array; rest: Uint16Array | undefined } {
  const count = heads.length / HEAD_FIELDS;
  if (count <= top) return { top: heads, rest: undefined };
  const impacts = new Float64Array(count);
  for (let h = 0; h < count; h++) impacts[h] = headImpact(heads, h * HEAD_FIELDS);
  const threshold = Float64Array.from(impacts).sort()[count - top]!;
  // Above the threshold all are kept; at it, the first met until TOP_HEADS are.
  let atThreshold = top - impacts.reduce((above, impact) => above + (impact > threshold ? 1 : 0), 0);
  const kept = new Uint16Array(top * HEAD_FIELDS);
  const rest = new Uint16Array((count - top) * HEAD_FIELDS);
  let k = 0;
  let r = 0;
  for (let h = 0; h < count; h++) {
    const head = heads.subarray(h * HEAD_FIELDS, (h + 1) * HEAD_FIELDS);
    const keep = impacts[h]! > threshold || (impacts[h] === threshold && atThreshold-- > 0);
    if (keep) kept.set(head, HEAD_FIELDS * k++);
    else rest.set(head, HEAD_FIELDS * r++);
  }
  return { top: kept, rest };
}

/** The heads of a segment's tiers as one row (undefined when there are none). */
export function joined(tiers: (Uint16Array | undefined)[]): Uint16Array | undefined {
  const present = tiers.filter((tier): tier is Uint16Array => tier !== undefined && tier.length > 0);
  if (present.length <= 1) return present[0];
  const row = new Uint16Array(present.reduce((sum, tier) => sum + tier.length, 0));
  let at = 0;
  for (const tier of present) {
    row.set(tier, at);
    at += tier.length;
  }
  return row;
}

/** A tier-0 row's `rest`: the sentence and paragraph bounds (head-fields.ts) of its tier 1 as a whole, 16 bits each. */
const REST_SHIFT = 16;

/**
 * The largest tf and shortest length over tier 1's sentence (paragraph) bounds: what any
 * of its heads can add to a sentence (paragraph), so that an article whose head of a term
 * is in tier 1 still has bounds above its scores (article-bounds.ts). 0: no tier 1.
 */
export function restBounds(rest: Uint16Array | undefined): number {
  if (!rest) return 0;
  return packBound(...widest(rest, HEAD.sentenceBound)) * 2 ** REST_SHIFT + packBound(...widest(rest, HEAD.paragraphBound));
}

/**
 * A `rest` that bounds any head at all (the largest tf, length 0): what a term none of
 * whose heads a question reads (a common supporting term, stored-index.ts) can add to
 * any article's sentences and paragraphs.
 */
export const ANY_HEAD_REST = packBound(SATURATED, 0) * 2 ** REST_SHIFT + packBound(SATURATED, 0);

/** The sentence bound (head-fields.ts) of a row's `rest`. */
export function restSentenceBound(rest: number): number {
  return Math.floor(rest / 2 ** REST_SHIFT);
}

export function restParagraphBound(rest: number): number {
  return rest % 2 ** REST_SHIFT;
}

/** The largest tf and the shortest length of one bound field over these heads. */
function widest(heads: Uint16Array, field: number): [number, number] {
  let maxTf = 0;
  let minLength = SATURATED;
  for (let at = 0; at < heads.length; at += HEAD_FIELDS) {
    maxTf = Math.max(maxTf, boundTf(heads[at + field]!));
    // A head without the term in any sentence (tf 0) says nothing of lengths.
    if (boundTf(heads[at + field]!) > 0) minLength = Math.min(minLength, boundLength(heads[at + field]!));
  }
  return [maxTf, minLength];
}
