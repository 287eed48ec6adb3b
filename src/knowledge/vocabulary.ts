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
/** A typo's candidates are the known words whose length differs by at most this much. */
const BUCKET_LENGTH_SPREAD = 2;
/** Fuse indexes kept at once (first letter x length); older ones are rebuilt when needed. */
const MAX_BUCKETS = 64;

/** How a text uses one word: how often (words worth correcting towards) and how it is written. */
export interface WordStats {
  count: number;
  /** Times seen inside a sentence (not after a full stop), and how many of those with a capital. */
  inside: number;
  capitalised: number;
}

/** Words too short, or holding digits, are never typo-correction targets. */
function countable(word: string): boolean {
  return word.length >= 3 && !/\d/.test(word);
}

/** Folding a token (Unicode normalisation, regexes) costs more than the rest of the
 *  counting; tokens repeat a lot, so their folded forms are remembered, up to this many. */
const FOLDED_KEPT = 100_000;
const folded = new Map<string, string | undefined>();

function foldedWord(token: string): string | undefined {
  // Plain ASCII letters and digits fold to their lower case: no need for the general path.
  // …but "US", the country, is "usa" (normalize.ts words), never the pronoun.
  if (isPlainAscii(token) && token !== 'US') return token.toLowerCase();
  if (folded.has(token)) return folded.get(token);
  if (folded.size >= FOLDED_KEPT) folded.clear();
  const word = words(token)[0];
  folded.set(token, word);
  return word;
}

/** Marks that end a sentence or open a quotation: a capital after one says nothing. */
const SENTENCE_OPENERS = '.!?:"“”';
/** How far back to look for such a mark before a word. */
const OPENER_LOOKBACK = 3;

/** Whether the word at `index` opens a sentence: nothing but spaces or an opener in the 3 characters before. */
function startsSentence(text: string, index: number): boolean {
  for (let i = index - 1; i >= Math.max(0, index - OPENER_LOOKBACK); i--) {
    const char = text[i]!;
    if (/\s/.test(char)) continue;
    return SENTENCE_OPENERS.includes(char);
  }
  return true;
}

function isPlainAscii(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    const letterOrDigit = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    if (!letterOrDigit) return false;
  }
  return true;
}

/** The words of a text with their counts and casing, in order of first appearance. */
export function wordStatsOf(text: string): Map<string, WordStats> {
  const stats = new Map<string, WordStats>();
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu)) {
    const word = foldedWord(match[0]);
    if (!word) continue;
    let entry = stats.get(word);
    if (!entry) stats.set(word, (entry = { count: 0, inside: 0, capitalised: 0 }));
    if (countable(word)) entry.count += 1;
    if (startsSentence(text, match.index ?? 0)) continue;
    entry.inside += 1;
    if (/^\p{Lu}/u.test(match[0])) entry.capitalised += 1;
  }
  return stats;
}

/** A word written with a capital this often inside sentences is a name. */
export function looksLikeName(entry: { inside: number; capitalised: number } | undefined): boolean {
  return entry !== undefined && entry.inside > 0 && entry.capitalised >= NAME_SHARE * entry.inside;
}

export class Vocabulary {
  private readonly counts = new Map<string, number>();
  /** Per word: times seen inside a sentence, and how many of those with a capital. */
  private readonly casing = new Map<string, { inside: number; capitalised: number }>();
  private buckets = new Map<string, Fuse<string>>();

  /** Words of a text, noting which are written as names (a capital not after a full stop). */
  addText(text: string): void {
    this.apply(wordStatsOf(text), 1);
  }

  /** Forgets what addText(text) added: a removed article's words stop being known. */
  removeText(text: string): void {
    this.apply(wordStatsOf(text), -1);
  }

  private apply(stats: Map<string, WordStats>, sign: 1 | -1): void {
    for (const [word, entry] of stats) {
      if (entry.inside > 0) {
        const casing = this.casing.get(word) ?? { inside: 0, capitalised: 0 };
        casing.inside += sign * entry.inside;
        casing.capitalised += sign * entry.capitalised;
        if (casing.inside > 0) this.casing.set(word, casing);
        else this.casing.delete(word);
      }
      if (entry.count === 0) continue;
      const count = (this.counts.get(word) ?? 0) + sign * entry.count;
      if (count > 0 && !this.counts.has(word)) this.forgetBuckets();
      if (count > 0) this.counts.set(word, count);
      else if (this.counts.delete(word)) this.forgetBuckets();
    }
  }

  /** True for a word the articles write as a name. */
  isName(word: string): boolean {
    return looksLikeName(this.casing.get(word));
  }

  addWords(words: Iterable<string>): void {
    for (const word of words) {
      if (!countable(word)) continue;
      const count = this.counts.get(word);
      if (count === undefined && this.buckets.size > 0) this.forgetBuckets();
      this.counts.set(word, (count ?? 0) + 1);
    }
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** The known word the user most probably meant, or undefined. */
  correct(word: string): string | undefined {
    if (word.length < 4 || this.has(word)) return undefined;
    const fuse = this.bucket(word);
    const candidates = fuse.search(word, { limit: 12 });
    let best: { word: string; distance: number; count: number } | undefined;
    for (const { item } of candidates) {
      const distance = editDistance(word, item);
      if (distance > (word.length >= 8 ? 2 : 1)) continue;
      if (word.length < MIN_NAME_TO_CORRECT && this.isName(item)) continue;
      const count = this.countOf(item);
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
        best = { word: item, distance, count };
      }
    }
    return best?.word;
  }

  /** How often the articles use the word (0 when unknown). */
  protected countOf(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /** Known words with the same first letter and a similar length, in order of first sight. */
  protected bucketWords(word: string): string[] {
    const pool: string[] = [];
    for (const known of this.counts.keys()) {
      if (known[0] === word[0] && Math.abs(known.length - word.length) <= BUCKET_LENGTH_SPREAD) pool.push(known);
    }
    return pool;
  }

  /** Buckets are built from the words known now: a new or forgotten word voids them. */
  protected forgetBuckets(): void {
    this.buckets = new Map();
  }

  private bucket(word: string): Fuse<string> {
    const key = `${word[0]}:${word.length}`;
    let fuse = this.buckets.get(key);
    if (!fuse) {
      fuse = new Fuse(this.bucketWords(word), { threshold: 0.4, includeScore: true, ignoreLocation: true });
      // Bounded: a big archive's buckets hold tens of thousands of words each.
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
      this.buckets.set(key, fuse);
    }
    return fuse;
  }
}

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
