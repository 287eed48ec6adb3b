import { bm25Norm } from '../knowledge/bm25.js';

/**
 * bm25Norm for one average length, looked up instead of computed for the small tfs and
 * lengths nearly every record has: pass 1 needs three norms for each of the ~240,000
 * heads a question reads at 100,000 articles, and two divisions each cost more than the
 * rest of a head's work. The table holds what bm25Norm returns, so sums stay bit-identical.
 */
export class NormTable {
  private readonly norms: Float64Array;
  private average = NaN;

  constructor(
    /** tf < tfLimit and length < lengthLimit are looked up; lengthLimit a power of 2. */
    private readonly tfLimit: number,
    private readonly lengthLimit: number,
  ) {
    this.norms = new Float64Array(tfLimit * lengthLimit);
  }

  /** Fills the table for this average length (nothing to do if it is the last one). */
  prepare(average: number): void {
    if (average === this.average) return;
    this.average = average;
    for (let tf = 0; tf < this.tfLimit; tf++) for (let length = 0; length < this.lengthLimit; length++) this.norms[tf * this.lengthLimit + length] = bm25Norm(tf, length, average);
  }

  norm(tf: number, length: number): number {
    return tf < this.tfLimit && length < this.lengthLimit ? this.norms[tf * this.lengthLimit + length]! : bm25Norm(tf, length, this.average);
  }
}
