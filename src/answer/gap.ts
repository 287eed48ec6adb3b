import type { Lexicon } from '../lexicon/lexicon.js';
import { baseForms } from '../lexicon/morphology.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../knowledge/dates.js';
import { STOPWORDS } from '../text/stopwords.js';
import type { ParsedQuestion } from './question.js';

/**
 * A "what" question's gap, as the words it ends with: "what did Merle Kilgore die of" asks
 * for what follows "die of"; "which label is Jay-Z in charge of" for what follows "charge
 * of"; "what did the Incredibles win" for what follows "win". A who, when, where or how-many
 * question has a kind of answer to look for; a "what" question has only its gap, and a
 * sentence fills it when it says the question back as a statement (slot.ts).
 */
export interface Gap {
  /** The word before the gap (the verb, or the noun of "in charge of"), as the question writes it. */
  head: string;
  /** The preposition the question ends with, when it does ("of", "for"): it must follow the head. */
  particle?: string;
}

/** Prepositions and particles a question can end with, its gap right after them. */
export const PARTICLES: ReadonlySet<string> = new Set(['of', 'for', 'in', 'to', 'with', 'about', 'from', 'on', 'at', 'off', 'up', 'into', 'by', 'over', 'against', 'as', 'like', 'under', 'out', 'through', 'after', 'behind', 'towards', 'toward', 'onto', 'down']);

/** Words a question may end with after its gap that say nothing of the gap ("which club does he play for now"). */
const TRAILING_ADVERBS = new Set(['now', 'then', 'currently', 'exactly', 'again', 'actually', 'originally', 'first', 'initially', 'today', 'nowadays']);

export const REFLEXIVE = /^(?:it|him|her|them|my|your|our)sel(?:f|ves)$/;

const WHAT_OPENING = String.raw`^(?:(?:and|so|ok|then) )?(?:what|which)\b`;
const ASKS_WHAT = new RegExp(WHAT_OPENING);
/**
 * A "what" question whose subject comes before its verb after do-support or a modal: "what
 * did he buy", "which part did she win". After "is/was" the last word may be a participle
 * whose gap is its subject ("what was found"): those count only when a preposition ends them.
 */
const DO_SUPPORT = new RegExp(String.raw`${WHAT_OPENING}(?: [a-z0-9'-]+){0,4}? (?:did|does|do|will|would|can|could|should|might|must)\b`);
/** A word before the last that makes it a noun, not a verb ("out of the deal", "under the new plans"). */
const BEFORE_A_NOUN = /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|new|old|next|last|first)$/;

/** Verbs too light to say what the gap is ("what did he do", "what does it have"). */
const LIGHT_VERBS = new Set(['do', 'have', 'be', 'get', 'make', 'take', 'go', 'come', 'give', 'put', 'happen', 'mean', 'say', 'think', 'know', 'want', 'need', 'look', 'seem', 'use']);

/**
 * The question with its gap, when it is a "what" question that ends in one, or a "who"
 * question that ends in a preposition ("who did Nicole Kidman get a restraining order
 * against": the name "against" leads to). A "who" question's other gaps are its verb's doer
 * or object, which extract.ts reads; one ending in "to" asks for a recipient (question.ts).
 */
export function withGap(question: ParsedQuestion, lexicon: Lexicon): ParsedQuestion {
  if (question.type === 'who') {
    // "to" asks for a recipient (question.ts) and "by" for a passive's doer (extract.ts): each read already.
    const particle = wordsBeforeAnyTime(question.folded).at(-1);
    return particle && !['to', 'by'].includes(particle) && PARTICLES.has(particle) && !question.wantsRecipient ? { ...question, nameAfter: particle } : question;
  }
  if (question.type !== 'what') return question;
  const gap = gapOf(question.folded, lexicon);
  return gap ? { ...question, gap } : question;
}

/** A time said after the gap ("what was he put in charge of in 1985", "…last year"): the gap is before it. */
const TRAILING_TIME = new RegExp(`(?: (?:in|on|during) (?:the )?(?:\\d{4}|${MONTH_NAMES}|${WEEKDAY_NAMES})| (?:last|this|next) (?:year|week|month|season|summer|winter|spring|autumn)| yesterday)+$`, 'i');

/** The question's words up to a time or an adverb said after its gap ("…play for now", "…in 1985"). */
function wordsBeforeAnyTime(folded: string): string[] {
  const tokens = folded.replace(/[?!. ]+$/, '').replace(TRAILING_TIME, '').split(/[^a-z0-9'-]+/).filter(Boolean);
  while (tokens.length > 3 && TRAILING_ADVERBS.has(tokens.at(-1)!)) tokens.pop();
  return tokens;
}

function gapOf(folded: string, lexicon: Lexicon): Gap | undefined {
  if (!ASKS_WHAT.test(folded)) return undefined;
  const tokens = wordsBeforeAnyTime(folded);
  // "what did the group call itself": the gap is after the verb and its reflexive.
  if (tokens.length > 3 && REFLEXIVE.test(tokens.at(-1)!)) tokens.pop();
  const [before, last] = [tokens.at(-2), tokens.at(-1)];
  if (last === undefined || before === undefined || tokens.length < 3) return undefined;
  if (PARTICLES.has(last)) {
    // "what is it about", "what are they in": no word of the question's own before the gap.
    return STOPWORDS.has(before) || isLight(before) ? undefined : { head: before, particle: last };
  }
  if (!DO_SUPPORT.test(folded) || !lexicon.isVerb(last) || isLight(last) || BEFORE_A_NOUN.test(before) || PARTICLES.has(before)) return undefined;
  return { head: last };
}

/** A light verb in any of its forms: "going", "went", "made". */
function isLight(word: string): boolean {
  return baseForms(word).some((base) => LIGHT_VERBS.has(base));
}
