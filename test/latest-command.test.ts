import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../src/archive/archive-store.js';
import type { Article } from '../src/content/article.js';
import { type Reply, textReply } from '../src/conversation/messages.js';
import { renderPlain } from '../src/conversation/render-plain.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { message, seedConversation } from './helpers/conversation.js';
import { seedArticle } from './helpers/seed.js';

const story = (id: string, title: string, date?: string): Article => ({ id, title, ...(date ? { date } : {}), tags: [], body: `${title}. More details will follow.`, origin: `${id}.md` });

/** Loaded in this order, which is not the order of their dates; the seed (1 May 2025) is the newest. */
const STORIES = [
  story('football-1', 'Rovers win the football derby', '2025-03-01'),
  story('football-2', 'United sign a football striker', '2025-03-05'),
  story('rail', 'Rail strike called off', '2024-11-15'),
  story('football-3', 'Women’s football league expands', '2025-02-20'),
  story('football-4', 'Football club fined for a late kick-off'),
  story('tennis', 'Tennis star wins the open', '2025-03-06'),
  story('football-5', 'City football ground to be rebuilt', '2025-03-03'),
  story('budget', 'Budget vote delayed', '2024-12-01'),
  story('football-6', 'Football season ends with a title race', '2025-01-10'),
  story('formula', 'Formula 1 season opens in Bahrain', '2025-03-02'),
  story('football-7', 'Cup football final sold out', '2025-03-04'),
];
/** Every article, newest first; the undated one last. */
const NEWEST_FIRST = ['2025-05-01-ombudsperson-letter-to-amnesty', 'tennis', 'football-2', 'football-7', 'football-5', 'formula', 'football-1', 'football-3', 'football-6', 'budget', 'rail', 'football-4'];
const FOOTBALL_NEWEST_FIRST = ['football-2', 'football-7', 'football-5', 'football-1', 'football-3', 'football-6', 'football-4'];

const titleOf = (id: string) => [seedArticle(), ...STORIES].find((article) => article.id === id)!.title;
const listed = (reply: Reply) => reply.buttons!.map(([button]) => button!.action.replace('/open ', ''));

const dirs: string[] = [];
const archives: ArchiveStore[] = [];
afterEach(() => {
  for (const archive of archives.splice(0)) archive.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The same articles in memory (the eval, the tests) and in the on-disk archive (the bot): /latest must read both alike. */
const STORES: [string, () => KnowledgeBase][] = [
  ['in memory', () => new KnowledgeBase([seedArticle(), ...STORIES])],
  [
    'in the archive',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'latest-archive-'));
      dirs.push(dir);
      const archive = ArchiveStore.open({ dataDir: dir, memoryBytes: 16 * 1024 * 1024 });
      archives.push(archive);
      const knowledge = new KnowledgeBase([], archive);
      knowledge.upsertAll([seedArticle(), ...STORIES]);
      return knowledge;
    },
  ],
];

