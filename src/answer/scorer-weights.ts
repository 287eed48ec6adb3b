// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.67,
  ranker: [0, 1.145, -0.007, 1.593, 0.021, -0.465, 1.998, -0.581, 0.351, 2.443, -2.443, -0.307, 1.105, 0, 1.429, -0.735, -0.197, 0, 0, 0, 0, 0, 0, 0, 0.959, 0.647, 0.27, -0.643, 0.995, 0, 1.257],
  calibrator: [-6.431, 0.275, 0.689, 2.989, 0.544, -1.381, 2.048, -0.928, 0.466, 0.83, 0, -1.338, 0.526, -1.234, 0.468, -0.944, 0.238, -0.185, 0.904, -0.494, 0.606, 0.511, 0.914, 0.127, -0.08, -0.005, -0.398, -0.24, 0.152, -0.173, 1.348, 0.031, 2.064, 0.129],
};
