import { createServer as createHttpServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type BotProcess, probe, startBot } from './helpers/bot-process.js';
import { freePort } from './helpers/net.js';
import { until } from './helpers/until.js';

// The bot as a real process (`npm start`) with the production timings (1 s doubling to
// 60 s, a 10 s timeout per call), against small servers on 127.0.0.1 that play a Bot API
// that is down, silent, or refusing the token.
const TOKEN = '123456789:AAEhBOweik9ai2o4Udfh3kdhf83ndhf8Abc';
const TOKEN_SECRET_PART = TOKEN.split(':')[1]!;

describe('Telegram channel lifecycle, as a process with the real timings', () => {
  let bot: BotProcess | undefined;
  const servers: { close(): unknown }[] = [];
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    for (const server of servers.splice(0)) server.close();
  });

  it('a 401 on getMe: exit 1 within 20 s, the message naming TELEGRAM_BOT_TOKEN, the token never printed', async () => {
    const api: Server = createHttpServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
    });
    servers.push(api);
    const apiPort = await freePort();
    await new Promise<void>((resolve) => api.listen(apiPort, '127.0.0.1', resolve));
    const started = Date.now();
    bot = startBot({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`, HEALTH_PORT: String(await freePort()) });
    const code = await Promise.race([bot.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(bot.stderr()).toMatch(/^TELEGRAM_BOT_TOKEN was refused by the Bot API \(401 Unauthorized\): it is wrong or was revoked\./m);
    expect(bot.logs().find((line) => line.msg === 'channel failed for good')).toMatchObject({ channel: 'telegram', state: 'failed' });
    expect(bot.logs().find((line) => line.msg === 'the bot cannot go on')).toMatchObject({ level: 60 });
    expect(bot.stdout() + bot.stderr()).not.toContain(TOKEN_SECRET_PART);
  }, 30_000);

  it('an address that accepts and never answers: a timeout and a retry in the log within 45 s; /readyz 503 naming telegram, /healthz 200', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => void sockets.push(socket));
    servers.push({ close: () => (sockets.forEach((socket) => socket.destroy()), silent.close()) });
    const apiPort = await freePort();
    await new Promise<void>((resolve) => silent.listen(apiPort, '127.0.0.1', resolve));
    const healthPort = await freePort();
    const started = Date.now();
    bot = startBot({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`, HEALTH_PORT: String(healthPort) });
    await until(() => bot!.logs().some((line) => line.msg === 'Bot API call failed; retrying'), 45_000, 100);
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(bot.logs().find((line) => line.msg === 'Bot API call failed; retrying')).toMatchObject({
      channel: 'telegram',
      method: 'getMe',
      reason: 'getMe: no answer from the Bot API within 10 s',
      attempt: 1,
      retryInMs: 1000,
    });
    expect(bot.logs().find((line) => line.msg === 'channel down; retrying')).toMatchObject({ channel: 'telegram', previous: 'starting', reason: 'getMe: no answer from the Bot API within 10 s' });
    // Start-up went on without it: the folder is watched, the outbox runs.
    expect(bot.logs().some((line) => line.msg === 'first start: existing articles recorded as already published')).toBe(true);
    expect((await probe(healthPort, '/healthz')).status).toBe(200);
    const ready = await probe(healthPort, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ ready: false, articles: { loaded: true, count: 1 }, channels: { telegram: { state: 'down' } }, notReady: ['telegram: down (getMe: no answer from the Bot API within 10 s)'] });
    expect(await bot.stop()).toBe(0);
    expect(bot.stdout() + bot.stderr()).not.toContain(TOKEN_SECRET_PART);
  }, 60_000);

  it('the Bot API down for the first 20 s, then up on the same address: answers within 60 s of it coming up; /healthz 200 throughout; /readyz 503, 200, then 503 within 30 s of it going away', async () => {
    // While the Bot API is down its port stays this test's: a server that drops every
    // connection at once fails each call as a closed port does, and no other test's server
    // (a Bot API emulator that would answer) can be given the port meanwhile.
    const down = createTcpServer((socket) => socket.destroy());
    servers.push(down);
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const apiPort = (down.address() as AddressInfo).port;
    const healthPort = await freePort();
    bot = startBot({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`, HEALTH_PORT: String(healthPort) });
    const healthz: number[] = [];
    const readyz: { at: number; status: number; body: string }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        healthz.push((await probe(healthPort, '/healthz')).status);
        // When the probe set out, not when it came back: one sent before this bot listened
        // may reach the port's previous holder (another test's bot, ready) and return later.
        const at = Date.now();
        const sample = await probe(healthPort, '/readyz');
        readyz.push({ at, status: sample.status, body: sample.body });
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    const started = Date.now();
    await until(() => readyz.some((sample) => sample.status === 503), 15_000, 100);
    await new Promise((resolve) => setTimeout(resolve, 20_000 - (Date.now() - started)));
    // Only this bot's answers count: a free port found for it may, under a busy test run, be
    // taken by another test's server (another bot's, even) for a moment before this bot binds
    // it. Once this bot has logged that it listens there, the port is its own.
    const listening = bot.logs().find((line) => line.msg === 'health server listening');
    expect(listening).toBeDefined();
    const since = Number(listening!.time);
    const ours = readyz.filter((sample) => sample.at >= since && sample.status !== 0 && isReadinessReport(sample.body));
    expect(ours.length).toBeGreaterThan(0);
    // Listed, not counted: a failure shows what answered and when.
    expect(ours.filter((sample) => sample.status !== 503)).toEqual([]);
    // Retried with backoff: 1 s, 2 s, 4 s, 8 s, 16 s…
    const waits = bot.logs().filter((line) => line.msg === 'Bot API call failed; retrying').map((line) => line.retryInMs);
    expect(waits.length).toBeGreaterThanOrEqual(4);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000].slice(0, waits.length));

    await new Promise<void>((resolve) => down.close(() => resolve()));
    const api = new TelegramServer({ port: apiPort, host: '127.0.0.1' });
    await api.start();
    const upAt = Date.now();
    try {
      const reader = api.getClient(TOKEN, { userId: 5001, chatId: 5001, timeout: 60_000, interval: 200 });
      await reader.sendMessage(reader.makeMessage('who wrote the letter'));
      const replies = (await reader.getUpdates()).result as unknown as { message: { text: string } }[];
      expect(Date.now() - upAt).toBeLessThan(60_000);
      expect(replies[0]!.message.text).toMatch(/^<b>Sabina Aliyeva/);
      await until(() => readyz.at(-1)!.status === 200, 5_000, 100);
      expect(bot.logs().find((line) => line.msg === 'channel up')).toMatchObject({ channel: 'telegram', previous: 'down', reason: 'polling' });
      const metrics = (await probe(healthPort, '/metrics')).body;
      expect(metrics).toMatch(/^newsbot_questions_total\{type="who",outcome="answered"\} 1$/m);
      expect(metrics).toMatch(/^newsbot_channel_up\{channel="telegram"\} 1$/m);
    } finally {
      await api.stop();
    }
    const downAt = Date.now();
    await until(() => readyz.some((sample) => sample.at > downAt && sample.status === 503), 30_000, 100);
    expect(Date.now() - downAt).toBeLessThan(30_000);
    sampling = false;
    await sampler;
    // From the moment the process listens (it takes a second or two to start) to the end.
    const alive = healthz.slice(healthz.indexOf(200));
    expect(alive.length).toBeGreaterThan(40);
    expect(alive.every((status) => status === 200)).toBe(true);
    expect(bot.logs().filter((line) => line.msg === 'channel down; retrying').length).toBe(2);
    expect(await bot.stop()).toBe(0);
  }, 120_000);
});

/** Whether a body is the bot's own /readyz report (JSON naming its channels). */
function isReadinessReport(body: string): boolean {
  try {
    return typeof (JSON.parse(body) as { channels?: unknown }).channels === 'object';
  } catch {
    return false;
  }
}
