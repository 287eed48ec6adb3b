// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.54,
  ranker: [0, 2.003, -0.338, 0.738, 1.069, 0.151, 1.965, -0.501, 1.011, 2.048, -2.048, 0.312, 1.25, 0, 1.042, -1.207, -0.496, 0, 0, 0, 0, 0, 0, 0, 0.608, 1.22, 0.303],
  calibrator: [-6.768, 0.604, 1.309, 1.638, 0.526, -1.4, 2.168, -0.412, 1.75, 1.361, -1.885, -0.983, 0.213, -1.072, 0.266, -1.725, 1.097, -0.447, 0.501, -0.652, 0.075, 1.085, 0.086, 0.248, -0.437, -0.122, -0.142, 0.027, 1.852],
};
