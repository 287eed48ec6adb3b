/**
 * Scores by document key, in typed arrays: a question over a big archive adds up hundreds of
 * thousands of BM25 contributions, and a JS Map spends most of that time allocating. Keys
 * come back in the order they were first added, like a Map's, which keeps tie-breaking
 * (and so the answers) the same as the in-memory index's.
 */
const INITIAL_CAPACITY = 1024;
/** Grow when the table is this full: linear probing slows down past it. */
const MAX_LOAD = 0.5;
const EMPTY = -1;

export class ScoreTable {
  private slots = new Int32Array(INITIAL_CAPACITY * 2).fill(EMPTY);
  private mask = INITIAL_CAPACITY * 2 - 1;
  /** In insertion order. */
  keys = new Float64Array(INITIAL_CAPACITY);
  values = new Float64Array(INITIAL_CAPACITY);
  /** A second number per key (a sentence's paragraph key). */
  extras = new Float64Array(INITIAL_CAPACITY);
  size = 0;

  /** Adds `amount` to the key's score; returns the key's index in insertion order. */
  add(key: number, amount: number): number {
    let at = hash(key) & this.mask;
    for (;;) {
      const index = this.slots[at]!;
      if (index === EMPTY) break;
      if (this.keys[index] === key) {
        this.values[index] = this.values[index]! + amount;
        return index;
      }
      at = (at + 1) & this.mask;
    }
    if (this.size + 1 > this.keys.length) this.grow();
    const index = this.size++;
    this.keys[index] = key;
    this.values[index] = 0 + amount;
    this.insertSlot(key, index);
    return index;
  }

  get(key: number): number {
    let at = hash(key) & this.mask;
    for (;;) {
      const index = this.slots[at]!;
      if (index === EMPTY) return 0;
      if (this.keys[index] === key) return this.values[index]!;
      at = (at + 1) & this.mask;
    }
  }

  /** The largest score (or a tiny positive number), the divisor that brings scores to 0..1. */
  max(): number {
    let max = 1e-9;
    for (let i = 0; i < this.size; i++) if (this.values[i]! > max) max = this.values[i]!;
    return max;
  }

  private insertSlot(key: number, index: number): void {
    let at = hash(key) & this.mask;
    while (this.slots[at] !== EMPTY) at = (at + 1) & this.mask;
    this.slots[at] = index;
  }

  private grow(): void {
    const capacity = this.keys.length * 2;
    const widen = (old: Float64Array): Float64Array<ArrayBuffer> => {
      const array = new Float64Array(capacity);
      array.set(old);
      return array;
    };
    this.keys = widen(this.keys);
    this.values = widen(this.values);
    this.extras = widen(this.extras);
    this.slots = new Int32Array(Math.ceil(capacity / MAX_LOAD)).fill(EMPTY);
    this.mask = this.slots.length - 1;
    for (let i = 0; i < this.size; i++) this.insertSlot(this.keys[i]!, i);
  }
}

/** Mixes both halves of a key below 2^53 into 32 bits. */
function hash(key: number): number {
  const low = key >>> 0;
  const high = (key / 0x100000000) >>> 0;
  return Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) ^ (low >>> 15);
}
