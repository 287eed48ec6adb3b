import { ROLE_WORDS } from '../knowledge/gazetteer.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';
import type { QuestionTerms } from './question-terms.js';

/**
 * How a role an article gives someone is matched against the role a question asks about:
 * by the who-is-the-<role> read-off (who-is.ts), the role yes/no (role-verdict.ts) and a who
 * answer's fit (extract.ts).
 */

/** Words that make a role another one: the deputy chief executive is not the chief executive, the late or outgoing one no longer it. */
export const ROLE_QUALIFIERS = new Set(['deputy', 'vice', 'former', 'ex', 'acting', 'assistant', 'interim', 'shadow', 'outgoing', 'late']);

/** The stems the question's lexicon relates to a word of it ("chief" for "boss"). */
export type RelatedStems = (word: string) => readonly string[];

/** The related stems a question's terms hold for each of its words. */
export function relatedStemsOf(terms: QuestionTerms): RelatedStems {
  return (word) => terms.alternatives.get(stem(word)) ?? [];
}

/**
 * Whether a role holds each of the asked words, or a word related to it that is not asked
 * itself: "boss" is held by "Fiat chief executive", but the "executive" of "chief executive"
 * is not held by the "chief" of "chief operating officer".
 */
export function roleHolds(role: string, asked: readonly string[], related: RelatedStems): (word: string) => boolean {
  const roleStems = new Set(words(role).map(stem));
  const askedStems = new Set(asked.map(stem));
  return (word) => roleStems.has(stem(word)) || related(word).some((other) => roleStems.has(other) && !askedStems.has(other));
}

/** Qualifiers that make another post of a role: an assistant manager is not the manager, nor the manager an assistant manager. */
const OTHER_POST = new Set(['deputy', 'vice', 'assistant', 'shadow']);

/** Whether the question asks for a post of another rank than the role holds ("assistant manager" of a "manager"). */
export function lacksAskedQualifier(role: string, asked: readonly string[]): boolean {
  const held = new Set(words(role));
  return asked.some((word) => OTHER_POST.has(word) && !held.has(word));
}

/** Whether a role adds a qualifier the question doesn't ask ("deputy chief executive" for "chief executive"). */
export function qualifiedBeyond(role: string, asked: readonly string[]): boolean {
  return words(role).some((word) => ROLE_QUALIFIERS.has(word) && !asked.includes(word));
}

/**
 * Whether a role reads as a title ("Chelsea manager", "United's chief executive", "the
 * Secretary General of the Amnesty International"): each word a role word, a capitalised
 * name, a little word, or one the question asks. "tipped as the next Scotland manager",
 * "recently sacked as Scotland manager" and "Scotland manager from 1993 to 2001" say
 * something else about the post than that they hold it.
 */
export function readsAsTitle(role: string, asked: readonly string[]): boolean {
  const tokens = role.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  return tokens.every((token) => {
    const word = token.toLowerCase();
    return /^\p{Lu}/u.test(token) || STOPWORDS.has(word) || ROLE_WORDS.has(word) || ROLE_WORDS.has(word.split('-').at(-1)!) || asked.includes(word) || asked.some((each) => stem(each) === stem(word));
  });
}
