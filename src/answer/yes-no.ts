import { attributed } from '../knowledge/claims.js';
import type { Candidate } from './candidates.js';
import { trimAround } from './passage.js';
import type { ParsedQuestion } from './question.js';
import type { QuestionTerms } from './question-terms.js';

/** The passage must hold this share of the question's words other than names for a yes. */
const VERDICT_COVERAGE = 0.6;
const NEGATION = /\b(?:not|no|never|n't|nor|neither|none|denied|denies|refused|refuses|rejected|rejects|failed|fails|without|yet to|no longer|unlikely|doubtful)\b/i;

export type Verdict = 'yes' | 'no' | 'unknown';

/**
 * Yes when the passage holds what the question says with the same polarity; no when it
 * holds it negated, or holds the opposite of one of its words ("temporary" for "is it
 * permanent?"); otherwise the article doesn't say. The names are checked already: every
 * candidate's article holds them.
 */
export function verdictOf(question: ParsedQuestion, candidate: Candidate, terms: QuestionTerms): Verdict {
  const { evidence, facts } = candidate;
  const sentence = new Set(facts.terms);
  const opposed = [...terms.antonyms].some(([term, opposites]) => !sentence.has(term) && opposites.some((opposite) => sentence.has(opposite)));
  if (opposed && evidence.contentCoverage >= VERDICT_COVERAGE / 2) return 'no';
  if (evidence.contentCoverage < VERDICT_COVERAGE) return 'unknown';
  const negatedPassage = NEGATION.test(facts.text);
  const negatedQuestion = NEGATION.test(question.folded);
  return negatedPassage === negatedQuestion ? 'yes' : 'no';
}

/** "Yes.", "No.", or an attributed "The letter says so: …" for a contested claim. */
export function yesNoShort(verdict: Verdict, candidate: Candidate, terms: QuestionTerms): string {
  const claim = candidate.facts.claim;
  if (claim && verdict !== 'unknown') {
    const says = verdict === 'yes' ? 'says so' : 'says otherwise';
    return `The article doesn't state that as fact; ${claim.source} ${says}. ${attributed(claim, trimAround(claim.content, terms.stems, 200))}`;
  }
  if (verdict === 'yes') return 'Yes.';
  if (verdict === 'no') return 'No.';
  return "The article doesn't say. The closest it comes:";
}
