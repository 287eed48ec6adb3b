import { attributed } from '../knowledge/claims.js';
import type { Candidate } from './candidates.js';
import { matchShare } from './evidence.js';
import { trimAround } from './passage.js';
import type { ParsedQuestion } from './question.js';
import type { QuestionTerms } from './question-terms.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';

/** An opposite word ("temporary" for "permanent") answers no when the passage holds this share of the question's other words. */
const OPPOSED_COVERAGE = 0.3;
/**
 * A yes allows one of the question's words to be missing from the passage (a paraphrase the
 * lexicon doesn't know), when it has at least this many besides its names: in "was the
 * letter fake" the missing word is the whole question.
 */
const MIN_WORDS_TO_MISS_ONE = 3;
/** Words that deny or doubt what follows: "not", "yet to", "unlikely". */
const NEGATION = /\b(?:not|no|never|n't|nor|neither|none|denied|denies|refused|refuses|rejected|rejects|failed|fails|without|yet to|no longer|unlikely|doubtful)\b/i;
/**
 * A negation denies what stands near it: "…in Manchester and not Blackpool" denies
 * Blackpool, but the "not" of "…revealed that police would not…" says nothing about
 * "Home Office Minister Hazel Blears" at the sentence's start.
 */
const NEGATION_REACH = 4;

export type Verdict = 'yes' | 'no' | 'unknown';

/** A verdict and how it was reached, as the scorer weighs it. */
export interface YesNoReading {
  verdict: Verdict;
  /** A yes that holds all but one of the question's words: the missing one may be what makes it a no. */
  missesOne: boolean;
}

/**
 * Yes when the passage holds the question's words (other than names; a related word will
 * do; of three or more, one may be missing) with the same polarity; no when it holds them
 * negated ("unlikely" and "yet to" count), or holds the opposite of one of its words
 * ("temporary" for "is it permanent?"); otherwise the article doesn't say, and the reader
 * gets the passage. The names are checked already: every candidate's article holds them.
 */
export function readYesNo(question: ParsedQuestion, candidate: Pick<Candidate, 'evidence' | 'facts'>, terms: QuestionTerms): YesNoReading {
  const { evidence, facts } = candidate;
  const sentence = new Set(facts.terms);
  const opposed = [...terms.antonyms].some(([term, opposites]) => !sentence.has(term) && opposites.some((opposite) => sentence.has(opposite)));
  if (opposed && evidence.contentCoverage >= OPPOSED_COVERAGE) return { verdict: 'no', missesOne: false };
  const missing = [...terms.weights.keys()].filter((term) => !terms.names.has(term) && matchShare(sentence, term, terms) === 0);
  const contentWords = [...terms.weights.keys()].filter((term) => !terms.names.has(term)).length;
  if (missing.length > (contentWords >= MIN_WORDS_TO_MISS_ONE ? 1 : 0)) return { verdict: 'unknown', missesOne: false };
  const negatedPassage = negatesQuestionWords(facts.text, terms);
  const negatedQuestion = NEGATION.test(question.folded);
  return { verdict: negatedPassage === negatedQuestion ? 'yes' : 'no', missesOne: missing.length === 1 };
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

/** A negation within NEGATION_REACH words before one of the question's words (or a related word). */
function negatesQuestionWords(text: string, terms: QuestionTerms): boolean {
  const tokens = text.toLowerCase().split(/[^\p{L}\p{N}'’]+/u).filter(Boolean);
  const phrase = tokens.join(' ');
  // Two-word negations ("yet to", "no longer") sit on their first word.
  const twoWord = [...phrase.matchAll(/\b(?:yet to|no longer)\b/g)].map((match) => phrase.slice(0, match.index).split(' ').length - 1);
  const negations = [...tokens.flatMap((token, i) => (NEGATION.test(token) || /n['’]t$/.test(token) ? [i] : [])), ...twoWord];
  if (negations.length === 0) return false;
  const asked = tokens.flatMap((token, i) => (terms.anchorStems.has(stem(words(token)[0] ?? '')) ? [i] : []));
  return negations.some((at) => asked.some((word) => word > at && word - at <= NEGATION_REACH));
}
