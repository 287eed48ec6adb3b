import type { ArticlePostings } from './posting-records.js';

const U16 = 0x10000;
/** Set in the first number when the entries are bytes. */
const NARROW_FLAG = 0x8000;
const MAX_NARROW = 0xff;

/**
 * An article's entries of every term (posting-records.ts), behind a table of where each
 * term's begin: as 16-bit numbers
 *
 *   countHigh countLow (offsetHigh offsetLow)*   then the entries
 *
 * The entries are bytes when every one fits (positions, paragraph numbers, tfs and lengths
 * of a news article do), 16-bit numbers otherwise; NARROW_FLAG in countHigh says which.
 * A question reads the entries of ~250 articles at 100,000: bytes halve what comes from
 * SQLite (8.7 KB an article in 16 bits).
 */
export function forwardEntries(records: ArticlePostings['records']): Uint8Array {
  const count = records.size;
  let length = 0;
  let narrow = true;
  for (const record of records.values()) {
    length += record.entries.length;
    if (narrow && record.entries.some((value) => value > MAX_NARROW)) narrow = false;
  }
  const tableBytes = 2 * (2 + 2 * count);
  const bytes = new Uint8Array(tableBytes + length * (narrow ? 1 : 2));
  const table = new Uint16Array(bytes.buffer, 0, 2 + 2 * count);
  const values = narrow ? bytes.subarray(tableBytes) : new Uint16Array(bytes.buffer, tableBytes, length);
  table[0] = Math.floor(count / U16) | (narrow ? NARROW_FLAG : 0);
  table[1] = count % U16;
  let at = 0;
  let term = 0;
  for (const record of records.values()) {
    table[2 + 2 * term] = Math.floor(at / U16);
    table[3 + 2 * term] = at % U16;
    values.set(record.entries, at);
    at += record.entries.length;
    term += 1;
  }
  return bytes;
}

/** Stored entries, read in place. */
export class ArticleEntries {
  /** The entry numbers: a term's begin at `startOf(termIndex)`. */
  readonly values: Uint8Array | Uint16Array;
  private readonly table: Uint16Array;

  constructor(bytes: Uint8Array) {
    // SQLite's buffer need not be 2-byte aligned: a copy then, so 16-bit views fit.
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : Uint8Array.from(bytes);
    const first = aligned[0]! | (aligned[1]! << 8);
    const count = (first & ~NARROW_FLAG) * U16 + (aligned[2]! | (aligned[3]! << 8));
    const tableBytes = 2 * (2 + 2 * count);
    this.table = new Uint16Array(aligned.buffer, aligned.byteOffset, 2 + 2 * count);
    this.values = first & NARROW_FLAG
      ? aligned.subarray(tableBytes)
      : new Uint16Array(aligned.buffer, aligned.byteOffset + tableBytes, (aligned.byteLength - tableBytes) / 2);
  }

  /** Where term `termIndex`'s entries begin in `values`. */
  startOf(termIndex: number): number {
    return this.table[2 + 2 * termIndex]! * U16 + this.table[3 + 2 * termIndex]!;
  }
}

/** The entries of an article that is gone. */
export const NO_ENTRIES = new ArticleEntries(new Uint8Array(4));
