import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../src/content/article.js';
import { FeedPoller } from '../src/feeds/feed-poller.js';
import { parseFeed } from '../src/feeds/feed-reader.js';
import { FeedStore } from '../src/feeds/feed-store.js';
import { openDatabase } from '../src/store/database.js';
import { tempDataDir } from './helpers/push.js';
import { memoryLogger } from './helpers/seed.js';

const item = (n: number, extra = '') => `
  <item>
    <title>Story number ${n}</title>
    <link>https://news.example/story-${n}</link>
    <guid isPermaLink="false">story-${n}${extra}</guid>
    <pubDate>Fri, 0${n} May 2025 09:00:00 GMT</pubDate>
    <description><![CDATA[<p>Lead of story ${n}: 12 people met in Baku.</p><p>Second paragraph &amp; more.</p>]]></description>
  </item>`;
const rss = (...items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title><link>https://news.example</link>${items.join('')}</channel></rss>`;
const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
  <entry><title>Atom story</title><link href="https://atom.example/1"/><id>urn:atom:1</id><updated>2025-05-04T08:00:00Z</updated>
  <content type="html">&lt;p&gt;Text of the atom story.&lt;/p&gt;</content></entry></feed>`;

describe('RSS/Atom parsing', () => {
  it('reads RSS items: headline, link, guid, date, text with paragraphs and entities decoded', () => {
    const feed = parseFeed(rss(item(1)));
    expect(feed.title).toBe('Example News');
    expect(feed.entries[0]).toMatchObject({ title: 'Story number 1', link: 'https://news.example/story-1', guid: 'story-1' });
    expect(feed.entries[0]!.published).toMatch(/^2025-05-01/);
  });

  it('reads Atom entries', () => {
    expect(parseFeed(atom).entries[0]).toMatchObject({ title: 'Atom story', link: 'https://atom.example/1', guid: 'urn:atom:1' });
  });

  it.each([['<html><body>not a feed</body></html>'], ['<<< not xml'], ['']])('rejects what is not a feed: %j', (text) => {
    expect(() => parseFeed(text)).toThrow();
  });
});

describe('feed poller (local HTTP server)', () => {
  let server: Server;
  let base: string;
  const responses = new Map<string, { status: number; body: string }>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      const reply = responses.get(request.url ?? '') ?? { status: 404, body: 'not found' };
      response.writeHead(reply.status, { 'content-type': 'application/rss+xml' }).end(reply.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  function poller(url: string, dataDir: string) {
    const db = openDatabase(dataDir);
    const { logger, lines } = memoryLogger();
    const arrived: { article: Article; isNew: boolean }[] = [];
    const store = new FeedStore(db);
    const feedPoller = new FeedPoller({ urls: [url], intervalMs: 1000, store, logger, onArticle: (article, isNew) => arrived.push({ article, isNew }) });
    return { feedPoller, arrived, lines, db, store };
  }

  it('first reading is the backlog (answerable, not pushed); later items are new; duplicates by guid or link are ignored, across restarts', async () => {
    const dataDir = tempDataDir();
    responses.set('/rss', { status: 200, body: rss(item(2), item(1)) });
    const first = poller(`${base}/rss`, dataDir);
    expect(await first.feedPoller.pollAll()).toBe(2);
    expect(first.arrived.map(({ article, isNew }) => [article.title, isNew])).toEqual([
      ['Story number 1', false],
      ['Story number 2', false],
    ]);
    const [story1] = first.arrived;
    expect(story1!.article).toMatchObject({ date: '2025-05-01', url: 'https://news.example/story-1', source: 'Example News' });
    expect(story1!.article.body).toBe('Lead of story 1: 12 people met in Baku.\n\nSecond paragraph & more.');

    responses.set('/rss', { status: 200, body: rss(item(3), item(2), item(1)) });
    expect(await first.feedPoller.pollAll()).toBe(1);
    expect(first.arrived.at(-1)).toMatchObject({ article: { title: 'Story number 3' }, isNew: true });
    first.db.close();

    // After a restart: the same items, one with a new guid but the same link, add nothing.
    responses.set('/rss', { status: 200, body: rss(item(3, '-v2'), item(2), item(1)) });
    const second = poller(`${base}/rss`, dataDir);
    expect(await second.feedPoller.pollAll()).toBe(0);
    expect(second.store.articles().map((article) => article.title)).toEqual(['Story number 1', 'Story number 2', 'Story number 3']);
    second.db.close();
  });

  it('a feed that is down or malformed is logged and read again next round; it never throws', async () => {
    const { feedPoller, arrived, lines, db } = poller(`${base}/flaky`, tempDataDir());
    responses.set('/flaky', { status: 503, body: 'down' });
    expect(await feedPoller.pollAll()).toBe(0);
    responses.set('/flaky', { status: 200, body: '<rss><channel><item><title>broken' });
    expect(await feedPoller.pollAll()).toBe(0);
    const failures = lines.filter((line) => line.msg === 'feed not read; will try again next round');
    expect(failures.map((line) => [line.reason, line.failures])).toEqual([
      ['HTTP 503', 1],
      [expect.stringMatching(/well-formed|feed/), 2],
    ]);
    responses.set('/flaky', { status: 200, body: atom });
    expect(await feedPoller.pollAll()).toBe(1);
    expect(arrived[0]!.article.title).toBe('Atom story');
    expect(lines.some((line) => line.msg === 'feed readable again')).toBe(true);
    db.close();
  });

  it('a feed over 5 MB is refused with a log line, not read into memory as news', async () => {
    const { feedPoller, lines, db } = poller(`${base}/huge`, tempDataDir());
    responses.set('/huge', { status: 200, body: rss(item(1)).replace('</channel>', `<!-- ${'x'.repeat(6 * 1024 * 1024)} --></channel>`) });
    expect(await feedPoller.pollAll()).toBe(0);
    expect(lines.find((line) => line.msg === 'feed not read; will try again next round')).toMatchObject({ reason: 'feed larger than 5242880 bytes' });
    db.close();
  });

  it('an unreachable host is a logged failure too', async () => {
    const { feedPoller, lines, db } = poller('http://127.0.0.1:1/feed', tempDataDir());
    expect(await feedPoller.pollAll()).toBe(0);
    expect(lines.some((line) => line.msg === 'feed not read; will try again next round')).toBe(true);
    db.close();
  });
});
