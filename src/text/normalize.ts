/**
 * Text normalisation shared by indexing and querying, so that "Agnès" and "agnes",
 * "Ombudsman’s" and "ombudsman's" meet in the same index term.
 */

/** Lower-case, strip diacritics, unify quotes and dashes. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[‐-―−]/g, '-')
    .toLowerCase();
}

/**
 * Words of a text in reading order, folded. Numbers keep their digits with thousands
 * separators removed ("250,000" -> "250000"); possessive "'s" is dropped.
 */
export function words(text: string): string[] {
  // "3,000m" is "3000m", as readers type it: a separator goes wherever three digits end the group.
  const folded = foldText(theCountry(text)).replace(/(?<=\d),(?=\d{3}(?!\d))/g, '');
  const out: string[] = [];
  for (const match of folded.matchAll(/[a-z0-9]+(?:'[a-z]+)?(?:\.\d+)?/g)) {
    let word = match[0];
    if (word.endsWith("'s")) word = word.slice(0, -2);
    else if (word.includes("'")) word = word.replace(/'/g, '');
    if (word) out.push(word);
  }
  return out;
}

/**
 * "US", "U.S.", "United States" and, as readers type it, "the us" are the country, the word "usa": folded to
 * "us" they would be the pronoun, a stopword no search reads, so "in the US" would ask
 * nothing and "America" ("usa" is among its WordNet synonyms) would never find the articles
 * that say "US". Only the capitals, or "the" before, tell the country from the pronoun.
 */
const UNITED_STATES_WRITTEN = /\bU\.S\.(?:A\.)?(?![A-Za-z])|\bUSA?\b|\bUnited States\b/g;
const UNITED_STATES_TYPED = /(?<=\bthe\s+)us\b|\bunited states\b/gi;

function theCountry(text: string): string {
  return text.replace(UNITED_STATES_WRITTEN, 'USA').replace(UNITED_STATES_TYPED, 'usa');
}

/** A word of words() as a reply shows it back to the reader: "usa" is the "US" they wrote. */
export function asWritten(word: string): string {
  return word === 'usa' ? 'US' : word;
}

/** Collapse runs of white space and trim. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
