/**
 * How the numbers of a posting head (posting-records.ts) are packed into its 16-bit
 * fields, so that a head takes 20 bytes instead of 28: a question reads ~240,000 heads at
 * 100,000 articles, and reading them from SQLite, keeping them in the posting cache and
 * walking them all cost by the byte.
 *
 * - A slot is stored as its place in the row's segment: the row's key holds the segment.
 * - An article's length and a record's term index get 24 bits: a low 16-bit field each,
 *   and their high bytes share one field. Articles come from files of at most 2 MB
 *   (load-content.ts), so fewer than 2^24 terms even with the headline counted thrice.
 * - A bound's largest tf and shortest length are one saturating byte each, in one field:
 *   255 stands for "255 or more". Bounds only prune; a saturated tf is bounded by the
 *   largest tf an entry holds, a saturated length by 255 itself (BM25 rises with tf and
 *   falls with length), so a bound is never below what it bounds. The field indexes the
 *   norm table directly (bound-norms.ts).
 */

/** The largest value a bound byte holds; it stands for itself or anything larger. */
export const SATURATED = 0xff;
const BYTE_BITS = 8;
const LOW_SPAN = 0x10000;
/** Article lengths and term indices must stay below this (24 bits). */
export const WIDE_LIMIT = 1 << 24;

/** A bound's largest tf and shortest length, one saturating byte each: tf high, length low. */
export function packBound(maxTf: number, minLength: number): number {
  return (Math.min(maxTf, SATURATED) << BYTE_BITS) | Math.min(minLength, SATURATED);
}

export function boundTf(packed: number): number {
  return packed >>> BYTE_BITS;
}

export function boundLength(packed: number): number {
  return packed & SATURATED;
}

/** The low 16 bits of a 24-bit number. */
export function lowPart(value: number): number {
  return value % LOW_SPAN;
}

/** The high bytes of two 24-bit numbers in one field: the first's high, the second's low. */
export function packHighs(first: number, second: number): number {
  if (first >= WIDE_LIMIT || second >= WIDE_LIMIT || first < 0 || second < 0) throw new RangeError(`a head holds numbers below ${WIDE_LIMIT}: ${first}, ${second}`);
  return (Math.floor(first / LOW_SPAN) << BYTE_BITS) | Math.floor(second / LOW_SPAN);
}

/** The first number of `packHighs`, from its low part. */
export function firstWide(highs: number, low: number): number {
  return (highs >>> BYTE_BITS) * LOW_SPAN + low;
}

/** The second number of `packHighs`, from its low part. */
export function secondWide(highs: number, low: number): number {
  return (highs & SATURATED) * LOW_SPAN + low;
}
