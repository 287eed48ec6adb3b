import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { createConfig } from '../src/config.js';
import { tempDataDir } from './helpers/push.js';
import { memoryLogger, SEED_FILE } from './helpers/seed.js';
import { until } from './helpers/until.js';

// The whole app (database, content watcher, outbox, Telegram channel) against the Bot API
// emulator: a reader subscribes, the newsroom drops a file in, the push arrives.
const TOKEN = '123456789:AAEhBOweik9ai2o4Udfh3kdhf83ndhf8Abc';
const PORT = 9800 + Math.floor(Math.random() * 150);

interface BotMessage {
  message: {
    chat_id: number | string;
    text: string;
    reply_markup?: { inline_keyboard?: ({ text: string; url?: string; callback_data?: string })[][] };
  };
}

const NEW_ARTICLE = `---
title: COP29 follow-up talks open in Baku
date: 2025-05-03
source: Trend News Agency
dateline: Baku, Azerbaijan
url: https://example.org/cop29-follow-up
tags: [cop29, climate]
---
Delegates from 40 countries gathered in Baku on Saturday for follow-up talks after COP29.

The talks will last three days, the organisers said.
`;

describe('Telegram push end to end (telegram-test-api + content folder)', () => {
  const server = new TelegramServer({ port: PORT });
  const contentDir = mkdtempSync(join(tmpdir(), 'newsbot-content-'));
  let app: App;

  beforeAll(async () => {
    cpSync(SEED_FILE, join(contentDir, 'seed.md'));
    await server.start();
    const config = createConfig({
      CONTENT_DIR: contentDir,
      DATA_DIR: tempDataDir(),
      HEALTH_PORT: '0',
      CONTENT_POLL_SECONDS: '1',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: `http://localhost:${PORT}`,
      TELEGRAM_CHANNEL_ID: '@trendnewsbotchannel',
    });
    app = await createApp({ config, logger: memoryLogger().logger });
    await app.start();
  });
  afterAll(async () => {
    await app.stop();
    await server.stop();
  });

  it('a subscriber gets a new article dropped into the folder, with an "Ask about this" deep link; the channel gets a post', async () => {
    const client = server.getClient(TOKEN, { userId: 4001, chatId: 4001, timeout: 15_000, interval: 100 });
    await client.sendCommand(client.makeCommand('/subscribe cop29'));
    const [confirmation] = (await client.getUpdates()).result as unknown as BotMessage[];
    expect(confirmation!.message.text).toMatch(/^Done! You'll get new articles about “cop29” here/);

    writeFileSync(join(contentDir, 'cop29-follow-up.md'), NEW_ARTICLE);
    const [push] = (await client.getUpdates()).result as unknown as BotMessage[];
    expect(push!.message.text).toMatch(/^<b>📰 COP29 follow-up talks open in Baku<\/b>\n\nDelegates from 40 countries gathered in Baku/);
    expect(push!.message.text).toContain('3 May 2025 · Trend News Agency');
    expect(push!.message.text).toContain('https://example.org/cop29-follow-up');
    const button = push!.message.reply_markup!.inline_keyboard![0]![0]!;
    expect(button.text).toBe('Ask about this');
    expect(button.url).toMatch(/^https:\/\/t\.me\/\w+\?start=cop29-follow-up$/);

    // The new article is answerable at once.
    await client.sendMessage(client.makeMessage('how many countries sent delegates to the follow-up talks'));
    const [answer] = (await client.getUpdates()).result as unknown as BotMessage[];
    expect(answer!.message.text).toMatch(/^<b>40 countries<\/b>/);

    // Following the deep link puts the chat on that article.
    await client.sendCommand(client.makeCommand('/start cop29-follow-up'));
    const [opened] = (await client.getUpdates()).result as unknown as BotMessage[];
    expect(opened!.message.text).toMatch(/^<b>COP29 follow-up talks open in Baku<\/b>/);

    const history = (await server.getClient(TOKEN).getUpdatesHistory()) as unknown as BotMessage[];
    const channelPosts = history.filter((update) => update.message?.chat_id === '@trendnewsbotchannel');
    expect(channelPosts).toHaveLength(1);
    expect(channelPosts[0]!.message.text).toMatch(/^<b>📰 COP29 follow-up talks open in Baku<\/b>/);
  }, 30_000);

  it('answers do not wait behind a broadcast', async () => {
    const before = app.push.outbox.stats().sent;
    app.push.subscribers.subscribeMany(Array.from({ length: 150 }, (_, n) => ({ channel: 'telegram', chatId: String(50_000 + n), isGroup: false })), '');
    writeFileSync(join(contentDir, 'broadcast.md'), NEW_ARTICLE.replace('COP29 follow-up talks open in Baku', 'Big broadcast story').replace('40 countries', '41 countries'));
    await until(() => app.push.outbox.stats().sent > before + 3);
    const client = server.getClient(TOKEN, { userId: 4003, chatId: 4003, timeout: 15_000, interval: 50 });
    await client.sendMessage(client.makeMessage('who wrote the letter'));
    const [answer] = (await client.getUpdates()).result as unknown as BotMessage[];
    expect(answer!.message.text).toMatch(/^<b>Sabina Aliyeva/);
    // At 25 a second the broadcast takes 6 s; the answer came while most of it was queued.
    expect(app.push.outbox.stats().pending).toBeGreaterThan(75);
  }, 30_000);

  it('saving the same file again does not send it again', async () => {
    const client = server.getClient(TOKEN, { userId: 4002, chatId: 4002, timeout: 15_000, interval: 100 });
    await client.sendCommand(client.makeCommand('/subscribe'));
    await client.getUpdates();
    await until(() => app.push.outbox.stats().pending + app.push.outbox.stats().sending === 0, 20_000);
    const before = app.push.outbox.stats();
    writeFileSync(join(contentDir, 'cop29-follow-up.md'), `${NEW_ARTICLE}\nA late paragraph was added.\n`);
    await until(() => app.core.knowledge.get('cop29-follow-up')!.article.body.includes('A late paragraph was added.'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.push.outbox.stats()).toEqual(before);
  }, 30_000);
});
