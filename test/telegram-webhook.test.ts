import { createServer } from 'node:http';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../src/channels/telegram/telegram-channel.js';
import { seedConversation } from './helpers/conversation.js';
import { freePort } from './helpers/net.js';
import { memoryLogger } from './helpers/seed.js';
import { until } from './helpers/until.js';

// Webhook mode end to end: the channel sets its webhook on the Bot API emulator and serves
// it with telegraf's own handler; the test posts updates as Telegram would (the emulator
// posts without the secret header, so the test plays Telegram's part) and reads the answers
// the bot sent back through the emulator.
const TOKEN = '123456789:AAEhBOweik9ai2o4Udfh3kdhf83ndhf8Abc';
const SECRET = 's3cret-token';

describe('Telegram webhook (telegraf webhookCallback, secret token checked)', () => {
  let server: TelegramServer;
  let channel: ReturnType<typeof createTelegramChannel>;
  let hookUrl: string;
  const { logger, lines } = memoryLogger();

  beforeAll(async () => {
    const apiPort = await freePort();
    const hookPort = await freePort();
    hookUrl = `http://127.0.0.1:${hookPort}/telegram/hook`;
    server = new TelegramServer({ port: apiPort, host: '127.0.0.1' });
    await server.start();
    channel = createTelegramChannel({
      config: { token: TOKEN, apiRoot: `http://127.0.0.1:${apiPort}`, webhook: { url: hookUrl, secret: SECRET, port: hookPort } },
      conversation: seedConversation().conversation,
      logger,
    });
    await channel.start();
    await until(() => channel.status.state === 'up');
  });
  afterAll(async () => {
    await channel.stop();
    await server.stop();
  });

  const update = (id: number, text: string) => ({
    update_id: id,
    message: { message_id: id, date: 1_746_000_000, text, chat: { id: 4242, type: 'private' }, from: { id: 4242, is_bot: false, first_name: 'Reader' } },
  });
  const post = (body: unknown, headers: Record<string, string>, url = hookUrl) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const botMessagesTo = async (chatId: number) =>
    ((await server.getClient(TOKEN).getUpdatesHistory()) as unknown as { message?: { chat_id?: number | string; text?: string } }[]).filter(
      (item) => String(item.message?.chat_id) === String(chatId),
    );

  it('sets the webhook with its secret, and is up', () => {
    expect((server as unknown as { webhooks: Record<string, { url: string; secret_token: string }> }).webhooks[TOKEN]).toMatchObject({ url: hookUrl, secret_token: SECRET });
    expect(lines.some((line) => line.msg === 'channel up' && line.channel === 'telegram')).toBe(true);
  });

  it('refuses updates without the right X-Telegram-Bot-Api-Secret-Token or on another path (403, logged), answers the right one', async () => {
    expect((await post(update(1, 'who wrote the letter'), {})).status).toBe(403);
    expect((await post(update(2, 'who wrote the letter'), { 'X-Telegram-Bot-Api-Secret-Token': 'wrong' })).status).toBe(403);
    expect((await post(update(3, 'who wrote the letter'), { 'X-Telegram-Bot-Api-Secret-Token': SECRET }, hookUrl.replace('/hook', '/other'))).status).toBe(403);
    expect(lines.filter((line) => line.msg === 'webhook request refused: wrong path, method or secret token')).toHaveLength(3);
    expect(await botMessagesTo(4242)).toHaveLength(0);

    expect((await post(update(4, 'who wrote the letter'), { 'X-Telegram-Bot-Api-Secret-Token': SECRET })).status).toBe(200);
    await until(async () => (await botMessagesTo(4242)).length === 1);
    expect((await botMessagesTo(4242))[0]!.message!.text).toMatch(/^<b>Sabina Aliyeva/);
  });
});

describe('Telegram webhook: noticing the Bot API going away, and a refused URL', () => {
  type Mode = 'ok' | 'down' | 'cleared';
  async function fakeApi(setWebhookStatus = 200) {
    const state = { mode: 'ok' as Mode, hookUrl: '', setWebhookCalls: 0 };
    const server = createServer((request, response) => {
      const method = request.url!.split('/').at(-1)!;
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const json = (status: number, payload: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
        if (method === 'getMe') return json(200, { ok: true, result: { id: 1, is_bot: true, first_name: 'Bot', username: 'news_bot' } });
        if (method === 'setWebhook') {
          state.setWebhookCalls++;
          if (setWebhookStatus !== 200) return json(setWebhookStatus, { ok: false, error_code: setWebhookStatus, description: 'Bad Request: bad webhook: HTTPS url must be provided for webhook' });
          state.hookUrl = (JSON.parse(body) as { url: string }).url;
          return json(200, { ok: true, result: true });
        }
        if (method === 'getWebhookInfo') {
          if (state.mode === 'down') return json(502, 'Bad Gateway');
          return json(200, { ok: true, result: { url: state.mode === 'cleared' ? '' : state.hookUrl, has_custom_certificate: false, pending_update_count: 0 } });
        }
        json(404, { ok: false, error_code: 404, description: 'Not Found' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, state, port: (server.address() as { port: number }).port };
  }

  it('the probe reports the channel down while the Bot API fails, up again after, and sets a webhook that was cleared', async () => {
    const api = await fakeApi();
    const hookPort = await freePort();
    const { logger, lines } = memoryLogger();
    const channel = createTelegramChannel({
      config: { token: TOKEN, apiRoot: `http://127.0.0.1:${api.port}`, webhook: { url: `http://127.0.0.1:${hookPort}/hook`, secret: SECRET, port: hookPort }, webhookProbeMs: 50, retry: { baseMs: 10, maxMs: 40 } },
      conversation: seedConversation().conversation,
      logger,
    });
    try {
      await channel.start();
      await until(() => channel.status.state === 'up');
      api.state.mode = 'down';
      await until(() => channel.status.state === 'down');
      expect(channel.status.snapshot().reason).toBe('getWebhookInfo: 502 Bad Gateway');
      api.state.mode = 'ok';
      await until(() => channel.status.state === 'up');
      api.state.mode = 'cleared';
      await until(() => api.state.setWebhookCalls === 2);
      expect(lines.some((line) => line.msg === 'the webhook was changed outside the bot; setting it again')).toBe(true);
      expect(lines.filter((line) => line.channel === 'telegram' && typeof line.msg === 'string' && line.msg.startsWith('channel ')).map((line) => line.state)).toEqual(['starting', 'up', 'down', 'up']);
    } finally {
      await channel.stop();
      api.server.close();
    }
  });

  it('a 400 on setWebhook fails the channel for good, naming TELEGRAM_WEBHOOK_URL', async () => {
    const api = await fakeApi(400);
    const hookPort = await freePort();
    const channel = createTelegramChannel({
      config: { token: TOKEN, apiRoot: `http://127.0.0.1:${api.port}`, webhook: { url: `http://127.0.0.1:${hookPort}/hook`, port: hookPort }, retry: { baseMs: 10, maxMs: 40 } },
      conversation: seedConversation().conversation,
      logger: memoryLogger().logger,
    });
    try {
      await channel.start();
      await until(() => channel.status.state === 'failed');
      expect(channel.status.error).toMatchObject({ variable: 'TELEGRAM_WEBHOOK_URL', message: expect.stringMatching(/^TELEGRAM_WEBHOOK_URL was refused by the Bot API \(Bad Request: bad webhook/) });
      expect(api.state.setWebhookCalls).toBe(1);
    } finally {
      await channel.stop();
      api.server.close();
    }
  });
});
