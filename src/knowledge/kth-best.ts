/**
 * The k-th best of the scores seen so far (a min-heap of the k best): what a score must
 * reach to be among the first k. -Infinity until k scores have been seen.
 */
export class KthBest {
  private readonly heap: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.heap = new Float64Array(Math.max(0, k));
  }

  add(score: number): void {
    const heap = this.heap;
    if (this.size < this.k) {
      let i = this.size++;
      heap[i] = score;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= heap[i]!) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
      return;
    }
    if (this.k === 0 || score <= heap[0]!) return;
    heap[0] = score;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < this.size && heap[left]! < heap[least]!) least = left;
      if (right < this.size && heap[right]! < heap[least]!) least = right;
      if (least === i) break;
      [heap[least], heap[i]] = [heap[i]!, heap[least]!];
      i = least;
    }
  }

  get threshold(): number {
    if (this.k === 0) return Infinity;
    return this.size < this.k ? -Infinity : this.heap[0]!;
  }
}
