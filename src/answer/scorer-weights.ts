// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.64,
  ranker: [0, 1.226, 0.092, 1.244, 0.342, -0.2, 2.299, -0.414, 0.387, 2.415, -2.415, -0.388, 1.124, 0, 1.468, -0.801, -0.241, 0, 0, 0, 0, 0, 0, 0, 1.051, 0.71, 0.27, -0.638, 0.861, 0.802],
  calibrator: [-5.129, 0.111, 0.941, 2.146, 0.571, -0.859, 2.614, -0.764, 0.101, 1.296, -2.28, -1.699, 0.773, -1.053, 0.394, -0.643, 0.224, -0.503, 0.375, -0.965, 0.109, 0.497, -0.205, -0.205, -0.079, -0.128, -0.619, -0.276, 0.5, -0.268, 0.045, 2.071],
};
