// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.65,
  ranker: [0, 1.144, 0.024, 1.404, 0.435, -0.089, 2.276, -0.481, 0.388, 2.434, -2.434, -0.312, 1.183, 0, 1.194, -0.77, -0.209, 0, 0, 0, 0, 0, 0, 0, 1.073, 0.722, 0.322, -0.604, 0.997, 0],
  calibrator: [-6.064, 0.277, 1.178, 2.387, 0.583, -0.714, 2.558, -0.764, 0.143, 1.409, -2.479, -1.736, 0.573, -1.008, 0.621, -0.573, 0.131, -0.577, 0.411, -0.99, 0.087, 0.557, -0.088, 0.006, -0.033, -0.089, -0.572, -0.205, 0.485, -0.562, 0.067, 1.758],
};
