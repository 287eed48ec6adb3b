import Fuse from 'fuse.js';
import { words } from '../text/normalize.js';

/**
 * Typo correction for question words ("leter" -> "letter", "amnsty" -> "amnesty").
 * fuse.js proposes candidates; edit distance and frequency pick the winner. Searching the
 * whole vocabulary costs ~35 ms a word on the BBC corpus, so candidates come from a
 * bucket of words with the same first letter and a similar length (~2 ms).
 */
/** A word written with a capital this often inside sentences is a name ("Glazer", "Amnesty"). */
const NAME_SHARE = 0.85;
/**
 * Below this length a misspelt name is as likely another name ("elon" is not "Elton",
 * "aliyev" is not "Aliyeva"): only longer ones are corrected into a name ("callamrd").
 */
const MIN_NAME_TO_CORRECT = 7;

export class Vocabulary {
  private readonly counts = new Map<string, number>();
  /** Every word of the texts added, short ones too ("UK"): what the casing counts are shares of. */
  private readonly occurrences = new Map<string, number>();
  /** Per word: times written with a capital inside a sentence, and times it opened one. */
  private readonly casing = new Map<string, { capitalised: number; openers: number }>();
  private buckets = new Map<string, Fuse<string>>();

  /**
   * Words of a text, noting which are written as names: how often each is written with a
   * capital where a sentence doesn't start. Two native regular-expression passes (capitalised
   * words not after a full stop, and sentence openers) keep this cheap on a large archive.
   */
  addText(text: string): void {
    const all = words(text);
    for (const word of all) this.occurrences.set(word, (this.occurrences.get(word) ?? 0) + 1);
    this.addWords(all);
    for (const match of text.matchAll(CAPITALISED_INSIDE)) this.countCasing(match[0], 'capitalised');
    for (const match of text.matchAll(SENTENCE_OPENER)) this.countCasing(match[1]!, 'openers');
  }

  private countCasing(token: string, field: 'capitalised' | 'openers'): void {
    const word = quickFold(token);
    if (!word) return;
    const entry = this.casing.get(word) ?? { capitalised: 0, openers: 0 };
    entry[field] += 1;
    this.casing.set(word, entry);
  }

  /** True for a word the articles write as a name. */
  isName(word: string): boolean {
    const entry = this.casing.get(word);
    if (!entry) return false;
    const inside = (this.occurrences.get(word) ?? 0) - entry.openers;
    return inside > 0 && entry.capitalised >= NAME_SHARE * inside;
  }

  addWords(words: Iterable<string>): void {
    for (const word of words) {
      if (word.length < 3 || /\d/.test(word)) continue;
      const count = this.counts.get(word);
      if (count === undefined && this.buckets.size > 0) this.buckets = new Map();
      this.counts.set(word, (count ?? 0) + 1);
    }
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** The known word the user most probably meant, or undefined. */
  correct(word: string): string | undefined {
    if (word.length < 4 || this.counts.has(word)) return undefined;
    const fuse = this.bucket(word);
    const candidates = fuse.search(word, { limit: 12 });
    let best: { word: string; distance: number; count: number } | undefined;
    for (const { item } of candidates) {
      const distance = editDistance(word, item);
      if (distance > (word.length >= 8 ? 2 : 1)) continue;
      if (word.length < MIN_NAME_TO_CORRECT && this.isName(item)) continue;
      const count = this.counts.get(item) ?? 0;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
        best = { word: item, distance, count };
      }
    }
    return best?.word;
  }

  private bucket(word: string): Fuse<string> {
    const key = `${word[0]}:${word.length}`;
    let fuse = this.buckets.get(key);
    if (!fuse) {
      const pool: string[] = [];
      for (const known of this.counts.keys()) {
        if (known[0] === word[0] && Math.abs(known.length - word.length) <= 2) pool.push(known);
      }
      fuse = new Fuse(pool, { threshold: 0.4, includeScore: true, ignoreLocation: true });
      this.buckets.set(key, fuse);
    }
    return fuse;
  }
}

/** A token folded as `words()` folds it, without its cost for plain ASCII ("Callamard's" -> "callamard"). */
function quickFold(token: string): string {
  const lower = !/[^\p{ASCII}]/u.test(token) ? token.toLowerCase() : (words(token)[0] ?? '');
  return lower.replace(/['’]s$/, '').replace(/['’]/g, '');
}

/** A capitalised word that neither starts the text nor follows a full stop, a colon, a quote or a line break. */
const CAPITALISED_INSIDE = /(?<![.!?:"“”\n]\s*)(?<!^\s*)(?<![\p{L}\p{N}'’])\p{Lu}[\p{L}\p{N}'’]*/gu;
/** The word that starts the text, or follows a full stop, a colon, a quote or a line break. */
const SENTENCE_OPENER = /(?:^|[.!?:"“”\n])\s*([\p{L}\p{N}][\p{L}\p{N}'’]*)/gu;

/** Damerau-Levenshtein (optimal string alignment) distance. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
