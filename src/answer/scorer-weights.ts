// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.65,
  ranker: [0, 1.158, 0.038, 1.405, 0.437, -0.079, 2.254, -0.487, 0.39, 2.433, -2.433, -0.314, 1.187, 0, 1.202, -0.774, -0.197, 0, 0, 0, 0, 0, 0, 0, 1.066, 0.728, 0.323, -0.61, 0.998, 0.031],
  calibrator: [-6.071, 0.155, 1.116, 2.474, 0.521, -0.682, 2.652, -0.719, 0.058, 1.446, -2.494, -1.596, 0.705, -1.035, 0.552, -0.582, 0.174, -0.543, 0.372, -1.006, 0.129, 0.557, -0.084, 0.014, -0.038, -0.089, -0.549, -0.213, 0.451, -0.129, 0.064, 1.756],
};
