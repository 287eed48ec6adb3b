import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleChannel } from '../src/channels/console.js';
import { startBot } from './helpers/bot-process.js';
import { seedConversation } from './helpers/conversation.js';

async function run(lines: string[], interactive: boolean, floodLimit?: number): Promise<string> {
  const { conversation } = seedConversation(floodLimit ? { floodLimit } : {});
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const channel = createConsoleChannel({ conversation, input, output, interactive });
  await channel.start();
  input.end(lines.map((line) => `${line}\n`).join(''));
  await channel.done;
  return text;
}

describe('console chat', () => {
  it('with piped input answers each line in order and ends at EOF', async () => {
    const text = await run(['who wrote the letter', 'and who is she?', 'what is the capital of france'], false);
    const answers = text.trim().split(/\n\n/);
    expect(answers).toHaveLength(3);
    expect(answers[0]).toMatch(/^Sabina Aliyeva, the Commissioner/);
    expect(answers[1]).toMatch(/^Sabina Aliyeva is the Commissioner/);
    expect(answers[2]).toMatch(/^I couldn't find that/);
  });

  it('the local user has no flood limit: 30 piped questions get 30 answers with the limit at 20', async () => {
    const text = await run(Array.from({ length: 30 }, () => 'who wrote the letter'), false, 20);
    expect(text.match(/^Sabina Aliyeva/gm)).toHaveLength(30);
    expect(text).not.toMatch(/faster than I can read/);
  });

  it('interactive: greets, shows buttons, and leaves on /quit', async () => {
    const text = await run(['/help', '/quit', 'never answered'], true);
    expect(text).toMatch(/^Hello! I answer questions/);
    expect(text).toMatch(/\/claims – the claims/);
    expect(text).not.toMatch(/never answered/);
  });

  it('npm start with 30 piped questions: 30 answers, exit 0 (the default flood limit is 20)', async () => {
    const questions = Array.from({ length: 30 }, (_, index) => (index % 2 ? 'who wrote the letter' : 'how many people went missing'));
    const bot = startBot({}, `${questions.join('\n')}\n`);
    expect(await bot.exited).toBe(0);
    const answers = bot.stdout().trim().split(/\n\n/);
    expect(answers).toHaveLength(30);
    expect(answers.filter((answer) => answer.startsWith('Sabina Aliyeva'))).toHaveLength(15);
    expect(bot.stdout()).not.toMatch(/faster than I can read/);
  }, 30_000);
});
