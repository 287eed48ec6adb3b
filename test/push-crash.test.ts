import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.js';
import { tempDataDir } from './helpers/push.js';

// A real process, a real SQLite file, a real kill in the middle of a broadcast of 300
// messages, and a second process that finishes the job. The sink plays the platform: it
// counts what each chat received.
const CHILD = 'test/fixtures/push-child.ts';
const SUBSCRIBERS = 300;

describe('crash in the middle of a broadcast', () => {
  let server: Server;
  let sinkUrl: string;
  let received: Map<string, number>;
  let onReceive: (total: number) => void;

  beforeEach(async () => {
    received = new Map();
    onReceive = () => undefined;
    let total = 0;
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const { chatId } = JSON.parse(body) as { chatId: string };
        received.set(chatId, (received.get(chatId) ?? 0) + 1);
        onReceive(++total);
        // A little latency, like a real API, so the broadcast takes a while.
        setTimeout(() => response.end('ok'), 3);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sinkUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const run = (dataDir: string, mode: 'publish' | 'resume') => {
    const child = fork(CHILD, [dataDir, sinkUrl, mode], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
    return { child, exited };
  };

  const statuses = (dataDir: string) => {
    const db = openDatabase(dataDir);
    const rows = db.prepare('SELECT chat_id, status FROM deliveries').all() as { chat_id: string; status: string }[];
    db.close();
    return rows;
  };

  it('SIGKILL midway, restart: nobody gets a second copy; every chat got its copy except the few in flight at the kill, which are reported "unknown"', async () => {
    const dataDir = tempDataDir();
    const first = run(dataDir, 'publish');
    onReceive = (total) => {
      if (total === 100) first.child.kill('SIGKILL');
    };
    expect(await first.exited).toBe(-1);
    const atKill = [...received.values()].reduce((sum, n) => sum + n, 0);
    expect(atKill).toBeGreaterThanOrEqual(100);
    expect(atKill).toBeLessThan(SUBSCRIBERS);

    const second = run(dataDir, 'resume');
    expect(await second.exited).toBe(0);

    const rows = statuses(dataDir);
    expect(rows).toHaveLength(SUBSCRIBERS);
    expect(Math.max(...received.values())).toBe(1);
    const unknown = rows.filter((row) => row.status === 'unknown');
    // Only a send that was in flight (at most the worker's concurrency, 2) can be unknown.
    expect(unknown.length).toBeLessThanOrEqual(2);
    expect(rows.filter((row) => row.status === 'sent').length + unknown.length).toBe(SUBSCRIBERS);
    // Every chat that received nothing is one of those unknown rows, never a silent loss.
    const missing = rows.filter((row) => !received.has(row.chat_id)).map((row) => row.chat_id);
    for (const chatId of missing) expect(unknown.map((row) => row.chat_id)).toContain(chatId);
  }, 60_000);

  it('SIGTERM midway (a deploy, Ctrl-C), restart: every chat gets exactly one copy', async () => {
    const dataDir = tempDataDir();
    const first = run(dataDir, 'publish');
    onReceive = (total) => {
      if (total === 100) first.child.kill('SIGTERM');
    };
    expect(await first.exited).toBe(0);
    const second = run(dataDir, 'resume');
    expect(await second.exited).toBe(0);
    const rows = statuses(dataDir);
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
    expect(received.size).toBe(SUBSCRIBERS);
    expect(Math.max(...received.values())).toBe(1);
  }, 60_000);
});
