import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { createConfig } from '../src/config.js';
import { freePort } from './helpers/net.js';
import { tempDataDir } from './helpers/push.js';
import { memoryLogger, SEED_FILE } from './helpers/seed.js';
import { until } from './helpers/until.js';

// The operator's and the newsroom's view of a running bot, end to end: readers ask through
// the Bot API emulator, and /metrics, /readyz and an admin's /stats show what happened.
const TOKEN = '123456789:AAEhBOweik9ai2o4Udfh3kdhf83ndhf8Abc';
const READER = 7001;
const ADMIN = 7002;

interface BotMessage {
  message: { text: string };
}

describe('health, metrics and what readers ask (app + Bot API emulator)', () => {
  let api: TelegramServer;
  let app: App;
  let healthPort: number;
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${healthPort}${path}`);
    return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
  };
  const metric = (text: string, name: string): number => Number(new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  beforeAll(async () => {
    const apiPort = await freePort();
    healthPort = await freePort();
    api = new TelegramServer({ port: apiPort, host: '127.0.0.1' });
    await api.start();
    const contentDir = mkdtempSync(join(tmpdir(), 'newsbot-content-'));
    cpSync(SEED_FILE, join(contentDir, 'seed.md'));
    const config = createConfig({
      CONTENT_DIR: contentDir,
      DATA_DIR: tempDataDir(),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
      HEALTH_PORT: String(healthPort),
      ADMIN_IDS: `telegram:${ADMIN}`,
    });
    app = await createApp({ config, logger: memoryLogger().logger });
    await app.start();
    await until(() => app.channels[0]!.status.state === 'up');
  });
  afterAll(async () => {
    await app.stop();
    await api.stop();
  });

  const ask = async (userId: number, text: string): Promise<string> => {
    const client = api.getClient(TOKEN, { userId, chatId: userId, timeout: 8000, interval: 50 });
    await client.sendMessage(client.makeMessage(text));
    const [reply] = (await client.getUpdates()).result as unknown as BotMessage[];
    return reply!.message.text;
  };

  it('/healthz 200, /readyz 200 with what is ready, unknown paths 404, on 127.0.0.1 only', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ ready: true, articles: { loaded: true, count: 1 }, channels: { telegram: { state: 'up', reason: 'polling' } }, notReady: [] });
    expect((await get('/nope')).status).toBe(404);
    expect(app.health!.address()).toMatchObject({ address: '127.0.0.1', port: healthPort });
  });

  it('/metrics counts every question answered, by type and outcome, with latency, messages per channel and the default Node metrics', async () => {
    const before = (await get('/metrics')).body;
    expect(await ask(READER, 'who wrote the letter')).toMatch(/^<b>Sabina Aliyeva/);
    expect(await ask(READER, 'since when have azerbaijanis been displaced')).toMatch(/^<b>/);
    expect(await ask(READER, 'who won the football match?')).toMatch(/^I couldn't find that/);
    expect(await ask(READER, 'Who won the FOOTBALL match')).toMatch(/^I couldn't find that/);
    expect(await ask(READER, 'what is the capital of france')).toMatch(/^I couldn't find that/);
    const { body, type } = await get('/metrics');
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const delta = (name: string) => metric(body, name) - (metric(before, name) || 0);
    expect(delta('newsbot_questions_total{type="who",outcome="answered"}')).toBe(1);
    expect(delta('newsbot_questions_total{type="when",outcome="answered"}')).toBe(1);
    expect(delta('newsbot_questions_total{type="notFound",outcome="refused"}')).toBe(3);
    expect(delta('newsbot_answer_seconds_count{outcome="answered"}')).toBe(2);
    expect(delta('newsbot_answer_seconds_count{outcome="refused"}')).toBe(3);
    expect(delta('newsbot_messages_total{channel="telegram",direction="in"}')).toBe(5);
    expect(delta('newsbot_messages_total{channel="telegram",direction="out"}')).toBe(5);
    expect(metric(body, 'newsbot_channel_up{channel="telegram"}')).toBe(1);
    expect(metric(body, 'newsbot_articles_loaded')).toBe(1);
    expect(metric(body, 'newsbot_deliveries{state="pending"}')).toBe(0);
    expect(body).toMatch(/^# TYPE newsbot_outbox_backlog gauge$/m);
    expect(body).toMatch(/^# TYPE newsbot_feed_polls_total counter$/m);
    expect(body).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it("an admin's /stats lists the most frequent unanswered questions of the last 7 days, without who asked", async () => {
    const stats = await ask(ADMIN, '/stats');
    expect(stats).toMatch(/Unanswered questions, last 7 days \(most asked first\):\n1\. “who won the football match” ×2\n2\. “what is the capital of france” ×1/);
    expect(stats).not.toContain(String(READER));
  });
});

describe('QUESTION_LOG=false', () => {
  it('keeps no question, and /stats says so', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const config = createConfig({ DATA_DIR: tempDataDir(), QUESTION_LOG: 'false', ADMIN_IDS: 'console:local' });
    const app = await createApp({ config, logger: memoryLogger().logger, terminal: { input, output, interactive: false } });
    await app.start();
    input.write('who won the football match\n/stats\n');
    await until(() => printed.includes('Unanswered questions'));
    expect(printed).toMatch(/^I couldn't find that/);
    expect(printed).toMatch(/\nUnanswered questions: not kept \(QUESTION_LOG=false\)\.\n/);
    expect(app.questions.top()).toEqual([]);
    expect(app.health).toBeUndefined();
    await app.stop();
  });
});
