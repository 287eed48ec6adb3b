import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { termHash } from './article-entries.js';
import { lowPart, packBound, packHighs } from './head-fields.js';

/**
 * The stored postings of one term in one article, in two places:
 *
 *   head (posting row)       slot articleTf articleLengthLow termIndexLow highs
 *                            sentenceBound paragraphBound sentenceMaskHigh sentenceMaskLow paragraphMask
 *   entries (article's row)  articleTf paragraphCount (paragraph tf length)*  sentenceCount (position paragraph tf length)*
 *
 * A head is ten 16-bit fields (20 bytes), packed as head-fields.ts says: the slot within
 * the row's segment, 24-bit article length and term index (their high bytes in `highs`),
 * and each bound's largest tf and shortest length as saturating bytes.
 *
 * A posting row holds the heads of one term for a segment of SEGMENT_ARTICLES consecutive
 * article slots, so a question reads one row per segment and term, and an article
 * arriving or going rewrites only its own segment's rows; its heads are split in two
 * tiers by impact (impact-tiers.ts). Every article keeps the entries of all its terms,
 * one after the other in ascending hash order (the term index), behind a table of their
 * hashes and where each term's begin (article-entries.ts): an article is scored with
 * every query term it holds, whether its head was read or not.
 *
 * A question reads the heads of its terms (a common term's top tier only, impact-tiers.ts):
 * the article scores, and bounds of what each article's sentences and paragraphs can
 * score (article-pruning.ts). BM25 rises with tf
 * and falls with length, so the largest tf and the shortest length bound a term's part;
 * the masks say which sentences (position mod 32) and paragraphs (number mod 16) hold the
 * term, so the bound of a sentence sums only terms that can share it. Only the articles
 * that can make the answer have their entries read.
 *
 * Sentence and paragraph lengths, positions and paragraph numbers past 65,535 are capped:
 * no real article comes near (a 2 MB file of 32-byte sentences would).
 */
export const HEAD_FIELDS = 10;
export const HEAD = {
  slot: 0,
  articleTf: 1,
  articleLengthLow: 2,
  termIndexLow: 3,
  /** The high bytes of the article length (high) and the term index (low): head-fields.ts. */
  highs: 4,
  /** Largest tf and shortest length of the sentences (paragraphs) holding the term: head-fields.ts. */
  sentenceBound: 5,
  paragraphBound: 6,
  sentenceMaskHigh: 7,
  sentenceMaskLow: 8,
  paragraphMask: 9,
} as const;
export const PARAGRAPH_ENTRY = 3;
export const SENTENCE_ENTRY = 4;
/** Sentences and paragraphs share a mask bit when their positions are this far apart. */
export const SENTENCE_BUCKETS = 32;
export const PARAGRAPH_BUCKETS = 16;
export const SEGMENT_ARTICLES = 1024;
/** How many values one 16-bit half of a 32-bit mask holds: high * U16 + low. */
export const U16 = 0x10000;
const MAX_U16 = 0xffff;

export function segmentOf(slot: number): number {
  return Math.floor(slot / SEGMENT_ARTICLES);
}

/** Where the slot is in its segment: what its head stores. */
export function slotInSegment(slot: number): number {
  return slot % SEGMENT_ARTICLES;
}

/** What one article adds to the three collections' document counts and total lengths. */
export interface CollectionTotals {
  sentences: number;
  sentenceLength: number;
  paragraphs: number;
  paragraphLength: number;
  articles: number;
  articleLength: number;
}

export interface ArticlePostings {
  /** Per term, in the article's term order: its head and entries, and the number of sentences, paragraphs holding it. */
  records: Map<string, { head: number[]; entries: number[]; sentences: number; paragraphs: number }>;
  totals: CollectionTotals;
}

const cap = (value: number): number => Math.min(value, MAX_U16);

/** The terms of the article as the in-memory index counts them: headline x3, tags x2, body. */
export function articleTermList(knowledge: ArticleKnowledge): string[] {
  return [
    ...knowledge.titleTerms, ...knowledge.titleTerms, ...knowledge.titleTerms,
    ...knowledge.tagTerms, ...knowledge.tagTerms,
    ...knowledge.sentences.flatMap((sentence) => sentence.terms),
  ];
}

