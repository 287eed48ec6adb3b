/**
 * `npm run bench:push`: the outbox and the limiter, on this machine.
 * 1. Fan-out: one article to 100,000 subscribers through a transport that only counts,
 *    limiter off: deliveries a second (bar: at least 5,000, so that Telegram's 30/s, not
 *    our code, is the bottleneck). The database is a real SQLite file.
 * 2. Limiter on at 25/s (Telegram's default push rate) for a few seconds: the measured rate
 *    (bar: within 5% of 25/s) and the most sends seen in any one-second window (bar: ≤ 25).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildKnowledge } from '../src/knowledge/article-knowledge.js';
import { systemClock } from '../src/push/clock.js';
import { PushService } from '../src/push/push-service.js';
import { NO_LIMITS } from '../src/push/rate-limiter.js';
import type { PushTransport } from '../src/push/transport.js';
import { openDatabase } from '../src/store/database.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const LIMITED_SECONDS = Number(process.env.BENCH_LIMITED_SECONDS ?? 6);
const RATE = 25;
const logger = pino({ level: 'silent' });
const article = (id: string) => buildKnowledge({ id, title: `Bench article ${id}`, date: '2025-05-01', tags: [], body: 'Something happened in Baku today. More later.', origin: `${id}.md` });

function freshService() {
  const dir = join(tmpdir(), `newsbot-bench-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const db = openDatabase(dir);
  const push = new PushService({ db, clock: systemClock, logger, channelPosts: [] });
  return { push, close: () => (db.close(), rmSync(dir, { recursive: true, force: true })) };
}

function subscribeMany(push: PushService, count: number): void {
  const started = performance.now();
  // One transaction for the setup, so the figure below is the outbox's alone.
  push.subscribers.subscribeMany(Array.from({ length: count }, (_, n) => ({ channel: 'telegram', chatId: String(1_000_000 + n), isGroup: false })), '');
  console.log(`  ${count.toLocaleString('en')} subscribers created in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

// 1. Fan-out, limiter off.
{
  console.log(`Fan-out: 1 article -> ${SUBSCRIBERS.toLocaleString('en')} subscribers, counting transport, limiter off`);
  const { push, close } = freshService();
  subscribeMany(push, SUBSCRIBERS);
  let delivered = 0;
  const counting: PushTransport = { channel: 'telegram', send: async () => (delivered++, { ok: true }) };
  const worker = push.addTransport(counting, NO_LIMITS, 16);
  const publishStarted = performance.now();
  const queued = push.publisher.publishArticle(article('fanout'));
  const publishMs = performance.now() - publishStarted;
  const sendStarted = performance.now();
  await worker.runUntilIdle();
  const sendSeconds = (performance.now() - sendStarted) / 1000;
  const stats = push.outbox.stats();
  console.log(`  publish (topic match + ${queued?.toLocaleString('en')} outbox rows, one transaction): ${publishMs.toFixed(0)} ms`);
  console.log(`  delivered ${delivered.toLocaleString('en')} in ${sendSeconds.toFixed(2)} s = ${Math.round(delivered / sendSeconds).toLocaleString('en')} deliveries/s (bar: >= 5,000)`);
  console.log(`  end state: ${stats.sent.toLocaleString('en')} sent, ${stats.pending} pending, ${stats.failed} failed`);
  close();
}

// 2. Limiter on, 25/s.
{
  const count = RATE * LIMITED_SECONDS;
  console.log(`Limiter: ${count} deliveries at ${RATE}/s (per-chat and group limits on, distinct chats)`);
  const { push, close } = freshService();
  subscribeMany(push, count);
  const times: number[] = [];
  const timed: PushTransport = { channel: 'telegram', send: async () => (times.push(systemClock.now()), { ok: true }) };
  const worker = push.addTransport(timed, { perSecond: RATE, perChatGapMs: 1000, groupPerMinute: 20, jitterMs: 0 }, 8);
  push.publisher.publishArticle(article('limited'));
  await worker.runUntilIdle();
  const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
  let busiestSecond = 0;
  for (let start = 0, end = 0; start < times.length; start++) {
    while (end < times.length && times[end]! < times[start]! + 1000) end++;
    busiestSecond = Math.max(busiestSecond, end - start);
  }
  const gaps = times.slice(1).map((time, index) => time - times[index]!);
  console.log(`  measured rate ${rate.toFixed(2)}/s = ${((rate / RATE) * 100).toFixed(1)}% of ${RATE}/s (bar: within 5%, never above)`);
  console.log(`  most sends in any 1-second window: ${busiestSecond} (bar: <= ${RATE}); smallest gap ${Math.min(...gaps).toFixed(2)} ms`);
  close();
}
