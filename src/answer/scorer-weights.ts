// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.66,
  ranker: [0, 1.14, -0.013, 1.603, 0.016, -0.49, 2.033, -0.572, 0.355, 2.419, -2.419, -0.316, 1.074, 0, 1.444, -0.739, -0.214, 0, 0, 0, 0, 0, 0, 0, 0.974, 0.639, 0.252, -0.626, 1.005, 0, 1.295],
  calibrator: [-6.574, 0.14, 0.708, 3.087, 0.574, -1.441, 2.044, -0.976, 0.469, 0.77, 0, -1.537, 0.52, -0.858, 0.596, -0.934, 0.324, -0.149, 0.736, -0.469, 0.653, 0.547, 1.017, 0.273, -0.117, 0.059, -0.508, -0.202, 0.215, -0.447, 1.466, 0.031, 2.041, 0.15],
};
