import { KthBest } from './kth-best.js';

/**
 * The first `limit` items of a stable sort by `compare`, without sorting them all: a big
 * archive scores hundreds of thousands of sentences for a common word, and a question
 * needs thirty. Same result as items.sort(compare).slice(0, limit), ties included,
 * because every item of that prefix scores at least the limit-th best score.
 */
export function topK<T>(items: T[], scoreOf: (item: T) => number, compare: (a: T, b: T) => number, limit: number): T[] {
  if (items.length > limit * SELECT_OVER_SORT) {
    const threshold = kthLargest(Float64Array.from(items, scoreOf), limit);
    items = items.filter((item) => scoreOf(item) >= threshold);
  }
  return items.sort(compare).slice(0, limit);
}

/**
 * The score an item needs to be among the first `limit` (-Infinity when there are fewer).
 * One pass keeping the best `limit` in a heap, without copying the scores: a question asks
 * this of the ~77,000 articles it touches at 100,000 (a copy and a quickselect cost ~1 ms).
 */
export function scoreAtRank(scores: Float64Array, limit: number): number {
  if (scores.length <= limit) return -Infinity;
  const best = new KthBest(limit);
  for (let i = 0; i < scores.length; i++) best.add(scores[i]!);
  return best.threshold;
}

/** Below this many items per wanted one, sorting them all is as quick as selecting. */
const SELECT_OVER_SORT = 8;

/** The k-th largest value (quickselect; reorders `values`). */
function kthLargest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target]!;
}
