/**
 * The BM25 arithmetic shared by the in-memory index and the archive's stored one, so both
 * rank exactly alike (the eval figures of one must be those of the other).
 */

/** Okapi BM25 constants, the usual defaults. */
export const K1 = 1.2;
export const B = 0.75;
/** How much a sentence's paragraph and article count next to the sentence itself. */
export const PARAGRAPH_WEIGHT = 0.8;
export const ARTICLE_WEIGHT = 0.45;
/** Stems that share this many first letters, one extending the other, are related forms. */
export const PREFIX_CHARS = 5;

export function bm25Idf(liveCount: number, df: number): number {
  return Math.log(1 + (liveCount - df + 0.5) / (df + 0.5));
}

/** The term-frequency part of BM25 for a document of `length` terms. */
export function bm25Norm(tf: number, length: number, averageLength: number): number {
  return tf * (K1 + 1) / (tf + K1 * (1 - B + (B * length) / averageLength));
}

/** Rarest-possible idf over `liveCount` documents: what an unknown word would weigh. */
export function maxIdfOf(liveCount: number): number {
  return Math.log(1 + (liveCount + 0.5) / 0.5);
}

/**
 * The largest score of a kind before any is found: a tiny positive number, so that the
 * largest score, the divisor that brings scores to 0..1, is never 0.
 */
export const NO_MAX = 1e-9;

/** Stems of `known` related to `term`: one extends the other ("marri" ~ "marriag"). */
export function relatedAmong(term: string, known: Iterable<string>): string[] {
  const variant = (longer: string, shorter: string): boolean => longer.startsWith(shorter) && longer.length - shorter.length <= MAX_SUFFIX_CHARS;
  return [...known].filter((other) => other !== term && (variant(other, term) || variant(term, other)));
}

/**
 * The most a related stem may add to a word: an ending the stemmer left ("protest" ->
 * "protester"), not another word that happens to begin the same ("secret" -> "secretary").
 */
const MAX_SUFFIX_CHARS = 2;
