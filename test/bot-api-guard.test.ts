import { createServer, type Server } from 'node:http';
import { Telegram } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { ChannelConfigError, ChannelStatus } from '../src/channels/channel-status.js';
import { guardBotApi } from '../src/channels/telegram/bot-api-guard.js';
import { memoryLogger } from './helpers/seed.js';

// Each Bot API method answers from a script (status and body per call, or silence), on
// 127.0.0.1; the guard runs with short waits so the test is quick.
const TOKEN = '123456789:AAEhBOweik9ai2o4Udfh3kdhf83ndhf8Abc';
type Scripted = { status: number; body: unknown } | 'silence';

describe('Bot API guard: timeouts on every call, retries with backoff on the connection calls', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  async function setup(scripts: Record<string, Scripted[]>) {
    const calls: string[] = [];
    const bodies: Record<string, unknown>[] = [];
    server = createServer((request, response) => {
      const method = request.url!.split('/').at(-1)!;
      calls.push(method);
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        bodies.push(text ? (JSON.parse(text) as Record<string, unknown>) : {});
        const next = scripts[method]?.shift() ?? { status: 200, body: { ok: true, result: true } };
        if (next === 'silence') return;
        response.writeHead(next.status, { 'content-type': 'application/json' }).end(JSON.stringify(next.body));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const telegram = new Telegram(TOKEN, { apiRoot: `http://127.0.0.1:${port}` });
    const { logger, lines } = memoryLogger();
    const status = new ChannelStatus('telegram', logger);
    const stop = new AbortController();
    guardBotApi(telegram, { timeoutMs: 200, longPollSeconds: 1, retry: { baseMs: 10, maxMs: 40 }, status, logger, stop: stop.signal });
    return { telegram, calls, bodies, lines, status, stop };
  }

  const me = { ok: true, result: { id: 1, is_bot: true, first_name: 'Bot', username: 'news_bot' } };

  it('getMe: a 502, a silence and a 429 are retried (429 waits its retry_after), and the channel is reported down', async () => {
    const { telegram, calls, lines, status } = await setup({
      getMe: [{ status: 502, body: 'Bad Gateway' }, 'silence', { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 1 } } }, { status: 200, body: me }],
    });
    expect((await telegram.getMe()).username).toBe('news_bot');
    expect(calls).toEqual(['getMe', 'getMe', 'getMe', 'getMe']);
    const retries = lines.filter((line) => line.msg === 'Bot API call failed; retrying');
    expect(retries.map((line) => [line.reason, line.retryInMs])).toEqual([
      ['getMe: 502 Bad Gateway', 10],
      ['getMe: no answer from the Bot API within 0.2 s', 20],
      ['getMe: 429 Too Many Requests', 1000],
    ]);
    expect(status.snapshot()).toMatchObject({ state: 'down', reason: 'getMe: 429 Too Many Requests' });
  });

  it('a token refused on getMe (401, or 404 for a malformed one) is a ChannelConfigError naming TELEGRAM_BOT_TOKEN, not retried, without the token', async () => {
    for (const code of [401, 404]) {
      const { telegram, calls } = await setup({ getMe: [{ status: code, body: { ok: false, error_code: code, description: code === 401 ? 'Unauthorized' : 'Not Found' } }] });
      const error = await telegram.getMe().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ChannelConfigError);
      expect((error as ChannelConfigError).variable).toBe('TELEGRAM_BOT_TOKEN');
      expect((error as Error).message).not.toContain(TOKEN.split(':')[1]);
      expect(calls).toEqual(['getMe']);
      server!.close();
    }
  });

  it('other calls get the timeout but no retry: the caller (delivery worker, reply) decides', async () => {
    const { telegram, calls } = await setup({ sendMessage: ['silence'] });
    const started = Date.now();
    await expect(telegram.sendMessage(1, 'hi')).rejects.toThrow('sendMessage: no answer from the Bot API within 0.2 s');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(calls).toEqual(['sendMessage']);
  });

  it('getUpdates: a short poll until the channel is up (up at once), then a long poll with its wait on top of the timeout', async () => {
    const { telegram, status, bodies } = await setup({ getUpdates: [{ status: 200, body: { ok: true, result: [] } }, { status: 200, body: { ok: true, result: [] } }] });
    await telegram.callApi('getUpdates', { timeout: 50, offset: 0 });
    expect(status.snapshot()).toMatchObject({ state: 'up', reason: 'polling' });
    await telegram.callApi('getUpdates', { timeout: 50, offset: 0 });
    expect(bodies.map((body) => body.timeout)).toEqual([0, 1]);
  });

  it('stopping ends a retry loop at once', async () => {
    const { telegram, stop } = await setup({ getMe: Array.from({ length: 100 }, () => ({ status: 503, body: 'down' })) });
    const call = telegram.getMe().catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop.abort();
    expect(await call).toMatchObject({ name: 'AbortError' });
  });
});
