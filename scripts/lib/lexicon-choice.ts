/**
 * `--lexicon=both|wordnet|everyday|none` for `npm run eval` and `npm run fit`: which
 * paraphrase resource the engine gets, to measure what each adds (fit and eval with the
 * same choice; the product always uses both).
 */
import { createLexicon, type Lexicon } from '../../src/lexicon/lexicon.js';
import { WordNet } from '../../src/lexicon/wordnet.js';
import { synonymsOf } from '../../src/text/synonyms.js';

export function lexiconFromArgs(argv: string[] = process.argv): Lexicon {
  const choice = argv.find((arg) => arg.startsWith('--lexicon='))?.slice('--lexicon='.length) ?? 'both';
  const wordNet = WordNet.open();
  const both = createLexicon(wordNet);
  // Each choice changes only where related words come from; the dictionary's other answers stay.
  const dictionary = { ...both, antonyms: (word: string) => wordNet?.antonyms(word) ?? [] };
  switch (choice) {
    case 'both':
      return both;
    case 'wordnet':
      return { ...dictionary, relatedWords: (word) => wordNet?.relatedWords(word) ?? [], phraseRelatedWords: (phrase) => wordNet?.phraseRelatedWords(phrase) ?? [], knows: (word) => wordNet?.knows(word) ?? false };
    case 'everyday':
      // Without WordNet's related words, but still knowing which words are English.
      return { ...dictionary, relatedWords: synonymsOf, phraseRelatedWords: () => [], knows: (word) => wordNet?.knows(word) ?? false };
    case 'none':
      return { ...dictionary, relatedWords: () => [], phraseRelatedWords: () => [], knows: (word) => wordNet?.knows(word) ?? false };
    default:
      throw new Error(`--lexicon must be both, wordnet, everyday or none, not "${choice}"`);
  }
}
