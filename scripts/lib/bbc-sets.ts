/**
 * The labelled BBC sets written article by article by helpers blind to the engine, in one
 * list for the eval, the archive check and the fit. The fit learns from the dev sets (and
 * deals their articles to folds in this order); the held-out sets are only scored, to report.
 */
export interface BbcSet {
  name: string;
  file: string;
  /** Turns of chats, run through the conversation layer; otherwise one-off questions. */
  dialogues: boolean;
}

const questions = (name: string, file: string): BbcSet => ({ name, file, dialogues: false });
const dialogues = (name: string, file: string): BbcSet => ({ name, file, dialogues: true });

/** Dev sets 3-10 each have questions and dialogues; dev 1's dialogues follow dev 2, as they were written. */
const NUMBERED_DEV_SETS = [3, 4, 5, 6, 7, 8, 9, 10];
const HELD_OUT_NUMBERS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

export const DEV_SETS: readonly BbcSet[] = [
  questions('bbc dev', 'eval/bbc-dev.jsonl'),
  questions('bbc dev 2', 'eval/bbc-dev2.jsonl'),
  dialogues('bbc dev dialogues', 'eval/bbc-dev-dialogues.jsonl'),
  ...NUMBERED_DEV_SETS.flatMap((n) => [questions(`bbc dev ${n}`, `eval/bbc-dev${n}.jsonl`), dialogues(`bbc dev ${n} dialogues`, `eval/bbc-dev${n}-dialogues.jsonl`)]),
];

export const HELD_OUT_SETS: readonly BbcSet[] = HELD_OUT_NUMBERS.flatMap((n) => [
  questions(`bbc held-out ${n}`, `eval/heldout/bbc-heldout${n}.jsonl`),
  dialogues(`bbc held-out ${n} dialogues`, `eval/heldout/bbc-heldout${n}-dialogues.jsonl`),
]);
