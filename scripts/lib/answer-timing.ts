/**
 * The archive benchmarks' latency run: the labelled reader questions asked `rounds` times
 * over, each answer timed. bench-archive.ts reports it; profile-archive.ts splits it by part.
 */
import type { Answerer } from '../../src/answer/answerer.js';
import { readCases } from './question-sets.js';

const QUESTION_FILES = ['eval/bbc-questions.jsonl', 'eval/bbc-dev.jsonl'];

/** Every answer's time in ms, fastest first. */
export function timeAnswers(answerer: Answerer, rounds: number): number[] {
  const questions = QUESTION_FILES.flatMap((file) => readCases(file).map((item) => item.question));
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const started = performance.now();
      answerer.answer(question);
      times.push(performance.now() - started);
    }
  }
  return times.sort((a, b) => a - b);
}

/** The time below which `share` of the sorted times fall. */
export function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}
