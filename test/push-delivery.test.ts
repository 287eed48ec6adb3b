import { afterEach, describe, expect, it } from 'vitest';
import { buildKnowledge } from '../src/knowledge/article-knowledge.js';
import { DeliveryWorker } from '../src/push/delivery-worker.js';
import { Outbox } from '../src/push/outbox.js';
import { Publisher } from '../src/push/publisher.js';
import { NO_LIMITS, type RateLimits, RateLimiter } from '../src/push/rate-limiter.js';
import { SubscriberStore } from '../src/push/subscriber-store.js';
import type { Db } from '../src/store/database.js';
import { ManualClock, RecordingTransport, tempDb } from './helpers/push.js';
import { memoryLogger, seedArticle } from './helpers/seed.js';

const TELEGRAM_LIMITS: RateLimits = { perSecond: 25, perChatGapMs: 1000, groupPerMinute: 20, jitterMs: 0 };

function article(id: string, title = `Headline ${id}`) {
  return buildKnowledge({ id, title, date: '2025-05-02', tags: [], body: `${title}. Something happened in Baku on Friday.`, origin: `${id}.md` });
}

describe('delivery worker (injected transport, manual clock)', () => {
  let db: Db;
  afterEach(() => db?.close());

  function setup(limits: RateLimits = TELEGRAM_LIMITS) {
    ({ db } = tempDb());
    const clock = new ManualClock();
    const now = () => clock.now();
    const outbox = new Outbox(db, now);
    const subscribers = new SubscriberStore(db, now);
    const transport = new RecordingTransport('telegram', clock);
    const { logger, lines } = memoryLogger();
    const worker = new DeliveryWorker({
      outbox,
      transport,
      limiter: new RateLimiter(limits),
      clock,
      logger,
      onChatGone: (chat, reason) => subscribers.deactivate(chat, reason),
      concurrency: 1,
    });
    const publisher = new Publisher({ outbox, subscribers, channelPosts: [], onQueued: () => worker.notify(), logger });
    const subscribe = (chatId: string, topic = '', isGroup = false) => subscribers.subscribe({ channel: 'telegram', chatId, isGroup }, topic);
    return { clock, outbox, subscribers, transport, worker, publisher, subscribe, lines };
  }

  it('delivers a published article to every subscriber once, with headline and "Ask about this" button', async () => {
    const { transport, worker, publisher, subscribe, outbox } = setup();
    for (const chat of ['1', '2', '3']) subscribe(chat);
    expect(publisher.publishArticle(buildKnowledge(seedArticle()))).toBe(3);
    await worker.runUntilIdle();
    expect(transport.sent.map((sent) => sent.chatId).sort()).toEqual(['1', '2', '3']);
    const message = transport.sent[0]!.message;
    expect(message.blocks[0]).toMatchObject({ kind: 'answer', text: expect.stringContaining("Azerbaijan's Ombudsperson sends open letter") });
    expect(message.buttons![0]![0]).toMatchObject({ label: 'Ask about this', deepLink: seedArticle().id });
    expect(outbox.stats()).toMatchObject({ pending: 0, sent: 3, failed: 0 });
  });

  it('publishing the same article twice queues it once', async () => {
    const { transport, worker, publisher, subscribe } = setup();
    subscribe('1');
    expect(publisher.publishArticle(article('a'))).toBe(1);
    expect(publisher.publishArticle(article('a'))).toBeNull();
    await worker.runUntilIdle();
    expect(publisher.publishArticle(article('a'))).toBeNull();
    await worker.runUntilIdle();
    expect(transport.sentTo('1')).toHaveLength(1);
  });

  it('a chat subscribed to everything and to a matching topic gets one copy', async () => {
    const { transport, worker, publisher, subscribe } = setup();
    subscribe('1');
    subscribe('1', 'baku');
    publisher.publishArticle(article('a'));
    await worker.runUntilIdle();
    expect(transport.sentTo('1')).toHaveLength(1);
  });

  it('429: waits retry_after, holds back the whole channel meanwhile, then delivers', async () => {
    const { clock, transport, worker, publisher, subscribe, outbox } = setup();
    subscribe('1');
    subscribe('2');
    transport.script('1', { ok: false, kind: 'retryAfter', seconds: 7, detail: 'Too Many Requests: retry after 7' });
    const start = clock.now();
    publisher.publishArticle(article('a'));
    await worker.runUntilIdle();
    const [first, second, third] = transport.attempts;
    expect(first).toMatchObject({ chatId: '1', at: start });
    // Nothing else went out during the 7 seconds, not even to chat 2.
    expect(second!.at).toBeGreaterThanOrEqual(start + 7000);
    expect(third!.at).toBeGreaterThanOrEqual(start + 7000);
    expect(transport.sentTo('1')).toHaveLength(1);
    expect(transport.sentTo('2')).toHaveLength(1);
    expect(outbox.stats()).toMatchObject({ sent: 2, failed: 0 });
  });

  it('403 (blocked): switches the subscriber off, fails its other queued deliveries, stops retrying', async () => {
    const { transport, worker, publisher, subscribe, subscribers, outbox } = setup();
    subscribe('1');
    subscribe('2');
    transport.script('1', { ok: false, kind: 'chatGone', detail: 'Forbidden: bot was blocked by the user' });
    publisher.publishArticle(article('a'));
    publisher.publishArticle(article('b'));
    await worker.runUntilIdle();
    expect(transport.attempts.filter((attempt) => attempt.chatId === '1')).toHaveLength(1);
    expect(subscribers.find({ channel: 'telegram', chatId: '1' })!.active).toBe(false);
    expect(transport.sentTo('2')).toHaveLength(2);
    expect(outbox.stats()).toMatchObject({ sent: 2, failed: 2, pending: 0 });
    // The next article does not even queue for the blocked chat.
    expect(publisher.publishArticle(article('c'))).toBe(1);
    // Subscribing again switches it back on.
    subscribe('1');
    expect(subscribers.find({ channel: 'telegram', chatId: '1' })!.active).toBe(true);
  });

  it('5xx: retries with exponential backoff, then gives up after the last attempt', async () => {
    const { clock, transport, worker, publisher, subscribe, outbox } = setup();
    subscribe('1');
    subscribe('2');
    const serverError = { ok: false, kind: 'transient', detail: '502: Bad Gateway' } as const;
    transport.script('1', serverError, serverError, serverError);
    transport.script('2', ...Array.from({ length: 10 }, () => serverError));
    const start = clock.now();
    publisher.publishArticle(article('a'));
    await worker.runUntilIdle();
    const times = transport.attempts.filter((attempt) => attempt.chatId === '1').map((attempt) => attempt.at - start);
    expect(times).toHaveLength(4);
    // 5 s, 10 s, 20 s between tries.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(5000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(10_000);
    expect(times[3]! - times[2]!).toBeGreaterThanOrEqual(20_000);
    expect(transport.sentTo('1')).toHaveLength(1);
    expect(transport.attempts.filter((attempt) => attempt.chatId === '2')).toHaveLength(10);
    expect(outbox.stats()).toMatchObject({ sent: 1, failed: 1, pending: 0 });
  });

  it('a network error thrown by the transport is retried like a 5xx', async () => {
    const { transport, worker, publisher, subscribe } = setup();
    subscribe('1');
    let calls = 0;
    const original = transport.send.bind(transport);
    transport.send = async (chatId, message) => {
      if (calls++ === 0) throw new Error('ECONNRESET');
      return original(chatId, message);
    };
    publisher.publishArticle(article('a'));
    await worker.runUntilIdle();
    expect(transport.sentTo('1')).toHaveLength(1);
  });

  it('overall limit: 25 a second means sends at least 40 ms apart', async () => {
    const { transport, worker, publisher, subscribe } = setup();
    for (let chat = 0; chat < 60; chat++) subscribe(String(chat));
    publisher.publishArticle(article('a'));
    await worker.runUntilIdle();
    const times = transport.sent.map((sent) => sent.at);
    expect(times).toHaveLength(60);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40);
    expect((times.length - 1) / ((times.at(-1)! - times[0]!) / 1000)).toBeLessThanOrEqual(25);
  });

  it('per-chat limit: one message a second to the same chat, 20 a minute to a group', async () => {
    const { transport, worker, publisher, subscribe } = setup();
    subscribe('private');
    subscribe('-100group', '', true);
    for (let n = 0; n < 25; n++) publisher.publishArticle(article(`a${n}`));
    await worker.runUntilIdle();
    const toPrivate = transport.sentTo('private').map((sent) => sent.at);
    const toGroup = transport.sentTo('-100group').map((sent) => sent.at);
    expect(toPrivate).toHaveLength(25);
    expect(toGroup).toHaveLength(25);
    const privateGaps = toPrivate.slice(1).map((time, index) => time - toPrivate[index]!);
    expect(Math.min(...privateGaps)).toBeGreaterThanOrEqual(1000);
    // Any 21 consecutive sends to the group span more than a minute.
    for (let i = 20; i < toGroup.length; i++) expect(toGroup[i]! - toGroup[i - 20]!).toBeGreaterThanOrEqual(60_000);
    // The private chat was not held back by the group's limit.
    expect(toPrivate.at(-1)!).toBeLessThan(toGroup.at(-1)!);
  });

  it('WhatsApp pacing: 10 a minute with jitter means gaps of 6 to 9 seconds, never regular', async () => {
    const { transport, worker, publisher, subscribe } = setup({ perSecond: 10 / 60, perChatGapMs: 1000, groupPerMinute: 0, jitterMs: 3000 });
    for (let chat = 0; chat < 12; chat++) subscribe(String(chat));
    publisher.publishArticle(article('a'));
    await worker.runUntilIdle();
    const times = transport.sent.map((sent) => sent.at);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    expect(gaps).toHaveLength(11);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(6000);
      expect(gap).toBeLessThanOrEqual(9000);
    }
    expect(new Set(gaps.map(Math.round)).size).toBeGreaterThan(5);
  });

  it('a channel that is not connected keeps its deliveries queued, attempts not counted', async () => {
    const { transport, worker, publisher, subscribe, outbox } = setup(NO_LIMITS);
    subscribe('1');
    transport.script('1', ...Array.from({ length: 20 }, () => ({ ok: false, kind: 'notReady', detail: 'not connected' }) as const));
    publisher.publishArticle(article('a'));
    await worker.runUntilIdle();
    expect(transport.sentTo('1')).toHaveLength(1);
    expect(transport.attempts).toHaveLength(21);
    expect(outbox.stats()).toMatchObject({ sent: 1, failed: 0 });
  });

  it('after a crash, a delivery left "sending" is marked unknown and not sent again', async () => {
    const { transport, worker, publisher, subscribe, outbox } = setup();
    subscribe('1');
    subscribe('2');
    publisher.publishArticle(article('a'));
    // Simulate the process dying after claiming chat 1's delivery, before recording the send.
    const [first] = outbox.due('telegram', 1);
    expect(outbox.claim(first!)).toBe(true);
    expect(outbox.recoverInterrupted()).toBe(1);
    await worker.runUntilIdle();
    expect(transport.sent.map((sent) => sent.chatId)).toEqual(['2']);
    expect(outbox.stats()).toMatchObject({ sent: 1, unknown: 1, pending: 0 });
  });
});
