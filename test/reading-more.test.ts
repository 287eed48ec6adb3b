import { describe, expect, it } from 'vitest';
import type { Article } from '../src/content/article.js';
import type { Reply } from '../src/conversation/messages.js';
import { READING_PART_CHARS } from '../src/conversation/reading-parts.js';
import { renderPlain } from '../src/conversation/render-plain.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { message, seedConversation } from './helpers/conversation.js';
import { seedArticle } from './helpers/seed.js';

const SEED_TITLE = "Azerbaijan's Ombudsperson sends open letter of protest to Amnesty International";
const END = "That's the end of the article. Send /latest for other articles, or ask me anything about it.";
/** The last words of every sentence of the seed article. */
const SEED_SENTENCE_ENDS = [
  'Office told Trend.',
  'the field of human rights.',
  'of civil society representatives.',
  'Armenia since 1987.',
  'places of residence is emphasized.',
  'the First Karabakh War.',
  'to human rights issues.',
  'and health status.',
  'investigations with the public.',
  'objective and verified facts.',
];

const LONG_PARAGRAPH_SENTENCES = 30;
/** A one-paragraph article far longer than a part: it must be split between sentences. */
const LONG_PARAGRAPH: Article = {
  id: 'long-paragraph',
  title: 'Harbour works go on through the winter',
  date: '2025-06-01',
  tags: [],
  body: Array.from({ length: LONG_PARAGRAPH_SENTENCES }, (_, index) => `Crane number ${index + 1} lifted another load of stone onto the new pier today.`).join(' '),
  origin: 'long-paragraph.md',
};

function chat(knowledge?: KnowledgeBase) {
  const { conversation } = seedConversation(knowledge ? { knowledge } : {});
  return async (text: string, chatId = 'chat-1'): Promise<Reply> => (await conversation.respond(message(text, { chatId })))!;
}

/** "more" until the bot says the article has ended; each reply as the user sees it. */
async function readToTheEnd(say: (text: string) => Promise<Reply>, first: string): Promise<string[]> {
  const replies = [renderPlain(await say(first))];
  while (!replies.at(-1)!.endsWith(END) && replies.length < 20) replies.push(renderPlain(await say('more')));
  return replies;
}

