import { stemmer } from 'stemmer';

const cache = new Map<string, string>();

/** Porter stem of a folded word, memoised: the corpus repeats words a lot. */
export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d/.test(word) ? word : stemmer(americanSpelling(word));
    if (cache.size < 200_000) cache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * British and American spellings meet in one term ("organisation", "organization"). The
 * rewrite runs on both the index and the questions, so a wrong guess ("rise" -> "rize")
 * costs nothing.
 */
function americanSpelling(word: string): string {
  if (word.length < 6) return word;
  return word
    .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
    .replace(/our(s|ed|ing)?$/, 'or$1')
    .replace(/tre(s)?$/, 'ter$1');
}
