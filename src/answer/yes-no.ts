import { attributed } from '../knowledge/claims.js';
import type { Candidate } from './candidates.js';
import { trimAround } from './passage.js';
import type { ParsedQuestion } from './question.js';
import type { QuestionTerms } from './question-terms.js';

/** The passage must hold this share of the question (related words count half) for a yes or a no. */
const VERDICT_COVERAGE = 0.6;
const NEGATION = /\b(?:not|no|never|n't|nor|neither|none|denied|denies|refused|refuses|rejected|rejects|failed|fails|without)\b/i;

export type Verdict = 'yes' | 'no' | 'unknown';

/**
 * Yes when the passage holds what the question says (its names and most of its words) with
 * the same polarity, no when it holds it negated, otherwise the article doesn't say.
 */
export function verdictOf(question: ParsedQuestion, candidate: Candidate): Verdict {
  const { evidence, facts } = candidate;
  if (evidence.namesNearby < 1 || evidence.coverage < VERDICT_COVERAGE) return 'unknown';
  const negatedPassage = NEGATION.test(facts.text.replace(/'/g, "'"));
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
