/**
 * The long form an article writes beside a short one in a parenthesis, either way round:
 * "the Telephone Preference Service (TPS)", "Balco (The Bay Area Laboratory Cooperative)".
 * Used to index one form under the other's words (article-knowledge.ts) and to answer "what
 * does TPS stand for?" (answer/acronyms.ts).
 *
 * First by initials: the longest run of words ending at the parenthesis whose capitalised
 * words (each part of a hyphenated one), or all of whose words but the little ones, begin
 * with the short form's letters in order: "Equal Employment Opportunity Commission (EEOC)",
 * "High-Speed Downlink Packet Access (HSDPA)", "initial public offer (IPO)". Else as
 * Schwartz and Hearst's algorithm finds it ("A simple algorithm for identifying abbreviation
 * definitions in biomedical text", 2003): the short form's letters in order, from the end,
 * the first opening a word ("Conference of the Parties (COP29)", "Bay Area Laboratory
 * Cooperative (Balco)"), where the long form must read as a name: capitalised words and the
 * little words between them. Neither crosses a clause's punctuation or a parenthesis
 * ("lawful under the existing (UN) Security Council resolutions" spells out nothing).
 */

/** Little words a name's capitalised words may have between them: "Office of the Deputy Prime Minister". */
const LITTLE = /^(?:of|the|and|for|&|de|du|la|le|in|on|to|at|und|y)$/i;
/** A long form holds at most this many words more than its short form has letters (Schwartz and Hearst: min(|A| + 5, 2|A|)). */
const EXTRA_WORDS = 5;
/** The words before a parenthesis a long form may come from: up to a clause's punctuation. */
const BEFORE_PARENTHESIS = /[^,;:()"“”]*$/;

/** The long form `text` gives the short form `short` (any case), or undefined. */
export function longFormIn(text: string, short: string): string | undefined {
  const letters = short.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2) return undefined;
  for (const match of text.matchAll(/\(([^()]{2,120})\)/g)) {
    const inside = match[1]!.trim();
    const before = text.slice(0, match.index);
    // "the Telephone Preference Service (TPS)": the long form before the parenthesis.
    if (inside.toLowerCase() === short.toLowerCase()) {
      // "Local Loop Unbundling, (LLU)": a comma right before the parenthesis is no clause's end.
      const words = (BEFORE_PARENTHESIS.exec(before.replace(/,\s*$/, ''))?.[0] ?? '').trim().split(/\s+/).filter(Boolean);
      const found = longFormOf(letters, words.slice(-Math.min(letters.length + EXTRA_WORDS, 2 * letters.length)));
      if (found) return found;
    }
    // "Balco (The Bay Area Laboratory Cooperative)": the long form inside it.
    const shortBefore = /([\p{L}\p{N}&-]+)\s*$/u.exec(before)?.[1];
    if (shortBefore?.toLowerCase() === short.toLowerCase() && !/[,;:]/.test(inside)) {
      const found = longFormOf(letters, inside.split(/\s+/));
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The long form among the ending of `words`: by the initials of its capitalised words ("Office
 * of Fair Trading"), or of all its words ("initial public offer (IPO)", "gross domestic
 * product"), the longest first; else by letters, where it must read as a name.
 */
function longFormOf(letters: string, words: string[]): string | undefined {
  // Quotes around the words and a possessive on the last ("New York Stock Exchange's (NYSE)") are not the name's.
  const clean = words.map((word) => word.replace(/^["“'‘]+|["”'’]+$/g, ''));
  if (clean.length > 0) clean[clean.length - 1] = clean.at(-1)!.replace(/['’]s$/, '');
  for (let start = 0; start < clean.length; start++) {
    const candidate = clean.slice(start);
    if (!/^\p{L}/u.test(candidate[0]!) || LITTLE.test(candidate[0]!)) continue;
    // By capitals, the name opens with one ("Telephone Preference Service", not "are on the Telephone…").
    const byCapitals = /^\p{Lu}/u.test(candidate[0]!) && initialsOf(candidate, true) === letters;
    if (byCapitals || initialsOf(candidate, false) === letters) return candidate.join(' ');
  }
  const byLetters = endingWithLetters(letters, clean.join(' '));
  const named = byLetters?.split(' ');
  return named && named.length > 1 && readsAsName(named) ? byLetters : undefined;
}

/**
 * The first letters of the words, each part of a hyphenated word its own: the capitalised
 * ones ("High-Speed Downlink" -> "hsd"), or every word but the little ones ("initial public
 * offer" -> "ipo").
 */
function initialsOf(words: string[], capitalisedOnly: boolean): string {
  const parts = words.flatMap((word) => word.split('-')).filter((part) => (capitalisedOnly ? /^\p{Lu}/u.test(part) : /^\p{L}/u.test(part) && !LITTLE.test(part)));
  return parts.map((part) => part[0]!.toLowerCase()).join('');
}

/** Capitalised words and the little words between them, opening and closing with a capitalised word. */
function readsAsName(words: string[]): boolean {
  const capitalised = (word: string): boolean => /^[\p{Lu}\p{N}]/u.test(word);
  return /^\p{Lu}/u.test(words[0] ?? '') && capitalised(words.at(-1) ?? '') && words.every((word) => capitalised(word) || LITTLE.test(word));
}

/**
 * The shortest ending of `candidate` whose letters hold the short form's in order, the
 * first of them opening a word: "Bay Area Laboratory Cooperative" of "The Bay Area
 * Laboratory Cooperative" for "balco".
 */
function endingWithLetters(letters: string, candidate: string): string | undefined {
  const lower = candidate.toLowerCase();
  let l = lower.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const letter = letters[s]!;
    while (l >= 0 && (lower[l] !== letter || (s === 0 && l > 0 && /[a-z0-9]/.test(lower[l - 1]!)))) l--;
    if (l < 0) return undefined;
    l--;
  }
  return candidate.slice(l + 1).trim();
}
