import { afterEach, describe, expect, it } from 'vitest';
import { buildKnowledge } from '../src/knowledge/article-knowledge.js';
import { renderPlain } from '../src/conversation/render-plain.js';
import type { Reply } from '../src/conversation/messages.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { PushService } from '../src/push/push-service.js';
import { SubscriptionCommandHandler } from '../src/push/subscription-commands.js';
import { normalizeTopic, topicMatches, topicTermsOf } from '../src/push/topics.js';
import type { Db } from '../src/store/database.js';
import { message, seedConversation } from './helpers/conversation.js';
import { NO_LIMITS } from '../src/push/rate-limiter.js';
import { ManualClock, RecordingTransport, tempDb } from './helpers/push.js';
import { bbcArticles, HAS_CORPUS, memoryLogger, NEEDS_CORPUS, seedArticle } from './helpers/seed.js';

describe('topics', () => {
  const seed = topicTermsOf(buildKnowledge(seedArticle()));
  const [football] = bbcArticles('sport', 1).map(buildKnowledge);

  it.each(['azerbaijan', 'Azerbaijan', 'cop29', 'COP29', 'amnesty international', 'callamard', 'Agnès Callamard', 'ombudsperson', 'human rights'])(
    'the seed article matches “%s” (headline, tags, entities)',
    (topic) => expect(topicMatches(normalizeTopic(topic), seed)).toBe(true),
  );

  it.each(['azerbijan', 'amnesti', 'ombudsprson'])('typos still match: “%s”', (topic) => expect(topicMatches(normalizeTopic(topic), seed)).toBe(true));

  it.each(['football', 'elections', 'apple iphone', 'cop'])('an unrelated topic does not match: “%s”', (topic) => expect(topicMatches(normalizeTopic(topic), seed)).toBe(false));

  it('a topic is corrected towards the vocabulary of the articles', () => {
    const knowledge = new KnowledgeBase([seedArticle()]);
    expect(normalizeTopic('Azerbijan', knowledge.vocabulary)).toBe('azerbaijan');
    expect(normalizeTopic('  COP29!! ', knowledge.vocabulary)).toBe('cop29');
  });

  it.skipIf(!HAS_CORPUS)(`every real BBC article matches words of its own headline, and not the seed topics${NEEDS_CORPUS}`, () => {
    const terms = topicTermsOf(football!);
    const headlineWord = football!.article.title.split(/\s+/).find((word) => word.length > 4)!;
    expect(topicMatches(normalizeTopic(headlineWord), terms)).toBe(true);
    expect(topicMatches('azerbaijan', terms)).toBe(false);
  });
});

