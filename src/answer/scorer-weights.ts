// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.62,
  ranker: [0, 1.634, -0.147, 0.501, 0.482, 0.088, 2.017, -0.407, 0.31, 2.224, -2.224, -0.051, 1.307, 0, 1.617, -1.22, -0.673, 0, 0, 0, 0, 0, 0, 0, 0.671, 1.081, 0.195, -0.796, 1.236, 0.831],
  calibrator: [-6.474, 0.174, 1.393, 1.856, 0.673, -1.233, 3.239, -0.628, 0.904, 1.268, -2.527, -1.381, 0.385, -1.516, 0.725, -0.566, 0.367, -0.719, 0.636, -1.445, 0.27, 0.403, -0.203, -0.206, -0.449, 0.189, -0.459, -0.115, 0.781, -0.108, 0.069, 1.724],
};
