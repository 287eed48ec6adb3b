import type { ArticlePostings } from './posting-records.js';

const U16 = 0x10000;
/** Set in the first number when the entries are bytes. */
const NARROW_FLAG = 0x8000;
const MAX_NARROW = 0xff;
/** The header's 16-bit numbers: countHigh (and the flag), countLow, articleLengthHigh, articleLengthLow. */
const HEADER = 4;
/** A term's numbers in the table: hashHigh hashLow offsetHigh offsetLow. */
const TABLE_ENTRY = 4;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A term's 32-bit FNV-1a hash: how an article's entries are found without its posting
 * head. Two terms of one article sharing a hash, or a query term sharing one with a term
 * of the article, would swap entries: at ~300 terms an article, about once in 10^7
 * lookups, and only ever in what the article is scored with.
 */
export function termHash(term: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/**
 * An article's entries of every term (posting-records.ts, its terms in ascending hash
 * order, which is their term index), behind a table of each term's hash and where its
 * entries begin: as 16-bit numbers
 *
 *   countHigh countLow articleLengthHigh articleLengthLow (hashHigh hashLow offsetHigh offsetLow)*   then the entries
 *
 * so that a question finds any of its terms in an article it scores by binary search, the
 * terms whose heads it did not read included (impact-tiers.ts). The entries are bytes
 * when every one fits (positions, paragraph numbers, tfs and lengths of a news article
 * do), 16-bit numbers otherwise; NARROW_FLAG in countHigh says which.
 */
export function forwardEntries(records: ArticlePostings['records'], articleLength: number): Uint8Array {
  const count = records.size;
  let length = 0;
  let narrow = true;
  for (const record of records.values()) {
    length += record.entries.length;
    if (narrow && record.entries.some((value) => value > MAX_NARROW)) narrow = false;
  }
  const tableNumbers = HEADER + TABLE_ENTRY * count;
  const bytes = new Uint8Array(2 * tableNumbers + length * (narrow ? 1 : 2));
  const table = new Uint16Array(bytes.buffer, 0, tableNumbers);
  const values = narrow ? bytes.subarray(2 * tableNumbers) : new Uint16Array(bytes.buffer, 2 * tableNumbers, length);
  table[0] = Math.floor(count / U16) | (narrow ? NARROW_FLAG : 0);
  table[1] = count % U16;
  table[2] = Math.floor(articleLength / U16);
  table[3] = articleLength % U16;
  let at = 0;
  let previous = -1;
  let t = HEADER;
  for (const [term, record] of records) {
    const hash = termHash(term);
    if (hash < previous) throw new RangeError('an article\'s records must come in ascending hash order');
    previous = hash;
    table.set([Math.floor(hash / U16), hash % U16, Math.floor(at / U16), at % U16], t);
    values.set(record.entries, at);
    at += record.entries.length;
    t += TABLE_ENTRY;
  }
  return bytes;
}

/** Stored entries, read in place. */
export class ArticleEntries {
  /** The entry numbers: a term's begin at `startOf(termIndex)`. */
  readonly values: Uint8Array | Uint16Array;
  readonly count: number;
  /** Terms in the article as the in-memory index counts them (headline x3, tags x2, body). */
  readonly articleLength: number;
  private readonly table: Uint16Array;

  constructor(bytes: Uint8Array) {
    // SQLite's buffer need not be 2-byte aligned: a copy then, so 16-bit views fit.
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : Uint8Array.from(bytes);
    const header = new Uint16Array(aligned.buffer, aligned.byteOffset, HEADER);
    this.count = (header[0]! & ~NARROW_FLAG) * U16 + header[1]!;
    this.articleLength = header[2]! * U16 + header[3]!;
    const tableBytes = 2 * (HEADER + TABLE_ENTRY * this.count);
    this.table = new Uint16Array(aligned.buffer, aligned.byteOffset, HEADER + TABLE_ENTRY * this.count);
    this.values = header[0]! & NARROW_FLAG
      ? aligned.subarray(tableBytes)
      : new Uint16Array(aligned.buffer, aligned.byteOffset + tableBytes, (aligned.byteLength - tableBytes) / 2);
  }

  /** Where term `termIndex`'s entries begin in `values`. */
  startOf(termIndex: number): number {
    return this.table[HEADER + TABLE_ENTRY * termIndex + 2]! * U16 + this.table[HEADER + TABLE_ENTRY * termIndex + 3]!;
  }

  /** The term index of the term with this hash (termHash), or -1 if the article has none. */
  find(hash: number): number {
    const { table } = this;
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = HEADER + TABLE_ENTRY * middle;
      const found = table[at]! * U16 + table[at + 1]!;
      if (found === hash) return middle;
      if (found < hash) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/** The entries of an article that is gone. */
export const NO_ENTRIES = new ArticleEntries(new Uint8Array(2 * HEADER));
