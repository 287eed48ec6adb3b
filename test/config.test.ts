import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig } from '../src/config.js';
import { createLogger, redactSecrets } from '../src/logger.js';
import { tempDataDir } from './helpers/push.js';
import { until } from './helpers/until.js';

const TOKEN = '123456789:AAEhBOweik9ai2o4Udfh3kdhf83ndhf8Abc';

describe('createConfig', () => {
  it('defaults to the console: no channel credentials, content/ and data/', () => {
    expect(createConfig({})).toMatchObject({ contentDir: 'content', dataDir: 'data', telegram: undefined, floodMessagesPerMinute: 20 });
  });

  it.each([
    [{ FLOOD_MESSAGES_PER_MINUTE: 'lots' }, /FLOOD_MESSAGES_PER_MINUTE: must be a whole number/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, /TELEGRAM_BOT_TOKEN: does not look like a bot token/],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'localhost:9000' }, /TELEGRAM_API_ROOT: must be an http\(s\) URL/],
    [{ PORT: '70000' }, /PORT/],
    [{ FEED_URLS: 'https://ok.example/rss, ftp://nope' }, /FEED_URLS: must be http\(s\) URLs/],
    [{ TELEGRAM_PUSH_RATE: '31' }, /TELEGRAM_PUSH_RATE: must be a whole number from 1 to 30/],
    [{ TELEGRAM_CHANNEL_ID: 'trendnews' }, /TELEGRAM_CHANNEL_ID: must be @channelname/],
    [{ ADMIN_IDS: '12345' }, /ADMIN_IDS: must be channel-qualified ids/],
    [{ WHATSAPP_ENABLED: 'maybe' }, /WHATSAPP_ENABLED: must be true or false/],
    [{ WHATSAPP_CHANNEL_ID: '12345@g.us' }, /WHATSAPP_CHANNEL_ID/],
    [{ WHATSAPP_PUSH_RATE: '0' }, /WHATSAPP_PUSH_RATE/],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example/hook', PORT: '8081' }, /HEALTH_PORT: must differ from PORT \(8081\)/],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => createConfig(env)).toThrow(ConfigError);
    expect(() => createConfig(env)).toThrow(message);
  });

  it('reads the push settings: feeds, admins, channel ids, rates', () => {
    const config = createConfig({
      FEED_URLS: 'https://a.example/rss, https://b.example/atom',
      ADMIN_IDS: 'telegram:1,whatsapp:9945@c.us',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_CHANNEL_ID: '-1001234567890',
      WHATSAPP_ENABLED: 'true',
      WHATSAPP_CHANNEL_ID: '120363025246125486@newsletter',
    });
    expect(config.feeds).toEqual({ urls: ['https://a.example/rss', 'https://b.example/atom'], pollMs: 300_000 });
    expect([...config.admins]).toEqual(['telegram:1', 'whatsapp:9945@c.us']);
    expect(config.telegram).toMatchObject({ channelId: '-1001234567890', pushPerSecond: 25 });
    expect(config.whatsapp).toEqual({ chromePath: '/usr/bin/chromium', pairPhone: undefined, pushPerMinute: 10, channelId: '120363025246125486@newsletter', retry: { baseMs: 5000, maxMs: 300_000 } });
  });

  it('never puts the token value in an error message', () => {
    try {
      createConfig({ TELEGRAM_BOT_TOKEN: `${TOKEN} extra` });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('AAEhBOweik9ai2o4');
    }
  });
});

describe('every variable is documented', () => {
  it('each one createConfig reads is in .env.example and in the README table', () => {
    const source = readFileSync('src/config.ts', 'utf8');
    const schema = source.slice(source.indexOf('const schema = z.object({'), source.indexOf('});', source.indexOf('const schema = z.object({')));
    const variables = [...schema.matchAll(/^ {2}([A-Z][A-Z_]+):/gm)].map((match) => match[1]!);
    expect(variables).toEqual(expect.arrayContaining(['HEALTH_PORT', 'HEALTH_HOST', 'QUESTION_LOG', 'TELEGRAM_API_TIMEOUT_SECONDS']));
    const example = readFileSync('.env.example', 'utf8');
    const readme = readFileSync('README.md', 'utf8');
    for (const variable of variables) {
      expect(example, variable).toMatch(new RegExp(`^${variable}=`, 'm'));
      expect(readme, variable).toContain(`| \`${variable}\` |`);
    }
  });

  it('health server: 127.0.0.1:8081 by default, off with HEALTH_PORT=0; the question log on unless QUESTION_LOG=false', () => {
    expect(createConfig({}).health).toEqual({ port: 8081, host: '127.0.0.1' });
    expect(createConfig({ HEALTH_PORT: '0' }).health).toBeUndefined();
    expect(createConfig({ HEALTH_HOST: '0.0.0.0', HEALTH_PORT: '9464' }).health).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(createConfig({}).questionLog).toBe(true);
    expect(createConfig({ QUESTION_LOG: 'false' }).questionLog).toBe(false);
    expect(createConfig({ TELEGRAM_BOT_TOKEN: TOKEN }).telegram).toMatchObject({ apiTimeoutMs: 10_000, retry: { baseMs: 1000, maxMs: 60_000 }, longPollSeconds: 20 });
    expect(() => createConfig({ TELEGRAM_API_TIMEOUT_SECONDS: '0' })).toThrow(/TELEGRAM_API_TIMEOUT_SECONDS: must be a whole number from 1 to 120/);
    expect(() => createConfig({ HEALTH_HOST: 'my host' })).toThrow(/HEALTH_HOST: must be an address/);
  });
});

describe('createLogger', () => {
  it('redacts tokens anywhere in a line and keeps arrays arrays', async () => {
    const file = join(tempDataDir(), 'log.json');
    const logger = createLogger({ level: 'info', format: 'json' }, openSync(file, 'w'));
    logger.info({ paths: ['/healthz', '/readyz'], url: `https://api.telegram.org/bot${TOKEN}/getMe` }, 'line');
    logger.flush();
    await until(() => readFileSync(file, 'utf8').endsWith('\n'));
    const line = JSON.parse(readFileSync(file, 'utf8').trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ paths: ['/healthz', '/readyz'], url: 'https://api.telegram.org/bot<redacted-token>/getMe' });
  });
});

describe('redactSecrets', () => {
  it('removes bot tokens from text such as request URLs', () => {
    expect(redactSecrets(`GET https://api.telegram.org/bot${TOKEN}/getMe failed`)).toBe('GET https://api.telegram.org/bot<redacted-token>/getMe failed');
  });
});
