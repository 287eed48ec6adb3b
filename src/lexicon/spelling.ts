/**
 * Spelling correction against a dictionary's words: the closest word by edit distance
 * (insertions, deletions, substitutions and swaps of neighbours), among the words with the
 * same first letter, which readers rarely get wrong.
 */

/**
 * Edits allowed for a word of this length: none under eight letters, one under ten, then
 * two. A word a few edits from an English word is as likely a name ("macron" -> "macro",
 * "blunkett" -> "blanket"), and a name must never be read as another word; the articles'
 * own words, names included, correct the other typos (see Vocabulary.correct).
 */
export function maxEditsFor(length: number): number {
  if (length < SHORTEST_CORRECTED) return 0;
  return length < SHORTEST_TWICE_CORRECTED ? 1 : 2;
}
const SHORTEST_CORRECTED = 8;
const SHORTEST_TWICE_CORRECTED = 10;

/** The optimal-string-alignment distance between two words, or `max + 1` once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2]! + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The dictionary word nearest to `word` within `max` edits, if any. */
export function nearestWord(word: string, dictionary: Iterable<string>, max: number): string | undefined {
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of dictionary) {
    const distance = editDistance(word, candidate, Math.min(max, bestDistance));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= max ? best : undefined;
}
