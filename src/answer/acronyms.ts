import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import type { Answer } from './answer.js';
import { articleAnswer } from './article-answers.js';
import type { ParsedQuestion } from './question.js';
import type { QuestionTerms } from './question-terms.js';

/**
 * "what does TPS stand for?": the long form an article gives a short one, as news prose
 * writes it, "the Telephone Preference Service (TPS)" or "Balco (The Bay Area Laboratory
 * Cooperative)". The long form is found as Schwartz and Hearst's algorithm finds it ("A
 * simple algorithm for identifying abbreviation definitions in biomedical text", 2003): the
 * short form's letters in order, from the end, within the words beside the parenthesis, the
 * first letter opening a word.
 */

/** "what does tps stand for", "what is cop29 short for", "what is hsdpa an acronym for". */
export const STANDS_FOR = /^(?:what|wat|wht)\s+(?:does|do|did|is|was|s)\s+(?:the\s+)?(?:acronym\s+|abbreviation\s+|initials\s+|letters\s+)?([a-z][a-z0-9&-]{1,9})\s+(?:stand(?:s)? for|short for|an acronym for|an abbreviation for)\b/;
/** The words of the question that ask for a long form rather than name what it is about. */
export const STANDS_FOR_WORDS = /\b(?:stands?|short|acronym|abbreviation|initials|letters)\b/g;
/** A long form holds at most this many words more than its short form has letters (Schwartz and Hearst: min(|A| + 5, 2|A|)). */
const EXTRA_WORDS = 5;

/** The short form a question asks to spell out, lower-case; undefined when it asks no such thing. */
export function shortFormAsked(folded: string): string | undefined {
  return STANDS_FOR.exec(folded)?.[1];
}

/** The long form a sentence gives the short form `asked` (lower-case), in either order around a parenthesis. */
export function longFormIn(text: string, asked: string): string | undefined {
  for (const match of text.matchAll(/\(([^()]{2,120})\)/g)) {
    const inside = match[1]!.trim();
    const open = match.index;
    // "the Telephone Preference Service (TPS)": the long form before the parenthesis.
    if (inside.toLowerCase() === asked) {
      const before = text.slice(0, open).trim().split(/\s+/);
      const window = before.slice(-Math.min(asked.length + EXTRA_WORDS, 2 * asked.length)).join(' ');
      const found = bestLongForm(asked, window);
      if (found) return found;
    }
    // "Balco (The Bay Area Laboratory Cooperative)": the long form inside it.
    const shortBefore = /([\p{L}\p{N}&-]+)\s*$/u.exec(text.slice(0, open))?.[1];
    if (shortBefore?.toLowerCase() === asked) {
      const found = bestLongForm(asked, inside);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The shortest ending of `candidate` whose letters hold the short form's in order, the
 * short form's first letter opening a word: "Telephone Preference Service" of "on the
 * Telephone Preference Service" for "tps".
 */
function bestLongForm(short: string, candidate: string): string | undefined {
  const lower = candidate.toLowerCase();
  let s = short.length - 1;
  let l = lower.length - 1;
  for (; s >= 0; s--) {
    const letter = short[s]!;
    // A number in a short form is often a count outside the long form: "COP29", "G8".
    if (!/[a-z]/.test(letter)) continue;
    // The first letter must open a word; the others may stand anywhere.
    while (l >= 0 && (lower[l] !== letter || (s === 0 && l > 0 && /[a-z0-9]/.test(lower[l - 1]!)))) l--;
    if (l < 0) return undefined;
    l--;
  }
  const start = l + 1;
  const longForm = candidate.slice(start).replace(/^[\s"“'‘]+|[\s,;:"”'’]+$/g, '');
  return longForm.split(/\s+/).length > 1 ? longForm : undefined;
}

/**
 * "what does TPS stand for?" read off the text: the long form the best-matching article
 * gives it, with the sentence that does. A definition the article writes out is a fact it
 * states, as a role is (who-is.ts), so the answer is certain; an article that only uses the
 * short form leaves the question to the passages.
 */
export function longFormAnswer(question: ParsedQuestion, terms: QuestionTerms, articles: () => ArticleKnowledge[]): Answer | undefined {
  const asked = shortFormAsked(question.folded);
  if (asked === undefined) return undefined;
  for (const article of articles()) {
    for (const sentence of article.sentences) {
      const longForm = longFormIn(sentence.text, asked);
      if (longForm) return { ...articleAnswer('what', article, longForm, terms), support: sentence.text };
    }
  }
  return undefined;
}