function countTerms(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** Builds the article's record for every term it holds. */
export function articlePostings(knowledge: ArticleKnowledge, slot: number): ArticlePostings {
  const articleTerms = articleTermList(knowledge);
  const articleCounts = countTerms(articleTerms);
  const paragraphs = new Map<string, number[]>();
  const sentences = new Map<string, number[]>();
  const totals: CollectionTotals = { sentences: 0, sentenceLength: 0, paragraphs: 0, paragraphLength: 0, articles: 1, articleLength: articleTerms.length };
  const termsOfParagraph = paragraphTermLists(knowledge);
  let paragraphNumber = -1;
  for (const facts of knowledge.sentences) {
    if (facts.position > MAX_U16) break;
    if (facts.paragraph !== paragraphNumber) {
      paragraphNumber = facts.paragraph;
      const paragraphTerms = termsOfParagraph.get(paragraphNumber)!;
      for (const [term, tf] of countTerms(paragraphTerms)) listFor(paragraphs, term).push(cap(paragraphNumber), cap(tf), cap(paragraphTerms.length));
      totals.paragraphs += 1;
      totals.paragraphLength += paragraphTerms.length;
    }
    for (const [term, tf] of countTerms(facts.terms)) listFor(sentences, term).push(facts.position, cap(facts.paragraph), cap(tf), cap(facts.terms.length));
    totals.sentences += 1;
    totals.sentenceLength += facts.terms.length;
  }
  const records: ArticlePostings['records'] = new Map();
  const local = slotInSegment(slot);
  // In hash order: the term index is then the term's place in the article's lookup table.
  const byHash = [...articleCounts].map(([term, tf]) => ({ term, tf, hash: termHash(term) })).sort((x, y) => x.hash - y.hash);
  for (const { term, tf } of byHash) {
    const paragraphEntries = paragraphs.get(term) ?? [];
    const sentenceEntries = sentences.get(term) ?? [];
    const paragraphCount = paragraphEntries.length / PARAGRAPH_ENTRY;
    const sentenceCount = sentenceEntries.length / SENTENCE_ENTRY;
    const [paragraphMaxTf, paragraphMinLength, paragraphMask] = summary(paragraphEntries, PARAGRAPH_ENTRY, 1, PARAGRAPH_BUCKETS);
    const [sentenceMaxTf, sentenceMinLength, sentenceMask] = summary(sentenceEntries, SENTENCE_ENTRY, 2, SENTENCE_BUCKETS);
    const termIndex = records.size;
    const head = [
      local, cap(tf), lowPart(articleTerms.length), lowPart(termIndex), packHighs(articleTerms.length, termIndex),
      packBound(sentenceMaxTf, sentenceMinLength), packBound(paragraphMaxTf, paragraphMinLength), Math.floor(sentenceMask / U16), sentenceMask % U16, paragraphMask,
    ];
    records.set(term, { head, entries: [cap(tf), paragraphCount, ...paragraphEntries, sentenceCount, ...sentenceEntries], sentences: sentenceCount, paragraphs: paragraphCount });
  }
  return { records, totals };
}

/**
 * Of entries of `size` numbers (the first the position or paragraph, tf at `tfAt`, length
 * after it): the largest tf, the shortest length, and the mask of their buckets.
 */
function summary(entries: number[], size: number, tfAt: number, buckets: number): [number, number, number] {
  let maxTf = 0;
  let minLength = MAX_U16;
  let mask = 0;
  for (let i = 0; i < entries.length; i += size) {
    maxTf = Math.max(maxTf, entries[i + tfAt]!);
    minLength = Math.min(minLength, entries[i + tfAt + 1]!);
    mask |= 1 << entries[i]! % buckets;
  }
  return [maxTf, minLength, mask >>> 0];
}

/** The term's list in the map, made empty if it had none. */
function listFor(map: Map<string, number[]>, term: string): number[] {
  let list = map.get(term);
  if (!list) map.set(term, (list = []));
  return list;
}

/** Each paragraph's terms, its sentences' in order, gathered in one pass over the sentences. */
function paragraphTermLists(knowledge: ArticleKnowledge): Map<number, string[]> {
  const lists = new Map<number, string[]>();
  for (const { paragraph, terms } of knowledge.sentences) {
    const list = lists.get(paragraph);
    if (list) for (const term of terms) list.push(term);
    else lists.set(paragraph, [...terms]);
  }
  return lists;
}

/** The slot of the head starting at `at` of a row of this segment. */
export function slotAt(heads: Uint16Array, at: number, segment: number): number {
  return segment * SEGMENT_ARTICLES + heads[at + HEAD.slot]!;
}

/** The posting row (of this segment) without the heads of these slots (undefined when nothing is left). */
export function withoutSlots(heads: Uint16Array, segment: number, slots: ReadonlySet<number>): Uint16Array | undefined {
  const kept: number[] = [];
  for (let at = 0; at < heads.length; at += HEAD_FIELDS) {
    if (!slots.has(slotAt(heads, at, segment))) for (let i = at; i < at + HEAD_FIELDS; i++) kept.push(heads[i]!);
  }
  return kept.length ? Uint16Array.from(kept) : undefined;
}

/** A BLOB as 16-bit numbers (copied when SQLite's buffer is not 2-byte aligned). */
export function asUint16(bytes: Uint8Array): Uint16Array {
  if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  return new Uint16Array(Uint8Array.from(bytes).buffer);
}

export function toBytes(data: Uint16Array | number[]): Buffer {
  const array = data instanceof Uint16Array ? data : Uint16Array.from(data);
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
