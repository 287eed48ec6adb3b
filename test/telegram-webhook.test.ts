import type { Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startWebhookServer } from '../src/channels/telegram/telegram-channel.js';
import { memoryLogger } from './helpers/seed.js';

describe('webhook secret check', () => {
  const received: unknown[] = [];
  let server: Server;
  const port = 9900 + Math.floor(Math.random() * 90);
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (headers: Record<string, string>) =>
    fetch(`http://localhost:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ update_id: 1 }) });

  it('accepts updates with the right X-Telegram-Bot-Api-Secret-Token and answers 401 otherwise', async () => {
    server = await startWebhookServer(port, 's3cret-token', async (update) => void received.push(update), memoryLogger().logger);
    expect((await post({})).status).toBe(401);
    expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': 'wrong' })).status).toBe(401);
    expect(received).toHaveLength(0);
    expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': 's3cret-token' })).status).toBe(200);
    expect(received).toEqual([{ update_id: 1 }]);
  });
});
