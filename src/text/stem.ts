import { stemmer } from 'stemmer';

const cache = new Map<string, string>();

/** Porter stem of a folded word, memoised: the corpus repeats words a lot. */
export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d/.test(word) ? word : stemmer(americanSpelling(shortIeVerb(word)));
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

/**
 * "died", "dies", "dying" and "die" meet: Porter cuts "died" to "di" but leaves "die" whole,
 * so "where did he die?" missed "He died in Hove". The same for lie, tie and vie.
 */
function shortIeVerb(word: string): string {
  const inflected = /^([a-z])ie[sd]$/.exec(word) ?? /^([dltv])ying$/.exec(word);
  return inflected ? `${inflected[1]}ie` : word;
}
