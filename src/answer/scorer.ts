import { EVIDENCE_NAMES, type Evidence } from './evidence.js';
import { SCORER_WEIGHTS } from './scorer-weights.js';

/**
 * Below this confidence the bot says it couldn't find the answer. Chosen by `npm run fit`
 * on the training sets, where a wrong answer costs three refusals.
 */
export const ANSWER_THRESHOLD = SCORER_WEIGHTS.threshold;

/** The evidence as a model's input vector, in EVIDENCE_NAMES order. */
export function featureVector(evidence: Evidence): number[] {
  return EVIDENCE_NAMES.map((name) => evidence[name]);
}

/** Rank scores of a question's candidates around the best one. */
export interface Standing {
  best: number;
  /** The next candidate's, if any. */
  runnerUp?: number;
  /** The best candidate's from another article, if any: two articles close together make the choice unsure. */
  otherArticle?: number;
}

/**
 * Rank scores are sums of many weighted pieces of evidence, often 5 to 10: through a plain
 * sigmoid the best and the runner-up both read 1.00, and the lead between them vanished. The
 * calibrator reads them on this scale instead (cross-validated: AUC 0.742 -> 0.758).
 */
const RANK_SCALE = 2;
/** A lead when there is no rival at all: as clear as one of three scale units. */
const NO_RIVAL_LEAD = 3 * RANK_SCALE;

/** What the calibrator reads of the best candidate: its evidence, its rank score, and its leads. */
export function calibrationVector(bestEvidence: readonly number[], standing: Standing): number[] {
  const lead = (other: number | undefined): number => Math.tanh((other === undefined ? NO_RIVAL_LEAD : standing.best - other) / RANK_SCALE);
  return [...bestEvidence, sigmoid(standing.best / RANK_SCALE), lead(standing.runnerUp), lead(standing.otherArticle)];
}

export const CALIBRATION_NAMES = [...EVIDENCE_NAMES, 'rankScore', 'lead', 'articleLead'] as const;

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
