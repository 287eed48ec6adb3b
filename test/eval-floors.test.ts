import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSuite, type SetResult } from '../scripts/lib/eval-suite.js';
import { BBC_DIR, tally } from '../scripts/lib/question-sets.js';

/**
 * The eval on the repo's sets, with floors set just below the figures of the session that
 * set them (README, "Answer quality"), by two answers or two points, whichever is more:
 * right may not fall, wrong may not rise, past these. The issue's limit for held-out reader
 * questions on BBC articles is 8% wrong; the sets a fresh scoring found past it (held-out 11
 * dialogues, held-out 12), and held-out 8, which session 20's changes took from 14 wrong
 * answers of 175 to 15 (8.6%), have their floors at their own figures, so that they can't
 * get worse unnoticed, and the README reports them. The held-out sets are scored here too, as a
 * floor only: they are never tuned on.
 */
const FLOORS: Record<string, { minRight: number; maxWrong: number }> = {
  'seed questions': { minRight: 0.93, maxWrong: 0.03 },
  'seed dialogues': { minRight: 0.68, maxWrong: 0.09 },
  'off-topic, of the seed': { minRight: 0.95, maxWrong: 0.05 },
  'seed held-out': { minRight: 0.56, maxWrong: 0.12 },
  'off-topic held-out, of the seed': { minRight: 0.96, maxWrong: 0.04 },
  'bbc reader set': { minRight: 0.55, maxWrong: 0.04 },
  'bbc dev': { minRight: 0.45, maxWrong: 0.04 },
  'bbc dev 2': { minRight: 0.41, maxWrong: 0.06 },
  'bbc dev dialogues': { minRight: 0.32, maxWrong: 0.08 },
  'bbc dev 3': { minRight: 0.41, maxWrong: 0.09 },
  'bbc dev 3 dialogues': { minRight: 0.3, maxWrong: 0.1 },
  'bbc dev 4': { minRight: 0.38, maxWrong: 0.08 },
  'bbc dev 4 dialogues': { minRight: 0.16, maxWrong: 0.06 },
  'bbc dev 5': { minRight: 0.36, maxWrong: 0.09 },
  'bbc dev 5 dialogues': { minRight: 0.2, maxWrong: 0.12 },
  'bbc dev 6': { minRight: 0.35, maxWrong: 0.08 },
  'bbc dev 6 dialogues': { minRight: 0.16, maxWrong: 0.1 },
  'bbc dev 7': { minRight: 0.38, maxWrong: 0.09 },
  'bbc dev 7 dialogues': { minRight: 0.16, maxWrong: 0.08 },
  'bbc dev 8': { minRight: 0.36, maxWrong: 0.06 },
  'bbc dev 8 dialogues': { minRight: 0.32, maxWrong: 0.1 },
  'bbc dev 9': { minRight: 0.38, maxWrong: 0.09 },
  'bbc dev 9 dialogues': { minRight: 0.2, maxWrong: 0.1 },
  'bbc dev 10': { minRight: 0.37, maxWrong: 0.09 },
  'bbc dev 10 dialogues': { minRight: 0.24, maxWrong: 0.08 },
  'bbc held-out 2': { minRight: 0.43, maxWrong: 0.06 },
  'bbc held-out 2 dialogues': { minRight: 0.31, maxWrong: 0.09 },
  'bbc held-out 3': { minRight: 0.34, maxWrong: 0.06 },
  'bbc held-out 3 dialogues': { minRight: 0.36, maxWrong: 0.12 },
  'bbc held-out 4': { minRight: 0.36, maxWrong: 0.06 },
  'bbc held-out 4 dialogues': { minRight: 0.3, maxWrong: 0.12 },
  'bbc held-out 5': { minRight: 0.35, maxWrong: 0.07 },
  'bbc held-out 5 dialogues': { minRight: 0.28, maxWrong: 0.12 },
  'bbc held-out 6': { minRight: 0.4, maxWrong: 0.05 },
  'bbc held-out 6 dialogues': { minRight: 0.24, maxWrong: 0.12 },
  'bbc held-out 7': { minRight: 0.37, maxWrong: 0.07 },
  'bbc held-out 7 dialogues': { minRight: 0.18, maxWrong: 0.1 },
  'bbc held-out 8': { minRight: 0.42, maxWrong: 0.09 },
  'bbc held-out 8 dialogues': { minRight: 0.16, maxWrong: 0.08 },
  'bbc held-out 9': { minRight: 0.38, maxWrong: 0.08 },
  'bbc held-out 9 dialogues': { minRight: 0.1, maxWrong: 0.14 },
  'bbc held-out 10': { minRight: 0.35, maxWrong: 0.08 },
  'bbc held-out 10 dialogues': { minRight: 0.28, maxWrong: 0.08 },
  'bbc held-out 11': { minRight: 0.42, maxWrong: 0.08 },
  'bbc held-out 11 dialogues': { minRight: 0.24, maxWrong: 0.18 },
  'bbc held-out 12': { minRight: 0.43, maxWrong: 0.12 },
  'bbc held-out 12 dialogues': { minRight: 0.32, maxWrong: 0.06 },
  'bbc held-out 13': { minRight: 0.37, maxWrong: 0.06 },
  'bbc held-out 13 dialogues': { minRight: 0.12, maxWrong: 0.08 },
  'squad answerable': { minRight: 0.2, maxWrong: 0.04 },
  'squad unanswerable': { minRight: 0.62, maxWrong: 0.38 },
};

function expectAboveFloors(results: SetResult[]): void {
  for (const { name, rows } of results) {
    const t = tally(rows);
    expect(t.right / t.total, `${name}: right`).toBeGreaterThanOrEqual(FLOORS[name]!.minRight);
    expect(t.wrong / t.total, `${name}: wrong`).toBeLessThanOrEqual(FLOORS[name]!.maxWrong);
  }
}

/**
 * Every set with the corpus loaded takes ~95 s on this 2-core machine, ~120 s when it is
 * busy: twice that before a timeout calls it a failure.
 */
const EVAL_TIMEOUT_MS = 240_000;

describe('answer quality on the labelled sets stays above its floors', () => {
  it.skipIf(!existsSync(BBC_DIR))('every set, with the BBC corpus and SQuAD sample (../shared/data) present', async () => {
    const results = await runSuite();
    expect(results.map((r) => r.name)).toEqual(Object.keys(FLOORS));
    expectAboveFloors(results);
  }, EVAL_TIMEOUT_MS);

  it('the seed sets alone, which need nothing outside the repo', async () => {
    const results = (await runSuite({ heldOut: false })).filter((r) => r.name.startsWith('seed'));
    expectAboveFloors(results);
  }, EVAL_TIMEOUT_MS);
});
