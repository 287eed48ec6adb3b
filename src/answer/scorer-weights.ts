// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.64,
  ranker: [0, 1.186, 0.047, 1.383, 0.414, -0.162, 2.293, -0.464, 0.345, 2.484, -2.484, -0.313, 1.158, 0, 1.186, -0.736, -0.232, 0, 0, 0, 0, 0, 0, 0, 1.115, 0.707, 0.327, -0.644, 0.972, 0],
  calibrator: [-6.042, 0.599, 0.722, 2.568, 0.597, -0.742, 2.315, -0.714, 0.377, 1.457, -2.791, -1.641, 0.286, -1.275, 0.463, -0.653, 0.315, -0.734, 0.372, -1.119, 0.147, 0.74, -0.122, 0.005, 0.089, -0.046, -0.489, -0.099, 0.426, -0.645, 0.08, 1.827, 0.198],
};
