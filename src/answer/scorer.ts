import { sameAnswer } from './candidates.js';
import { EVIDENCE_NAMES, type Evidence } from './evidence.js';
import { SCORER_WEIGHTS } from './scorer-weights.js';

/**
 * Below this confidence the bot says it couldn't find the answer. Chosen by `npm run fit`:
 * the lowest at which at most 6% of the cross-validated training questions are answered
 * wrongly (scripts/fit-scorer.ts, MAX_WRONG_SHARE).
 */
export const ANSWER_THRESHOLD = SCORER_WEIGHTS.threshold;

/** The evidence as a model's input vector, in EVIDENCE_NAMES order. */
export function featureVector(evidence: Evidence): number[] {
  return EVIDENCE_NAMES.map((name) => evidence[name]);
}

/** Rank scores of a question's candidates around the best one. */
export interface Standing {
  /** Every candidate's, best first. */
  scores: readonly number[];
  /** The best candidate's from another article that gives another answer, if any: two articles close together make the choice unsure. */
  otherArticle?: number;
  /** Which of them give the best one's short answer (the best itself included); unset: none but the best. */
  sameAnswer?: readonly boolean[];
}

/** A question's candidate as its standing reads it: rank score, article, short answer (answerKey). */
export interface RankedEntry {
  score: number;
  article: string | undefined;
  answer: string | undefined;
}

/**
 * Where the best of a question's candidates (ranked, best first) stands: which of them give
 * its answer, and the best from another article that gives another. The same answer from
 * another article (a story and its update, a wire story run twice) is support, not a rival.
 */
export function standingOf(ranked: readonly RankedEntry[]): Standing {
  const best = ranked[0];
  const same = ranked.map((entry) => best !== undefined && sameAnswer(entry.answer, best.answer));
  const rival = ranked.find((entry, i) => entry.article !== best?.article && !same[i]);
  return { scores: ranked.map((entry) => entry.score), ...(rival ? { otherArticle: rival.score } : {}), sameAnswer: same };
}

const ARTICLE_COVERAGE = EVIDENCE_NAMES.indexOf('articleCoverage');

/**
 * What the calibrator reads of the best candidate: its evidence, its rank score, how far it
 * stands out among the question's candidates, and its lead over another article's.
 */
export function calibrationVector(bestEvidence: readonly number[], standing: Standing): number[] {
  const best = standing.scores[0] ?? 0;
  const lead = (other: number | undefined): number => sigmoid(best) - (other === undefined ? 0 : sigmoid(other));
  return [...bestEvidence, sigmoid(best), dominance(standing) * bestEvidence[ARTICLE_COVERAGE]!, lead(standing.otherArticle)];
}

/**
 * The ranker's own probability that the best candidate is the one, a softmax over the rank
 * scores: 1 when nothing comes close, 1/n when n candidates tie. The calibrator reads it
 * times the share of the question its article holds: one passage standing out in an article
 * that lacks half the question (a one-article archive asked about football) means nothing.
 * Cross-validated (`npm run fit -- --dry-run`): right at 4-10% wrong 37.1 -> 40.8%, AUC
 * 0.726 -> 0.759, off-topic and SQuAD unanswerable questions answered no more often.
 */
function dominance({ scores, sameAnswer }: Standing): number {
  const best = scores[0];
  if (best === undefined) return 0;
  let all = 0;
  let same = 0;
  scores.forEach((score, i) => {
    const share = Math.exp(score - best);
    all += share;
    if (i === 0 || sameAnswer?.[i]) same += share;
  });
  return same / all;
}

export const CALIBRATION_NAMES = [...EVIDENCE_NAMES, 'rankScore', 'dominance', 'articleLead'] as const;

/**
 * Logistic models, weights learned from labelled questions (`npm run fit`). The ranker
 * orders one question's candidates; a calibrator turns the best one's evidence into the
 * probability that it is right: one for yes/no answers, one for the rest.
 */
export function rankScore(evidence: Evidence): number {
  return linear(SCORER_WEIGHTS.ranker, featureVector(evidence));
}

export function confidenceOf(best: Evidence, standing: Standing): number {
  // A yes or no is a claim about the whole passage, right or wrong for other reasons than a phrase taken from it.
  const calibrator = best.askedYesNo === 1 ? SCORER_WEIGHTS.yesNoCalibrator : SCORER_WEIGHTS.calibrator;
  return sigmoid(linear(calibrator, calibrationVector(featureVector(best), standing)));
}

/** weights[0] is the bias; the rest pair with the vector. */
export function linear(weights: readonly number[], vector: readonly number[]): number {
  return vector.reduce((sum, value, i) => sum + value * (weights[i + 1] ?? 0), weights[0] ?? 0);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
