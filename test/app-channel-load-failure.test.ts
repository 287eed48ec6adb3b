import { cpSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { createConfig } from '../src/config.js';
import { freePort } from './helpers/net.js';
import { tempDataDir } from './helpers/push.js';
import { memoryLogger, SEED_FILE } from './helpers/seed.js';

// The Telegram channel can't be made, as when its platform library is broken in an install.
vi.mock('../src/channels/telegram/telegram-channel.js', () => ({
  createTelegramChannel: () => {
    throw new Error('Cannot find package telegraf');
  },
}));

const TOKEN = '123456789:AAEhBOweik9ai2o4Udfh3kdhf83ndhf8Abc';

/** Whether something can listen on the port now: nothing else holds it. */
async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('a channel that cannot be made', () => {
  it('fails the start with the reason and releases the health port it had opened', async () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'newsbot-content-'));
    cpSync(SEED_FILE, join(contentDir, 'seed.md'));
    const healthPort = await freePort();
    const config = createConfig({ CONTENT_DIR: contentDir, DATA_DIR: tempDataDir(), TELEGRAM_BOT_TOKEN: TOKEN, HEALTH_PORT: String(healthPort) });
    await expect(createApp({ config, logger: memoryLogger().logger })).rejects.toThrow(/Cannot find package telegraf/);
    // A supervisor restarting the bot finds the port free: the failed start let it go.
    expect(await portIsFree(healthPort)).toBe(true);
  });
});
