import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const tsx = ['node_modules/.bin/tsx', 'src/cli/ask.ts'];

describe('npm run ask', () => {
  it('prints one answer for a question', () => {
    const result = spawnSync(tsx[0]!, [tsx[1]!, 'who wrote the letter'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: 'content' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Sabina Aliyeva, the Commissioner/);
  });

  it.each(['--help', '-h'])('%s prints the usage and exits 0 (it is not a question)', (flag) => {
    const result = spawnSync(tsx[0]!, [tsx[1]!, flag], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: 'content' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage:\n {2}npm run ask -- "your question"/);
    expect(result.stdout).not.toMatch(/couldn't find/);
  });

  it('an unknown option is an error with the usage, exit 2', () => {
    const result = spawnSync(tsx[0]!, [tsx[1]!, '--jsn'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: 'content' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Unknown option --jsn\.\nUsage:/);
  });

  it('--json: one JSON object a line, in order, with the text a user would see', () => {
    const input = 'who wrote the letter\n\nwhat is the capital of france\nhow many went missing\ndid the letter praise amnesty?\n';
    const result = spawnSync(tsx[0]!, [tsx[1]!, '--json'], { input, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: 'content' } });
    expect(result.status).toBe(0);
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => record.question)).toEqual(['who wrote the letter', 'what is the capital of france', 'how many went missing', 'did the letter praise amnesty?']);
    expect(records[0]).toMatchObject({ type: 'who', answered: true, article: { title: expect.stringContaining('Ombudsperson'), date: '2025-05-01' } });
    expect(records[0]!.answer).toMatch(/^Sabina Aliyeva[\s\S]*Source: /);
    expect(records[1]).toMatchObject({ type: 'notFound', answered: false, article: null });
    expect(records[1]!.confidence).toBeLessThan(0.5);
    expect(Object.keys(records[2]!)).toEqual(['question', 'answer', 'type', 'answered', 'article', 'confidence']);
    // "The article doesn't say" asserts nothing, whatever the confidence that it is the right reply.
    expect(records[3]).toMatchObject({ type: 'yesNo', answered: false });
    expect(records[3]!.answer).toMatch(/^The article doesn't say/);
  });

  it('--json: a plain line that is no question ("hi", "/help", another language) gets the reply a new chat would, not a search of the articles', () => {
    const input = 'hi there!\n/help\nКто написал письмо?\nwho wrote the letter\n';
    const result = spawnSync(tsx[0]!, [tsx[1]!, '--json'], { input, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: 'content' } });
    expect(result.status).toBe(0);
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => record.type)).toEqual(['reply', 'reply', 'reply', 'who']);
    expect(records[0]!.answer).toMatch(/^Hello!/);
    expect(records[1]!.answer).toMatch(/^Ask a question in your own words/);
    expect(records[2]!.answer).toMatch(/^Я пока отвечаю только на английском/);
    for (const record of records.slice(0, 3)) expect(record.answer).not.toMatch(/Source: |couldn't find/);
    expect(records[3]!.answer).toMatch(/^Sabina Aliyeva/);
  });

  it('--json: {"chat", "question"} lines go through the conversation, and lines of one chat share context', () => {
    const lines = [
      { chat: 'a', question: 'to whom was the letter addressed?' },
      { chat: 'b', question: 'who is she?' },
      { chat: 'a', question: 'and who is she?' },
      { chat: 'a', question: 'thanks!' },
      { chat: 'a', question: 'Кто написал письмо?' },
    ];
    const input = `${lines.map((line) => JSON.stringify(line)).join('\n')}\n{"chat": 5}\n`;
    const result = spawnSync(tsx[0]!, [tsx[1]!, '--json'], { input, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: 'content' } });
    expect(result.status).toBe(0);
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => record.chat)).toEqual(['a', 'b', 'a', 'a', 'a', undefined]);
    expect(records[0]!.answer).toMatch(/^Agnès Callamard/);
    expect(records[1]!.answer).toMatch(/^Who or what do you mean\?/);
    expect(records[2]!.answer).toMatch(/^Agnès Callamard is the Secretary General/);
    expect(records[3]).toMatchObject({ type: 'reply', article: null });
    expect(records[4]!.answer).toMatch(/^Я пока отвечаю только на английском/);
    expect(records[5]!.error).toMatch(/"question"/);
  });

  it('--help prints the usage instead of answering it', () => {
    const result = spawnSync(tsx[0]!, [tsx[1]!, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage:/);
  });
});
