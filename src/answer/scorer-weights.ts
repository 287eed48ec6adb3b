// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.63,
  ranker: [0, 1.136, 0.053, 1.367, 0.412, -0.094, 2.28, -0.486, 0.398, 2.433, -2.433, -0.33, 1.169, 0, 1.171, -0.749, -0.213, 0, 0, 0, 0, 0, 0, 0, 1.074, 0.713, 0.32, -0.618, 1.001, 0],
  calibrator: [-6.434, 0.47, 1.017, 2.564, 0.585, -0.726, 2.501, -0.786, 0.319, 1.519, -2.776, -1.732, 0.453, -1.139, 0.593, -0.587, 0.321, -0.711, 0.435, -1.138, 0.157, 0.575, -0.096, 0.155, 0.002, -0.045, -0.477, -0.129, 0.509, -0.602, 0.092, 1.894],
};
