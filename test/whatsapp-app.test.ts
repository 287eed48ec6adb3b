import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import wwebjs from 'whatsapp-web.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { buildWhatsAppClient, CHROMIUM_ARGS } from '../src/channels/whatsapp/whatsapp-client.js';
import { createConfig } from '../src/config.js';
import { tempDataDir } from './helpers/push.js';
import { memoryLogger, SEED_FILE } from './helpers/seed.js';
import { FakeWhatsAppClient, until, waMessage } from './helpers/whatsapp.js';

const USER = '994501111111@c.us';
const WA_CHANNEL = '120363025246125486@newsletter';

describe('the real whatsapp-web.js Client, built with the project options (not initialised)', () => {
  it('LocalAuth under DATA_DIR, the system browser, headless with server flags', () => {
    const dataDir = tempDataDir();
    const client = buildWhatsAppClient({ dataDir, chromePath: '/usr/bin/chromium' });
    const options = (client as unknown as { options: { authStrategy: unknown; puppeteer: { executablePath: string; headless: boolean; args: string[] }; pairWithPhoneNumber?: { phoneNumber: string } } }).options;
    expect(options.authStrategy).toBeInstanceOf(wwebjs.LocalAuth);
    expect((options.authStrategy as { dataPath: string }).dataPath).toBe(resolve(dataDir, 'whatsapp-session'));
    expect(options.puppeteer.executablePath).toBe('/usr/bin/chromium');
    expect(options.puppeteer.headless).toBe(true);
    expect(options.puppeteer.args).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu']));
    expect(options.puppeteer.args).toEqual(CHROMIUM_ARGS);
    expect(options.pairWithPhoneNumber?.phoneNumber ?? '').toBe('');
    const paired = buildWhatsAppClient({ dataDir, chromePath: '/usr/bin/chromium', pairPhone: '994501234567' });
    expect((paired as unknown as { options: { pairWithPhoneNumber: { phoneNumber: string } } }).options.pairWithPhoneNumber.phoneNumber).toBe('994501234567');
  });

  it('npm install never downloads a browser (.puppeteerrc.cjs)', () => {
    const require = createRequire(import.meta.url);
    expect(require('../.puppeteerrc.cjs')).toMatchObject({ skipDownload: true });
  });
});

describe('WhatsApp in the app: subscriptions and pushes through the shared outbox', () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('a wrong CHROME_PATH: clear error naming it, retried with backoff, not ready; the bot runs meanwhile', async () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'newsbot-content-'));
    cpSync(SEED_FILE, join(contentDir, 'seed.md'));
    const { logger, lines } = memoryLogger();
    const config = createConfig({ CONTENT_DIR: contentDir, DATA_DIR: tempDataDir(),
      HEALTH_PORT: '0', WHATSAPP_ENABLED: 'true', CHROME_PATH: '/opt/no/chromium' });
    app = await createApp({ config, logger, terminal: { input: new PassThrough(), output: new PassThrough(), interactive: false } });
    await app.start();
    await until(() => lines.filter((line) => line.msg === 'WhatsApp client down; re-initialising').length === 1);
    expect(lines.find((line) => line.msg === 'channel down; retrying')).toMatchObject({ channel: 'whatsapp', reason: expect.stringMatching(/^CHROME_PATH=\/opt\/no\/chromium: no browser there/) });
    // Retried (the first wait is 5 s), not given up; the rest of the bot runs meanwhile.
    expect(lines.find((line) => line.msg === 'WhatsApp client down; re-initialising')).toMatchObject({ retryInMs: 5000, attempt: 1 });
    expect(lines.some((line) => line.msg === 'first start: existing articles recorded as already published')).toBe(true);
    expect(app.readiness()).toMatchObject({ ready: false, articles: { loaded: true }, channels: { whatsapp: { state: 'down' } } });
    expect(app.readiness().notReady).toEqual([expect.stringMatching(/^whatsapp: down \(CHROME_PATH=\/opt\/no\/chromium: no browser there/)]);
  });

  it('a reader subscribes over WhatsApp; a new file reaches them and the WhatsApp channel; pushes wait while the client is down', async () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'newsbot-content-'));
    cpSync(SEED_FILE, join(contentDir, 'seed.md'));
    const clients: FakeWhatsAppClient[] = [];
    const config = createConfig({
      CONTENT_DIR: contentDir,
      DATA_DIR: tempDataDir(),
      HEALTH_PORT: '0',
      CONTENT_POLL_SECONDS: '1',
      WHATSAPP_ENABLED: 'true',
      CHROME_PATH: process.execPath,
      WHATSAPP_PUSH_RATE: '60',
      WHATSAPP_CHANNEL_ID: WA_CHANNEL,
    });
    const { logger } = memoryLogger();
    app = await createApp({
      config,
      logger,
      terminal: { input: new PassThrough(), output: new PassThrough(), interactive: false },
      whatsappClient: () => {
        const client = new FakeWhatsAppClient();
        clients.push(client);
        return client;
      },
    });
    await app.start();
    await until(() => clients.length === 1);
    const client = clients[0]!;
    client.emit('ready');

    client.emit('message', waMessage('subscribe'));
    await until(() => client.sentTo(USER).length === 1);
    expect(client.sentTo(USER)[0]).toMatch(/^Done! You'll get every new article here/);
    expect(app.push.subscribers.find({ channel: 'whatsapp', chatId: USER })!.topics).toEqual(['']);

    client.emit('message', waMessage('how do i stay up to date'));
    await until(() => client.sentTo(USER).length === 2);
    expect(client.sentTo(USER)[1]).toMatch(/Every new article is also posted to our WhatsApp channel/);

    // The client drops; the article arrives meanwhile; nothing is lost.
    client.emit('disconnected', 'NAVIGATION');
    writeFileSync(join(contentDir, 'bridge.md'), '---\ntitle: New bridge opens in Ganja\ndate: 2025-05-05\nsource: Trend News Agency\n---\nA new bridge opened in Ganja on Monday.\n');
    await until(() => app!.push.outbox.stats().pending === 2);
    await until(() => clients.length === 2, 15_000);
    clients[1]!.emit('ready');
    await until(() => clients[1]!.sent.length === 2, 15_000);
    const push = clients[1]!.sentTo(USER)[0]!;
    expect(push).toMatch(/^\*📰 New bridge opens in Ganja\*\n\nA new bridge opened in Ganja on Monday\./);
    expect(push).toMatch(/Reply with a number:\n1\. Ask about this$/);
    expect(clients[1]!.sentTo(WA_CHANNEL)[0]).toMatch(/^\*📰 New bridge opens in Ganja\*[\s\S]*Ask about this: https:\/\/wa\.me\/994500000000\?text=%2Fopen%20bridge$/);
    expect(app.push.outbox.stats()).toMatchObject({ sent: 2, pending: 0, failed: 0 });

    // "1" answers the push's menu: the chat is now on that article.
    clients[1]!.emit('message', waMessage('1'));
    await until(() => clients[1]!.sentTo(USER).length === 2);
    expect(clients[1]!.sentTo(USER)[1]).toMatch(/^\*New bridge opens in Ganja\*/);
  }, 40_000);
});
