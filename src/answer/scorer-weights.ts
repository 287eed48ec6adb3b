// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.63,
  ranker: [-5.959, 0.803, 0.289, 0.888, 1.144, 0.772, -0.576, 1.032, 0.692, -2.36, 0.338, 1.263, -0.034, 0.341, -0.838, 0.599],
  calibrator: [-6.069, 0.993, 1.769, 1.146, 1.475, -1.046, -0.402, 1.293, 0.804, -1.467, -0.748, -0.898, -0.096, 0.521, -0.605, 0.891, 1.132, 1.375],
};
