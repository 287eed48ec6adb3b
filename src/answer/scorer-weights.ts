// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.56,
  ranker: [-5.552, 0.682, 0.38, 0.939, 1.154, 0.712, -0.575, 0, 1.357, -2.294, 0.179, 1.391, -0.202, 0.679, -0.899, 0.667, -0.961, -0.056, -0.133, 0.213, 0.181, -0.94, 0.496],
  calibrator: [-4.742, 0.823, 1.978, 1.103, 1.443, -1.376, -0.46, 0, 0.872, -1.736, -1.007, -0.487, -0.474, 0.526, -1.257, 0.905, -0.272, -0.031, -0.664, 0.103, 1.163, -1.38, -0.407, 1.396, 1.354],
};
