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
  switch (choice) {
    case 'both':
      return createLexicon(wordNet);
    case 'wordnet':
      return { relatedWords: (word) => wordNet?.relatedWords(word) ?? [], phraseRelatedWords: (phrase) => wordNet?.phraseRelatedWords(phrase) ?? [], knows: (word) => wordNet?.knows(word) ?? false, isProperNoun: (word) => wordNet?.isProperNoun(word) ?? false, antonyms: (word) => wordNet?.antonyms(word) ?? [], spelling: (word) => wordNet?.spelling(word), nounKind: (word) => wordNet?.nounKind(word) };
    case 'everyday':
      // Without WordNet's related words, but still knowing which words are English.
      return { relatedWords: synonymsOf, phraseRelatedWords: () => [], knows: (word) => wordNet?.knows(word) ?? false, isProperNoun: (word) => wordNet?.isProperNoun(word) ?? false, antonyms: (word) => wordNet?.antonyms(word) ?? [], spelling: (word) => wordNet?.spelling(word), nounKind: (word) => wordNet?.nounKind(word) };
    case 'none':
      return { relatedWords: () => [], phraseRelatedWords: () => [], knows: (word) => wordNet?.knows(word) ?? false, isProperNoun: (word) => wordNet?.isProperNoun(word) ?? false, antonyms: (word) => wordNet?.antonyms(word) ?? [], spelling: (word) => wordNet?.spelling(word), nounKind: (word) => wordNet?.nounKind(word) };
    default:
      throw new Error(`--lexicon must be both, wordnet, everyday or none, not "${choice}"`);
  }
}
