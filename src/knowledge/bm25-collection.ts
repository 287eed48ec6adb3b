import { bm25Idf, bm25Norm, NO_MAX } from './bm25.js';

/**
 * The documents a query touched and what each scored, in the order they were first
 * touched (the order a Map of scores would iterate them in). Valid until the collection
 * scores the next query: the scores live in the collection's reused scratch array.
 */
export interface DocScores {
  /** The ids touched, in the order of their first posting. */
  readonly touched: readonly number[];
  /** The score of a document (0 for one the query didn't touch). */
  readonly scores: Float64Array;
  /** The largest score (or a tiny positive number): the divisor that brings scores to 0..1. */
  readonly max: number;
}

/** Extra room when the scratch arrays grow, so that adding articles doesn't regrow them each time. */
const GROWTH = 1.5;

/**
 * One scored collection (sentences, paragraphs or articles): postings, lengths, df.
 * Removing a document takes it out of its terms' postings (and a term with no documents
 * left is forgotten), so a long-running bot holds only what its live articles need.
 *
 * Ids are handed out in order and never reused, so a query's scores go in arrays indexed
 * by id rather than a Map: a question touches thousands of sentences, and the Map's
 * hashing was most of a search (bench: ~40% of an answer). The arrays hold 8 bytes for
 * every document ever added, removed ones included: ~0.3 MB a year of a busy feed.
 */
export class Bm25Collection {
  private readonly postings = new Map<string, number[]>(); // flattened [docId, tf, docId, tf, ...]
  private readonly lengths = new Map<number, number>();
  private readonly termsOf = new Map<number, string[]>();
  /** Each document's length by id, for scoring without a Map lookup a posting. */
  private lengthById = new Float64Array(0);
  /** The current query's scores by id; zeroed again before the next query. */
  private scratch = new Float64Array(0);
  /** Which ids the current query has touched (a score of 0 may still be a touch: a term weighted 0). */
  private seen = new Uint8Array(0);
  private lastTouched: number[] = [];
  private nextId = 0;
  private totalLength = 0;

  add(terms: string[]): number {
    const id = this.nextId++;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push(id, tf);
    }
    this.lengths.set(id, terms.length);
    this.termsOf.set(id, [...counts.keys()]);
    this.totalLength += terms.length;
    this.ensureRoom();
    this.lengthById[id] = terms.length;
    return id;
  }

  /** Takes the documents out of the postings; returns the terms no document uses any more. */
  remove(ids: number[]): string[] {
    const gone = new Set(ids.filter((id) => this.lengths.has(id)));
    const touched = new Set<string>();
    for (const id of gone) {
      for (const term of this.termsOf.get(id) ?? []) touched.add(term);
      this.totalLength -= this.lengths.get(id)!;
      this.lengths.delete(id);
      this.termsOf.delete(id);
    }
    const forgotten: string[] = [];
    for (const term of touched) {
      const list = this.postings.get(term)!;
      const kept: number[] = [];
      for (let i = 0; i < list.length; i += 2) if (!gone.has(list[i]!)) kept.push(list[i]!, list[i + 1]!);
      if (kept.length) this.postings.set(term, kept);
      else {
        this.postings.delete(term);
        forgotten.push(term);
      }
    }
    return forgotten;
  }

  get size(): number {
    return this.lengths.size;
  }

  idf(term: string): number {
    return bm25Idf(this.size, (this.postings.get(term)?.length ?? 0) / 2);
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /**
   * Each touched document's sum of weight x BM25 contribution of each term, added term by
   * term in the order given (the same sums, to the bit, as adding into a Map). Clears the
   * previous query's scores first.
   */
  score(terms: readonly { term: string; weight: number }[]): DocScores {
    this.clear();
    const average = this.totalLength / Math.max(1, this.size);
    const { scratch, seen, lengthById } = this;
    const touched: number[] = [];
    for (const { term, weight } of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term) * weight;
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i]!;
        if (seen[id] === 0) {
          seen[id] = 1;
          touched.push(id);
        }
        scratch[id] = scratch[id]! + idf * bm25Norm(list[i + 1]!, lengthById[id]!, average);
      }
    }
    this.lastTouched = touched;
    let max = NO_MAX;
    for (const id of touched) if (scratch[id]! > max) max = scratch[id]!;
    return { touched, scores: scratch, max };
  }

  /** Zeroes what the last query wrote, so the arrays start the next one clean. */
  private clear(): void {
    for (const id of this.lastTouched) {
      this.scratch[id] = 0;
      this.seen[id] = 0;
    }
    this.lastTouched = [];
  }

  private ensureRoom(): void {
    if (this.nextId <= this.lengthById.length) return;
    const size = Math.ceil(this.nextId * GROWTH);
    const grown = <T extends Float64Array | Uint8Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.lengthById = grown(this.lengthById, new Float64Array(size));
    this.scratch = grown(this.scratch, new Float64Array(size));
    this.seen = grown(this.seen, new Uint8Array(size));
  }
}
