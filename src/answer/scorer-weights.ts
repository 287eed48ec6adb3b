// Written by `npm run fit` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrator: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: 0.62,
  ranker: [0, 1.634, -0.147, 0.501, 0.482, 0.088, 2.017, -0.407, 0.31, 2.224, -2.224, -0.051, 1.307, 0, 1.617, -1.22, -0.673, 0, 0, 0, 0, 0, 0, 0, 0.671, 1.081, 0.195, -0.796, 1.236, 0.831],
  calibrator: [-6.473, 0.175, 1.393, 1.856, 0.673, -1.237, 3.24, -0.628, 0.904, 1.262, -2.526, -1.38, 0.386, -1.516, 0.725, -0.566, 0.367, -0.721, 0.635, -1.447, 0.269, 0.403, -0.203, -0.208, -0.448, 0.202, -0.461, -0.114, 0.78, -0.109, 0.069, 1.725],
};