describe.each(STORES)('/latest with articles %s', (_store, makeKnowledge) => {
  const say = async (text: string, options: Parameters<typeof seedConversation>[0] = {}) => {
    const { conversation } = seedConversation({ knowledge: makeKnowledge(), ...options });
    return (await conversation.respond(message(text)))!;
  };

  it('bare, lists the five newest headlines with their dates, newest first, each with a button to open it', async () => {
    const reply = await say('/latest');
    expect(renderPlain(reply)).toBe(
      [
        'Latest articles:',
        `1. ${titleOf(NEWEST_FIRST[0]!)} (1 May 2025)`,
        '2. Tennis star wins the open (6 March 2025)',
        '3. United sign a football striker (5 March 2025)',
        '4. Cup football final sold out (4 March 2025)',
        '5. City football ground to be rebuilt (3 March 2025)',
      ].join('\n'),
    );
    expect(listed(reply)).toEqual(NEWEST_FIRST.slice(0, 5));
  });

  it('"/latest 3" lists exactly the three newest', async () => {
    const reply = await say('/latest 3');
    expect(renderPlain(reply)).toMatch(/^Latest articles:\n1\. Azerbaijan's Ombudsperson .* \(1 May 2025\)\n2\. Tennis star wins the open \(6 March 2025\)\n3\. United sign a football striker \(5 March 2025\)$/);
    expect(listed(reply)).toEqual(NEWEST_FIRST.slice(0, 3));
  });

  it('a count past the maximum lists ten and says it lists at most ten', async () => {
    const reply = await say('/latest 50');
    expect(renderPlain(reply)).toMatch(/^I list at most 10 at a time\.\nLatest articles:\n1\. /);
    expect(listed(reply)).toEqual(NEWEST_FIRST.slice(0, 10));
  });

  it('a topic lists the newest articles about it, the undated last, and says how many there are in all', async () => {
    const five = await say('/latest football');
    expect(renderPlain(five)).toMatch(/^Latest articles about “football” \(5 of 7\):\n1\. United sign a football striker \(5 March 2025\)\n2\. Cup football final/);
    expect(listed(five)).toEqual(FOOTBALL_NEWEST_FIRST.slice(0, 5));
    const all = await say('/latest 10 football');
    expect(renderPlain(all)).toMatch(/^Only 7 articles are about “football”\.\nLatest articles about “football”:\n/);
    expect(renderPlain(all)).toMatch(/\n7\. Football club fined for a late kick-off$/);
    expect(listed(all)).toEqual(FOOTBALL_NEWEST_FIRST);
  });

  it('a topic is matched as /subscribe matches it: typos corrected, and a number after a word is part of the topic', async () => {
    const typo = await say('/latest 2 footbal');
    expect(renderPlain(typo)).toMatch(/^Latest articles about “football” \(2 of 7\):/);
    expect(listed(typo)).toEqual(FOOTBALL_NEWEST_FIRST.slice(0, 2));
    const formula = await say('/latest formula 1');
    expect(renderPlain(formula)).toBe('Latest articles about “formula 1”:\n1. Formula 1 season opens in Bahrain (2 March 2025)');
  });
});

describe('/latest US', () => {
  it('finds the articles that say "US" and names the topic as the reader wrote it, not as it is stored ("usa")', async () => {
    const knowledge = new KnowledgeBase([story('trade', 'US trade deficit widens', '2025-03-01'), story('rail', 'Rail strike called off', '2024-11-15')]);
    const reply = renderPlain((await seedConversation({ knowledge }).conversation.respond(message('/latest US')))!);
    expect(reply).toBe('Latest articles about “US”:\n1. US trade deficit widens (1 March 2025)');
  });
});

describe('/latest, told what it cannot do', () => {
  const say = async (text: string, options: Parameters<typeof seedConversation>[0] = {}) => renderPlain((await seedConversation(options).conversation.respond(message(text)))!);

  it('more than there are: lists them all and says there are only that many', async () => {
    expect(await say('/latest 10')).toMatch(/^I have only 1 article\.\nLatest articles:\n1\. Azerbaijan's Ombudsperson .* \(1 May 2025\)$/);
  });

  it.each(['-3', '0', '2.5', '+0'])('"/latest %s" is not a count: says what a count is and how to use /latest, and lists nothing', async (count) => {
    const reply = await say(`/latest ${count}`);
    expect(reply).toBe(`I can't list “${count}” articles: a count is a whole number from 1 to 10. Send /latest for the newest headlines, /latest 3 for three of them (up to 10), or /latest <topic> for the newest about a topic.`);
  });

  it('a topic no article is about: says so and offers the newest headlines, and /subscribe when the bot has subscriptions', async () => {
    const { conversation } = seedConversation();
    const reply = (await conversation.respond(message('/latest xyzzy')))!;
    expect(renderPlain(reply)).toBe('I have no articles about “xyzzy”. Try another word from the news, or send /latest for the newest headlines.');
    expect(reply.buttons).toEqual([[{ label: 'Latest articles', action: '/latest' }]]);
    const subscriptions = { available: true, handle: async () => textReply('subscribed') };
    expect(await say('/latest xyzzy', { subscriptions })).toBe('I have no articles about “xyzzy”. Send /subscribe xyzzy to get them here as they are published, or /latest for the newest headlines.');
  });

  it('a topic with nothing to read in it, or too long, is refused with how to use /latest', async () => {
    expect(await say('/latest ???')).toMatch(/^I couldn't read a topic in “\?\?\?”\. Send \/latest for the newest headlines/);
    expect(await say(`/latest ${'word '.repeat(30)}`)).toMatch(/^That topic is too long \(149 characters; a topic can be at most 100\)/);
  });

  it('/help shows the count and the topic /latest takes', async () => {
    expect(await say('/help')).toMatch(/^\/latest \[number\] \[topic\] – the newest headlines \(up to 10\), or the newest about a topic$/m);
  });
});
