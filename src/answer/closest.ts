import type { Closest } from './answer.js';
import type { Candidate } from './candidates.js';
import { matchShare } from './evidence.js';
import type { QuestionTerms } from './question-terms.js';

/**
 * Below the answer threshold, a candidate this likely is still shown as the closest passage,
 * with no claim that it answers. On the blind BBC sets 52-64% of the passages shown hold
 * the answer (`npm run eval`: "refused with the closest passage shown").
 */
const CLOSEST_CONFIDENCE = 0.3;
/** …if its sentence holds this share of what the question asks besides names: "who won the league" gets no passage about a letter… */
const CLOSEST_COVERAGE = 0.3;
/** …and at least this many of the question's words (all of them, if it has fewer): one shared "end" does not make a passage about the end of the world. */
const CLOSEST_WORDS = 2;

/** The passage of a candidate too unsure to answer from, if it is worth showing at all. */
export function closestOf(candidate: Candidate, confidence: number, answer: { support?: string; short: string; article: Closest['article'] | null; publisher?: string }, terms: QuestionTerms): Closest | undefined {
  if (confidence < CLOSEST_CONFIDENCE || candidate.evidence.contentCoverage < CLOSEST_COVERAGE || !answer.article) return undefined;
  // An answer read off the next sentence ("…including four number ones") was found by the one that matched ("…Busted would reconvene"): both hold the question's words.
  const sentence = new Set([...candidate.facts.terms, ...candidate.hit.sentence.facts.terms]);
  const held = [...terms.weights.keys()].filter((term) => matchShare(sentence, term, terms) > 0).length;
  if (held < Math.min(CLOSEST_WORDS, terms.weights.size)) return undefined;
  return { passage: answer.support ?? answer.short, article: answer.article, ...(answer.publisher ? { publisher: answer.publisher } : {}) };
}
