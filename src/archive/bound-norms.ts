import { bm25Norm } from '../knowledge/bm25.js';
import { boundLength, boundTf, SATURATED } from './head-fields.js';

/** Every value of a packed bound field (head-fields.ts): tf byte and length byte. */
const PACKED_VALUES = 0x10000;
/** Entries' tfs are 16-bit (posting-records.ts): a saturated tf byte is bounded by the largest. */
const LARGEST_ENTRY_TF = 0xffff;

/**
 * The norm of every packed bound field (largest tf, shortest length) for one average
 * length, indexed by the field itself: pass 1 and tightening look a bound's norm up with
 * one load, no range check and no branch. A saturated tf takes the largest tf an entry
 * can hold; a saturated length is 255, at most the real one. tf 0 (the term is in no
 * sentence, or no paragraph) has norm 0, so adding it changes no sum.
 */
export class BoundNorms {
  readonly norms = new Float64Array(PACKED_VALUES);
  private average = NaN;

  /** Fills the table for this average length (nothing to do if it is the last one). */
  prepare(average: number): void {
    if (average === this.average) return;
    this.average = average;
    for (let packed = 0; packed < PACKED_VALUES; packed++) {
      const tf = boundTf(packed);
      this.norms[packed] = bm25Norm(tf === SATURATED ? LARGEST_ENTRY_TF : tf, boundLength(packed), average);
    }
  }
}
