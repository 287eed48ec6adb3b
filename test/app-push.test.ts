import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { createConfig } from '../src/config.js';
import { tempDataDir } from './helpers/push.js';
import { memoryLogger, SEED_FILE } from './helpers/seed.js';
import { until } from './helpers/until.js';

// The whole push flow without any token: the console chat subscribes, articles arrive in
// the content folder, pushes show up between the answers.
const article = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2025-05-05\nsource: Trend News Agency\n---\n${body}\n`;

describe('console app: subscribe, then new files are pushed', () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  async function start(contentDir: string, dataDir: string) {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const { logger, lines } = memoryLogger();
    const config = createConfig({ CONTENT_DIR: contentDir, DATA_DIR: dataDir, CONTENT_POLL_SECONDS: '1' });
    app = await createApp({ config, logger, terminal: { input, output, interactive: false } });
    await app.start();
    return { input, printed: () => printed, lines };
  }

  it('hot reload: added file answerable and pushed, malformed file logged and skipped, deleted file forgotten', async () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'newsbot-content-'));
    cpSync(SEED_FILE, join(contentDir, 'seed.md'));
    const { input, printed, lines } = await start(contentDir, tempDataDir());
    input.write('/subscribe\n');
    await until(() => printed().includes("Done! You'll get every new article here"));

    writeFileSync(join(contentDir, 'bad.md'), '---\ntitle: [unclosed\n---\nbody\n');
    writeFileSync(join(contentDir, 'bridge.md'), article('New bridge opens in Ganja', 'A new bridge opened in Ganja on Monday. It cost 12 million manats.'));
    await until(() => printed().includes('🔔 New for you:\n📰 New bridge opens in Ganja'));
    expect(lines.find((line) => line.msg === 'skipped article file')).toMatchObject({ file: 'bad.md' });

    input.write('how much did the bridge cost\n');
    await until(() => printed().includes('12 million manats'));

    rmSync(join(contentDir, 'bridge.md'));
    await until(() => app!.core.knowledge.get('bridge') === undefined);
    input.write('/stats\n');
    await until(() => printed().includes('/stats is not allowed'));
  }, 30_000);

  it('an article added while the bot was down is published at the next start; the first start pushes nothing', async () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'newsbot-content-'));
    const dataDir = tempDataDir();
    cpSync(SEED_FILE, join(contentDir, 'seed.md'));
    const first = await start(contentDir, dataDir);
    first.input.write('/subscribe\n');
    await until(() => first.printed().includes('Done!'));
    expect(app!.push.outbox.stats()).toMatchObject({ pending: 0, sent: 0 });
    await app!.stop();

    writeFileSync(join(contentDir, 'while-down.md'), article('Written while the bot was down', 'The newsroom kept working overnight.'));
    const second = await start(contentDir, dataDir);
    await until(() => second.printed().includes('📰 Written while the bot was down'));
    expect(app!.push.outbox.stats()).toMatchObject({ sent: 1, pending: 0 });
  }, 30_000);
});

describe('feeds in the app', () => {
  it('a feed item becomes an answerable article, still there after a restart with the feed down', async () => {
    const { createServer } = await import('node:http');
    let feedUp = true;
    const server = createServer((_request, response) => {
      if (!feedUp) return void response.writeHead(503).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
        <item><title>Harbour reopens in Sumgait</title><link>https://news.example/harbour</link><guid>harbour-1</guid>
        <pubDate>Tue, 06 May 2025 08:00:00 GMT</pubDate><description>The harbour in Sumgait reopened on Tuesday after repairs costing 3 million manats.</description></item>
      </channel></rss>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const contentDir = mkdtempSync(join(tmpdir(), 'newsbot-content-'));
    cpSync(SEED_FILE, join(contentDir, 'seed.md'));
    const dataDir = tempDataDir();
    const config = createConfig({ CONTENT_DIR: contentDir, DATA_DIR: dataDir, FEED_URLS: `http://127.0.0.1:${port}/rss`, FEED_POLL_SECONDS: '60' });
    const start = async () => {
      const app = await createApp({ config, logger: memoryLogger().logger, terminal: { input: new PassThrough(), output: new PassThrough(), interactive: false } });
      await app.start();
      return app;
    };
    try {
      const metrics = async (app: App) => app.metrics.registry.metrics();
      let app = await start();
      await until(() => app.core.knowledge.all().some(({ article }) => article.title === 'Harbour reopens in Sumgait'));
      expect(app.core.answerer.answer('how much did the sumgait harbour repairs cost').short).toMatch(/3 million manats/);
      expect(await metrics(app)).toMatch(/^newsbot_feed_polls_total 1\n[\s\S]*^newsbot_feed_failures_total 0$/m);
      expect(await metrics(app)).toMatch(/^newsbot_articles_loaded 2$/m);
      await app.stop();

      feedUp = false;
      app = await start();
      expect(app.core.answerer.answer('how much did the sumgait harbour repairs cost').short).toMatch(/3 million manats/);
      const down = app;
      await until(async () => /^newsbot_feed_failures_total 1$/m.test(await metrics(down)));
      expect(await metrics(down)).toMatch(/^newsbot_feed_polls_total 1$/m);
      await app.stop();
    } finally {
      server.close();
    }
  }, 30_000);
});

describe('wrong folders', () => {
  it("DATA_DIR under /proc fails fast naming the variable (Node's recursive mkdir would spin there forever)", () => {
    for (const dataDir of ['/proc/nope', '/proc/nope/deeper/data']) {
      const started = Date.now();
      const result = spawnSync('node_modules/.bin/tsx', ['src/main.ts'], {
        encoding: 'utf8',
        input: '',
        timeout: 15_000,
        env: { ...process.env, DATA_DIR: dataDir, CONTENT_DIR: 'content', LOG_FORMAT: 'json', TELEGRAM_BOT_TOKEN: '', WHATSAPP_ENABLED: 'false' },
      });
      expect(result.signal, 'still running after 15 s').toBeNull();
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`DATA_DIR=${dataDir}: can't keep the bot's database there (ENOENT). Point DATA_DIR at a writable folder.`);
      expect(result.stderr).toMatch(/"level":60.*"msg":"start-up failed"/);
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  }, 40_000);

  it('a missing CONTENT_DIR or an unusable DATA_DIR stops start-up with a message naming the variable', async () => {
    const { logger } = memoryLogger();
    await expect(createApp({ config: createConfig({ CONTENT_DIR: '/no/such/folder', DATA_DIR: tempDataDir() }), logger })).rejects.toThrow(/^CONTENT_DIR=\/no\/such\/folder: no such folder/);
    await expect(createApp({ config: createConfig({ DATA_DIR: '/etc/passwd/data' }), logger })).rejects.toThrow(/^DATA_DIR=\/etc\/passwd\/data: can't keep the bot's database there \(ENOTDIR\)/);
  });
});