describe('"more" reads on through the article under discussion', () => {
  it('each "more" gives the next part, every sentence once and in order, and the last part says it is the end', async () => {
    const say = chat();
    await say('who wrote the letter');
    const replies = await readToTheEnd(say, 'tell me more');
    expect(replies.length).toBeGreaterThan(2);
    expect(replies[0]).toMatch(new RegExp(`^${SEED_TITLE}\nPublished by Trend News Agency on 1 May 2025, filed from Baku, Azerbaijan.\nThe Commissioner`));
    replies.slice(1).forEach((reply) => expect(reply).not.toContain(SEED_TITLE));
    replies.slice(0, -1).forEach((reply, index) => expect(reply).toMatch(new RegExp(`\nPart ${index + 1} of ${replies.length}\\. Say “more” to read on\\.$`)));
    const whole = replies.join('\n');
    const positions = SEED_SENTENCE_ENDS.map((end) => whole.indexOf(end));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    SEED_SENTENCE_ENDS.forEach((end) => expect(whole.split(end).length - 1, end).toBe(1));
    // Reading on is reading the article: its sentences as it writes them, not reworded.
    expect(whole).toContain('The letter also mentioned the serious threats to human rights');
    expect(whole.split('According to the letter').length - 1).toBe(1);
  });

  it('"more" after /open goes on after the headline and lede it showed, every sentence once', async () => {
    const say = chat();
    const opened = renderPlain(await say(`/open ${seedArticle().id}`));
    expect(opened).toContain('Office told Trend.');
    const replies = await readToTheEnd(say, 'more');
    const whole = [opened, ...replies].join('\n');
    expect(replies[0]).not.toContain(SEED_TITLE);
    SEED_SENTENCE_ENDS.forEach((end) => expect(whole.split(end).length - 1, end).toBe(1));
  });

  it('/source after /open starts again from the headline, the publisher and the lede', async () => {
    const say = chat();
    await say(`/open ${seedArticle().id}`);
    expect(renderPlain(await say('/source'))).toMatch(new RegExp(`^${SEED_TITLE}\nPublished by Trend News Agency on 1 May 2025, filed from Baku, Azerbaijan.\nThe Commissioner`));
  });

  it('"more" after /open of a one-sentence article says it has ended', async () => {
    const oneLiner: Article = { id: 'one-liner', title: 'Ferry resumes', date: '2025-06-02', tags: [], body: 'The ferry to Baku resumed on Monday.', origin: 'one-liner.md' };
    const say = chat(new KnowledgeBase([oneLiner]));
    await say('/open one-liner');
    expect(renderPlain(await say('more'))).toMatch(/^That's the end of “Ferry resumes”/);
  });

  it('"more", "go on", "/more" and the "Read more" button all continue; after the end it says so again and offers /latest', async () => {
    const say = chat();
    const answer = await say('who wrote the letter');
    const readMore = answer.buttons!.flat().find((button) => button.label === 'Read more')!;
    const parts = [renderPlain(await say(readMore.action)), renderPlain(await say('go on')), renderPlain(await say('/more')), renderPlain(await say('more'))];
    expect(parts.map((part) => /Part (\d) of/.exec(part)?.[1] ?? 'end')).toEqual(['1', '2', '3', 'end']);
    expect(parts[3]).toMatch(new RegExp(`${END}$`));
    const after = await say('more');
    expect(renderPlain(after)).toBe(`That's the end of “${SEED_TITLE}”. Send /latest for other articles, or /source to read it again from the start.`);
    expect(after.buttons!.flat().map((button) => button.action)).toEqual(['/latest', '/source']);
  });

  it('small talk keeps the place; a new question starts the article again from the top', async () => {
    const say = chat();
    await say('more');
    await say('thanks');
    expect(renderPlain(await say('more'))).toMatch(/Part 2 of/);
    await say('who is sabina aliyeva');
    expect(renderPlain(await say('more'))).toMatch(new RegExp(`^${SEED_TITLE}\n[\\s\\S]*Part 1 of`));
    expect(renderPlain(await say('more'))).toMatch(/Part 2 of/);
    // A question the articles can't answer is a new question too.
    expect(renderPlain(await say('what did the mayor of paris say about bicycles'))).toMatch(/^I couldn't find/);
    expect(renderPlain(await say('more'))).toMatch(new RegExp(`^${SEED_TITLE}\n[\\s\\S]*Part 1 of`));
  });

  it('another article starts from its beginning, and each chat keeps its own place', async () => {
    const say = chat(new KnowledgeBase([seedArticle(), LONG_PARAGRAPH]));
    await say(`/open ${seedArticle().id}`);
    await say('more');
    expect(renderPlain(await say('more'))).toMatch(/Part 2 of/);
    expect(renderPlain(await say('more', 'other-chat'))).toMatch(/^Harbour works go on through the winter\n[\s\S]*Part 1 of/);
    await say('/open long-paragraph');
    // /open showed the headline and the first sentence: "more" goes on from the second.
    expect(renderPlain(await say('more'))).toMatch(/^Crane number 2 lifted[\s\S]*Part 1 of/);
  });

  it('a paragraph longer than a part is split between sentences, never inside one; an article with no publisher says when it was published in a sentence', async () => {
    const say = chat(new KnowledgeBase([LONG_PARAGRAPH]));
    const replies = await readToTheEnd(say, 'more');
    expect(replies[0]).toMatch(/^Harbour works go on through the winter\nPublished on 1 June 2025\.\nCrane number 1 /);
    // A dateline alone opens its line.
    const undated: Article = { ...LONG_PARAGRAPH, dateline: 'Baku, Azerbaijan' };
    delete undated.date;
    const filed = chat(new KnowledgeBase([undated]));
    expect(renderPlain(await filed('more'))).toMatch(/^Harbour works go on through the winter\nFiled from Baku, Azerbaijan\.\nCrane number 1 /);
    expect(replies.length).toBeGreaterThan(2);
    const texts = replies.map((reply) => reply.split('\n').filter((line) => line.startsWith('Crane'))).map((lines) => lines.join(' '));
    texts.forEach((text) => {
      // The budget counts the sentences, not the spaces between them.
      expect(text.length).toBeLessThanOrEqual(READING_PART_CHARS + LONG_PARAGRAPH_SENTENCES);
      expect(text).toMatch(/^Crane number \d+ lifted .*today\.$/);
    });
    expect(texts.join(' ').match(/Crane number \d+/g)).toEqual(Array.from({ length: LONG_PARAGRAPH_SENTENCES }, (_, index) => `Crane number ${index + 1}`));
  });
});
