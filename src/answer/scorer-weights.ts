// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.64,
  ranker: [0, 1.136, 0.053, 1.367, 0.412, -0.094, 2.28, -0.486, 0.398, 2.433, -2.433, -0.33, 1.169, 0, 1.171, -0.749, -0.213, 0, 0, 0, 0, 0, 0, 0, 1.074, 0.713, 0.32, -0.618, 1.001, 0],
  calibrator: [-6.412, 0.485, 0.973, 2.54, 0.589, -0.701, 2.498, -0.757, 0.322, 1.525, -2.776, -1.69, 0.395, -1.158, 0.401, -0.595, 0.317, -0.704, 0.414, -1.123, 0.163, 0.605, -0.085, 0.171, 0.019, -0.032, -0.464, -0.141, 0.479, -0.632, 0.094, 1.861, 0.247],
};
