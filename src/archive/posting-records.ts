import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';

/**
 * The stored postings of one term in one article, as 16-bit numbers:
 *
 *   slotHigh slotLow  articleTf articleLenHigh articleLenLow
 *   paragraphCount (paragraph tf length)*   sentenceCount (position paragraph tf length)*
 *
 * A posting row holds the records of one term for a segment of SEGMENT_ARTICLES
 * consecutive article slots, so a question reads one row per segment and term, not one per
 * article, and an article arriving or going rewrites only its own segment's rows.
 * Sentence and paragraph lengths, positions and paragraph numbers past 65,535 are capped:
 * no real article comes near (a 2 MB file of 32-byte sentences would).
 */
export const SEGMENT_ARTICLES = 1024;
const U16 = 0x10000;
const MAX_U16 = 0xffff;

export function segmentOf(slot: number): number {
  return Math.floor(slot / SEGMENT_ARTICLES);
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
  /** Per term: its record, and the number of sentences, paragraphs, articles holding it. */
  records: Map<string, { record: number[]; sentences: number; paragraphs: number }>;
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
  let paragraphNumber = -1;
  for (const facts of knowledge.sentences) {
    if (facts.position > MAX_U16) break;
    if (facts.paragraph !== paragraphNumber) {
      paragraphNumber = facts.paragraph;
      const paragraphTerms = knowledge.sentences.filter((s) => s.paragraph === paragraphNumber).flatMap((s) => s.terms);
      for (const [term, tf] of countTerms(paragraphTerms)) push(paragraphs, term, cap(paragraphNumber), cap(tf), cap(paragraphTerms.length));
      totals.paragraphs += 1;
      totals.paragraphLength += paragraphTerms.length;
    }
    for (const [term, tf] of countTerms(facts.terms)) push(sentences, term, facts.position, cap(facts.paragraph), cap(tf), cap(facts.terms.length));
    totals.sentences += 1;
    totals.sentenceLength += facts.terms.length;
  }
  const records: ArticlePostings['records'] = new Map();
  const slotHigh = Math.floor(slot / U16);
  const lengthHigh = Math.floor(articleTerms.length / U16);
  for (const [term, tf] of articleCounts) {
    const paragraphEntries = paragraphs.get(term) ?? [];
    const sentenceEntries = sentences.get(term) ?? [];
    const record = [slotHigh, slot % U16, cap(tf), lengthHigh, articleTerms.length % U16, paragraphEntries.length / 3, ...paragraphEntries, sentenceEntries.length / 4, ...sentenceEntries];
    records.set(term, { record, sentences: sentenceEntries.length / 4, paragraphs: paragraphEntries.length / 3 });
  }
  return { records, totals };
}

function push(map: Map<string, number[]>, term: string, ...values: number[]): void {
  let list = map.get(term);
  if (!list) map.set(term, (list = []));
  list.push(...values);
}

/** Reads the slot of the record starting at `at`, and where the next record starts. */
export function recordAt(data: Uint16Array, at: number): { slot: number; next: number } {
  const paragraphCount = data[at + 5]!;
  const sentenceCountAt = at + 6 + paragraphCount * 3;
  return { slot: data[at]! * U16 + data[at + 1]!, next: sentenceCountAt + 1 + data[sentenceCountAt]! * 4 };
}

/** The posting row without the records of these slots (undefined when nothing is left). */
export function withoutSlots(data: Uint16Array, slots: ReadonlySet<number>): Uint16Array | undefined {
  const kept: number[] = [];
  for (let at = 0; at < data.length; ) {
    const { slot, next } = recordAt(data, at);
    if (!slots.has(slot)) for (let i = at; i < next; i++) kept.push(data[i]!);
    at = next;
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