describe('subscription commands in the conversation', () => {
  let db: Db;
  afterEach(() => db?.close());

  function setup(admins: string[] = []) {
    ({ db } = tempDb());
    const { logger, lines } = memoryLogger();
    const push = new PushService({ db, clock: new ManualClock(), logger, channelPosts: [] });
    const knowledge = new KnowledgeBase([seedArticle()]);
    const handler = new SubscriptionCommandHandler({
      subscribers: push.subscribers,
      outbox: push.outbox,
      publisher: push.publisher,
      knowledge,
      admins: new Set(admins),
      logger,
    });
    const { conversation } = seedConversation({ subscriptions: handler });
    const say = async (text: string, extra = {}) => renderPlain((await conversation.respond(message(text, extra))) as Reply);
    const reply = async (text: string, extra = {}) => (await conversation.respond(message(text, extra))) as Reply;
    return { push, say, reply, lines, knowledge };
  }

  it('/subscribe, /subscriptions and /unsubscribe, with buttons', async () => {
    const { say, reply, push } = setup();
    expect(await say('/subscribe')).toMatch(/^Done! You'll get every new article here/);
    expect(await say('/subscribe')).toMatch(/^You already get every new article here/);
    expect(await say('/subscribe azerbijan')).toMatch(/^Done! You'll get new articles about “azerbaijan” here.*\n1 article I have now is about it/s);
    const list = await reply('/subscriptions');
    expect(renderPlain(list)).toBe('This chat gets: every new article; articles about “azerbaijan”.');
    expect(list.buttons!.flat().map((button) => button.action)).toEqual(['/unsubscribe all', '/unsubscribe azerbaijan', '/unsubscribe all']);
    expect(await say('/unsubscribe azerbaijan')).toMatch(/^Done: no more articles about “azerbaijan”. You still get: every new article./);
    expect(await say('/unsubscribe cop29')).toMatch(/^You don't follow “cop29”/);
    expect(await say('/unsubscribe')).toMatch(/^Done: you won't get any more articles here/);
    expect(await say('/subscriptions')).toMatch(/^This chat has no subscriptions/);
    expect(push.subscribers.find({ channel: 'test', chatId: 'chat-1' })!.topics).toEqual([]);
  });

  it('bare words and "how do I stay up to date" lead to the same commands', async () => {
    const { say } = setup();
    expect(await say('how do i stay up to date?')).toMatch(/Send \/subscribe to get every new article here.*\n.*Trend News Agency also says: “Stay up-to-date/s);
    expect(await say('subscribe')).toMatch(/^Done! You'll get every new article here/);
    expect(await say('subscriptions')).toMatch(/^This chat gets: every new article/);
    expect(await say('unsubscribe')).toMatch(/^Done: you won't get any more articles here/);
    expect(await say('/help')).toMatch(/\/subscribe \[topic\]/);
  });

  it('subscriptions survive a restart (they live in the database)', async () => {
    const { say, push } = setup();
    await say('/subscribe cop29');
    const again = new PushService({ db, clock: new ManualClock(), logger: memoryLogger().logger, channelPosts: [] });
    expect(again.subscribers.find({ channel: 'test', chatId: 'chat-1' })!.topics).toEqual(['cop29']);
    expect(push.subscribers.countsByChannel()).toEqual({ test: 1 });
  });

  it('nothing is queued for a channel this bot does not run (no flood of stale news when it is switched back on)', async () => {
    const { say, push } = setup();
    push.addTransport(new RecordingTransport('test', new ManualClock()), NO_LIMITS);
    await say('/subscribe');
    await say('/subscribe', { channel: 'whatsapp', chatId: '994501111111@c.us' });
    expect(push.publisher.publishArticle(buildKnowledge({ id: 'n', title: 'News', tags: [], body: 'Something happened.', origin: 'n.md' }))).toBe(1);
  });

  it('a topic over 100 characters and a 51st topic are refused, each naming the limit; nothing is cut short silently', async () => {
    const { say, push, lines } = setup();
    expect(await say(`/subscribe ${'azerbaijan '.repeat(300)}`)).toMatch(/^That topic is too long \(3299 characters; a topic can be at most 100\)/);
    expect(push.subscribers.find({ channel: 'test', chatId: 'chat-1' })).toBeUndefined();
    for (let topic = 1; topic <= 50; topic++) expect(await say(`/subscribe topic${topic}`)).toMatch(/^Done!/);
    expect(await say('/subscribe topic51')).toMatch(/^This chat already follows 50 topics, the most a chat can have \(50\)/);
    expect(lines.filter((line) => typeof line.msg === 'string' && line.msg.startsWith('subscription refused')).map((line) => [line.msg, line.limit])).toEqual([
      ['subscription refused: topic too long', 100],
      ['subscription refused: too many topics', 50],
    ]);
    expect(await say('/subscribe topic7')).toMatch(/^You already get new articles about “topic7”/);
    expect(await say('/subscribe')).toMatch(/^Done! You'll get every new article here/);
    expect(push.subscribers.find({ channel: 'test', chatId: 'chat-1' })!.topics).toHaveLength(51);
    // Another chat has its own 50.
    expect(await say('/subscribe topic51', { chatId: 'chat-2' })).toMatch(/^Done!/);
  });

  it('a 10,000-character /subscribe gets a reply about commands, not about questions', async () => {
    const { say } = setup();
    expect(await say(`/subscribe ${'x'.repeat(10_000)}`)).toBe('That command is too long (10011 characters; a command can be at most 4096). Send /help to see the commands.');
  });

  it('an unreadable topic gets a clear answer', async () => {
    const { say } = setup();
    expect(await say('/subscribe 🎉🎉')).toMatch(/^I couldn't read a topic in “🎉🎉”/);
  });

  it('/stats and /broadcast: refused and logged for anyone but an admin', async () => {
    const { say, lines } = setup();
    expect(await say('/stats')).toMatch(/not allowed/);
    expect(await say('/broadcast hello')).toMatch(/not allowed/);
    expect(lines.filter((line) => line.msg === 'admin command refused: not an admin')).toHaveLength(2);
    expect(lines.find((line) => line.msg === 'admin command refused: not an admin')).toMatchObject({ userId: 'test:user-1', command: 'stats' });
  });

  it('/stats and /broadcast work for an admin', async () => {
    const { say, push, knowledge } = setup(['test:user-1']);
    for (const channel of ['test', 'other']) push.addTransport(new RecordingTransport(channel, new ManualClock()), NO_LIMITS);
    await say('/subscribe');
    await say('/subscribe', { chatId: 'chat-2' });
    await say('/subscribe', { chatId: 'chat-3', channel: 'other' });
    push.publisher.publishArticle(buildKnowledge({ id: 'new', title: 'New one', tags: [], body: 'A new thing happened.', origin: 'new.md' }));
    expect(await say('/stats')).toBe(
      [
        'Subscribers: other 1, test 2.',
        'Deliveries: 3 pending, 0 sending, 0 sent, 0 failed.',
        'Last published: “New one” at 2025-05-01T12:00:00Z.',
        `Articles loaded: ${knowledge.size}.`,
      ].join('\n'),
    );
    expect(await say('/broadcast')).toMatch(/^Usage: \/broadcast <text>/);
    expect(await say(`/broadcast ${'x'.repeat(3001)}`)).toBe('That announcement is too long (3001 characters; at most 3000).');
    expect(await say('/broadcast Maintenance tonight at 22:00')).toBe('Queued for 3 subscribers. /stats shows how delivery goes.');
    expect(push.outbox.stats().pending).toBe(6);
  });
});
