import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { normalizeQuestion, QuestionLog } from '../src/questions/question-log.js';
import { openDatabase } from '../src/store/database.js';
import { ManualClock, tempDataDir } from './helpers/push.js';

const DAY = 24 * 60 * 60 * 1000;

describe('the unanswered-question log', () => {
  it('groups the same question however it was typed', () => {
    expect(normalizeQuestion('  Who WON the Match?? ')).toBe('who won the match');
    expect(normalizeQuestion('who won the match')).toBe('who won the match');
    expect(normalizeQuestion('Qué pasó en Bakú?')).toBe('que paso en baku');
    expect(normalizeQuestion('🎉!!')).toBe('');
  });

  it('keeps the text and the time only, 30 days; the top ten of the last 7 days, most asked first', () => {
    const dataDir = tempDataDir();
    const db = openDatabase(dataDir);
    const clock = new ManualClock();
    const log = new QuestionLog(db, () => clock.now());
    log.record('What did the old mayor say?');
    clock.time += 10 * DAY;
    for (const text of ['Who won the match?', 'who won the match', 'WHO WON THE MATCH', 'when is the next election', 'When is the next election?', 'what is the weather']) log.record(text);
    for (let index = 0; index < 12; index++) log.record(`rare question number ${index}`);
    expect(log.top().slice(0, 2)).toEqual([
      { question: 'who won the match', count: 3 },
      { question: 'when is the next election', count: 2 },
    ]);
    expect(log.top()).toHaveLength(10);
    expect(log.top(20)).toContainEqual({ question: 'what is the weather', count: 1 });
    // Ten days old: outside the 7-day view, still kept; gone after 30 days.
    expect(log.top(100, 30).some((row) => row.question === 'what did the old mayor say')).toBe(true);
    clock.time += 21 * DAY;
    expect(log.prune()).toBe(1);
    expect(db.prepare('SELECT * FROM unanswered_questions LIMIT 1').get()).toEqual({ id: expect.any(Number), question: 'who won the match', asked_at: expect.any(Number) });
    db.close();
  });

  it('npm run questions prints them from the database', () => {
    const dataDir = tempDataDir();
    const db = openDatabase(dataDir);
    const log = new QuestionLog(db);
    for (const text of ['who won the match', 'Who won the match?', 'what is the weather']) log.record(text);
    db.close();
    const run = (...args: string[]) => spawnSync('node_modules/.bin/tsx', ['src/cli/questions.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir } });
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Unanswered questions, last 7 days (most asked first):\n2  who won the match\n1  what is the weather\n');
    expect(run('--limit', '1').stdout).toBe('Unanswered questions, last 7 days (most asked first):\n2  who won the match\n');
    expect(run('--days', '99')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^--days must be a whole number from 1 to 30/) });
    const missing = spawnSync('node_modules/.bin/tsx', ['src/cli/questions.ts'], { encoding: 'utf8', env: { ...process.env, DATA_DIR: `${dataDir}/nothing-here` } });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^No database at .*nothing-here\/newsbot\.sqlite: the bot has not run with DATA_DIR=/);
  });
});
