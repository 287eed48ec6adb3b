// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.61,
  ranker: [0, 1.888, -0.482, 0.716, 0.806, 0.106, 1.571, -0.303, 0.261, 2.242, -2.242, -0.168, 1.562, 0, 1.277, -1.32, -0.548, 0, 0, 0, 0, 0, 0, 0, 0.306, 0.936, 0.208, -0.689, 1.121, 1.402],
  calibrator: [-6.644, 0.322, 1.098, 1.779, 0.774, -1.194, 2.841, -0.897, 1.474, 1.052, -1.839, -1.767, 0.593, -0.681, 1.136, -0.93, 0.702, -0.504, 0.275, -1.041, 0.483, 0.791, -0.822, -0.835, -0.544, 0.324, -0.404, -0.257, 0.586, 0.27, 0.029, 1.823],
};
