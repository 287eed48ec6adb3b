// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.54,
  ranker: [0, 2.024, -0.333, 0.738, 1.066, 0.148, 1.959, -0.507, 1.016, 2.049, -2.049, 0.31, 1.223, 0, 1.037, -1.209, -0.496, 0, 0, 0, 0, 0, 0, 0, 0.623, 1.22, 0.307],
  calibrator: [-6.764, 0.708, 1.341, 1.629, 0.38, -1.499, 2.259, -0.412, 1.767, 1.36, -1.913, -1.02, 0.239, -0.933, 0.241, -0.747, 1.141, -0.495, 0.568, -0.678, 0.052, 1.071, -0.128, 0.178, -0.38, -0.074, -0.176, 0.015, 2.128],
};
