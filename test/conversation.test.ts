import { describe, expect, it } from 'vitest';
import { renderPlain } from '../src/conversation/render-plain.js';
import { Answerer } from '../src/answer/answerer.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import type { SubscriptionCommands } from '../src/conversation/conversation.js';
import { message, seedConversation } from './helpers/conversation.js';

describe('Conversation', () => {
  it('answers a question with the answer, the supporting quote, the source and follow-up buttons', async () => {
    const { conversation } = seedConversation();
    const reply = (await conversation.respond(message('who wrote the letter')))!;
    expect(reply.blocks.map((block) => block.kind)).toEqual(['answer', 'quote', 'source']);
    expect(renderPlain(reply)).toMatch(/^Sabina Aliyeva, the Commissioner[\s\S]*Source: Azerbaijan's Ombudsperson sends open letter of protest to Amnesty International \(Trend News Agency, 1 May 2025\)$/);
    expect(reply.buttons!.flat().map((button) => button.label)).toEqual(['Who?', 'When?', 'Claims', 'Read more']);
  });

  it('unsure, it says it found no sure answer and shows the closest passage with its source, without buttons to follow it up', async () => {
    const { conversation } = seedConversation();
    const reply = (await conversation.respond(message('why did the ombudsperson write to amnesty')))!;
    expect(reply.blocks.map((block) => block.kind)).toEqual(['text', 'quote', 'source']);
    expect(renderPlain(reply)).toMatch(/^I couldn't find a sure answer to that\. The closest the articles come:\n.*Agnès Callamard[\s\S]*\nSource: Azerbaijan's Ombudsperson/);
    expect(reply.buttons).toBeUndefined();
    // The chat goes on about the passage shown: "she" is the woman it names first, the ombudsperson asked about.
    expect(renderPlain((await conversation.respond(message('who is she?')))!)).toMatch(/^Sabina Aliyeva is/);
  });

  it('keeps follow-up context per chat, not globally', async () => {
    const { conversation } = seedConversation();
    await conversation.respond(message('who wrote the letter', { chatId: 'a' }));
    await conversation.respond(message('to whom was the letter addressed?', { chatId: 'b' }));
    const a = renderPlain((await conversation.respond(message('who is she?', { chatId: 'a' })))!);
    const b = renderPlain((await conversation.respond(message('who is she?', { chatId: 'b' })))!);
    expect(a).toMatch(/^Sabina Aliyeva is/);
    expect(b).toMatch(/^Agnès Callamard is/);
  });

  it.each([
    ['empty', '   ', /Send me a question/],
    ['emoji only', '😀😀🎉', /Send me a question/],
    ['a 100 KB message', 'x'.repeat(100_000), /too long for me \(100000 characters\)/],
    ['markup', '<b>who</b> wrote the <i>letter</i>?', /Sabina Aliyeva/],
    ['chat formatting', '*who* wrote _the letter_?', /Sabina Aliyeva/],
    ['a greeting', 'hello', /I answer questions about the news/],
  ])('handles %s with a clear answer', async (_name, text, expected) => {
    const { conversation } = seedConversation();
    const started = performance.now();
    const reply = await conversation.respond(message(text));
    expect(renderPlain(reply!)).toMatch(expected);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('answers non-text messages politely', async () => {
    const { conversation, lines } = seedConversation();
    expect(renderPlain((await conversation.respond(message(undefined)))!)).toMatch(/I can only read text/);
    expect(lines.some((line) => line.msg === 'non-text message' && line.mediaKind === 'sticker')).toBe(true);
  });

  it('in groups answers commands and messages addressed to it, and ignores other chatter', async () => {
    const { conversation } = seedConversation();
    expect(await conversation.respond(message('who wrote the letter', { isGroup: true, addressedToBot: false }))).toBeNull();
    expect(await conversation.respond(message('who wrote the letter', { isGroup: true, addressedToBot: true }))).not.toBeNull();
    expect(await conversation.respond(message('/help', { isGroup: true, addressedToBot: false }))).not.toBeNull();
  });

  it('flood control: one "slow down", then silence until the window passes, per user', async () => {
    let now = 0;
    const { conversation } = seedConversation({ floodLimit: 3, now: () => now });
    for (let i = 0; i < 3; i++) expect(await conversation.respond(message('hello'))).not.toBeNull();
    expect(renderPlain((await conversation.respond(message('hello')))!)).toMatch(/faster than I can read/);
    expect(await conversation.respond(message('hello'))).toBeNull();
    expect(await conversation.respond(message('hello', { userId: 'someone-else' }))).not.toBeNull();
    now += 60_001;
    expect(await conversation.respond(message('hello'))).not.toBeNull();
  });

  it('commands: /start, /start <id>, /latest, /open, /about, /claims, /source, /help, unknown', async () => {
    const { conversation, knowledge } = seedConversation();
    const id = knowledge.all()[0]!.article.id;
    const start = (await conversation.respond(message('/start')))!;
    expect(renderPlain(start)).toMatch(/from 1 article; the latest is “Azerbaijan's Ombudsperson/);
    expect(start.buttons![0]![0]!.action).toBe(`/open ${id}`);
    expect(renderPlain((await conversation.respond(message(`/start ${id}`)))!)).toMatch(/Ask me anything about it/);
    expect(renderPlain((await conversation.respond(message('/latest')))!)).toMatch(/1\. Azerbaijan's Ombudsperson .* \(1 May 2025\)/);
    expect(renderPlain((await conversation.respond(message('/about')))!)).toMatch(/open letter of protest/);
    expect(renderPlain((await conversation.respond(message('/claims')))!)).toMatch(/According to the letter/);
    expect(renderPlain((await conversation.respond(message('/source')))!)).toMatch(/Published by Trend News Agency on 1 May 2025, filed from Baku, Azerbaijan/);
    expect(renderPlain((await conversation.respond(message('/help')))!)).toMatch(/\/claims/);
    expect(renderPlain((await conversation.respond(message('/frobnicate')))!)).toMatch(/I don't know the command \/frobnicate/);
    expect(renderPlain((await conversation.respond(message('/start no-such-article')))!)).toMatch(/I answer questions about the news/);
  });

  it('a channel without buttons opens a listed headline by its number, and the list stays for the next', async () => {
    const knowledge = new KnowledgeBase([
      { id: 'older', title: 'Older story', date: '2025-04-01', tags: [], body: 'The older story is about rain.', origin: 'older.md' },
      { id: 'newer', title: 'Newer story', date: '2025-04-02', tags: [], body: 'The newer story is about sun.', origin: 'newer.md' },
    ]);
    const { conversation } = seedConversation({ knowledge });
    expect(renderPlain((await conversation.respond(message('/open 1')))!)).toMatch(/^There is no headline 1 in the last list/);
    expect(renderPlain((await conversation.respond(message('/open')))!)).toMatch(/^Send \/open and a headline's number/);
    // Headlines asked for in words, on a topic or not; a question that names a topic is still a question.
    expect(renderPlain((await conversation.respond(message("what's new?")))!)).toMatch(/^Latest articles:\n1\. Newer story/);
    expect(renderPlain((await conversation.respond(message('any news about older stories?')))!)).toMatch(/^Latest articles about “older stor(?:y|ies)”:\n1\. Older story/);
    expect(renderPlain((await conversation.respond(message('any news on who won the league?')))!)).not.toMatch(/^Latest articles/);
    // A kind of news is no topic; a topic no headline is about is asked of the articles instead.
    expect(renderPlain((await conversation.respond(message('any breaking news?')))!)).toMatch(/^Latest articles:\n1\. Newer story/);
    expect(renderPlain((await conversation.respond(message('any news on the rain?')))!)).not.toMatch(/I have no articles about/);
    expect(renderPlain((await conversation.respond(message('/latest')))!)).toMatch(/1\. Newer story[\s\S]*2\. Older story/);
    expect(renderPlain((await conversation.respond(message('/open 2')))!)).toMatch(/^Older story\nThe older story is about rain/);
    await conversation.respond(message('what is the story about?'));
    await conversation.respond(message('more'));
    expect(renderPlain((await conversation.respond(message('/open 1')))!)).toMatch(/^Newer story/);
    // An article whose id is a number opens by its id, as its button asks.
    const numbered = seedConversation({ knowledge: new KnowledgeBase([{ id: '7', title: 'Seventh story', date: '2025-04-03', tags: [], body: 'The seventh story.', origin: '7.md' }]) });
    expect(renderPlain((await numbered.conversation.respond(message('/open 7')))!)).toMatch(/^Seventh story/);
    expect(renderPlain((await conversation.respond(message('/help')))!)).toMatch(/\/open <number>/);
    // A refusal in a chat with no story names no article: the newest is not what was asked about.
    const fresh = renderPlain((await conversation.respond(message('who won the cup final?', { chatId: 'fresh' })))!);
    expect(fresh).toMatch(/^I couldn't find that in the articles I have\.\nTry other words, or send \/latest for the headlines\.$/);
    expect(fresh).not.toMatch(/Newer story/);
    // Nor does one that names what the chat's story doesn't hold; a question it could answer still names it.
    await conversation.respond(message('/latest', { chatId: 'story' }));
    expect(renderPlain((await conversation.respond(message('/open 2', { chatId: 'story' })))!)).toMatch(/^Older story/);
    const elsewhere = renderPlain((await conversation.respond(message('how much notice did Yoran give?', { chatId: 'story' })))!);
    expect(elsewhere).toMatch(/^I couldn't find that in the articles I have\.\nTry other words, or send \/latest/);
    expect(elsewhere).not.toMatch(/Older story/);
    await conversation.respond(message('/latest', { chatId: 'story2' }));
    await conversation.respond(message('/open 2', { chatId: 'story2' }));
    expect(renderPlain((await conversation.respond(message('how many umbrellas were sold?', { chatId: 'story2' })))!)).toMatch(/Try other words, send \/claims for what “Older story” reports, or \/latest for other articles\./);
  });

  it('answers "how do I stay up to date" with the ways to follow the news, not with the article', async () => {
    const { conversation } = seedConversation();
    const text = renderPlain((await conversation.respond(message('how do i stay up to date?')))!);
    expect(text).toMatch(/\/latest/);
    expect(text).toMatch(/Trend News Agency also says: “Stay up-to-date with more news on Trend News Agency's WhatsApp channel”/);
  });

  it('the promotion is not answerable text', async () => {
    const { conversation } = seedConversation();
    const text = renderPlain((await conversation.respond(message('what more news is there on trend news agency')))!);
    expect(text).not.toMatch(/Stay up-to-date/);
  });

  it('one error boundary: a failing handler gets an apology and a log line with the chat id', async () => {
    const broken = new Answerer(new KnowledgeBase());
    broken.answer = () => {
      throw new Error('boom');
    };
    const { conversation, lines } = seedConversation({ answerer: broken });
    expect(renderPlain((await conversation.respond(message('who wrote the letter')))!)).toMatch(/^Sorry, something went wrong/);
    expect(lines.find((line) => line.msg === 'handler failed')).toMatchObject({ chatId: 'chat-1', channel: 'test' });
    expect(renderPlain((await conversation.respond(message('/help')))!)).toMatch(/\/latest/);
  });
});

describe('small talk, other languages, and messages the bot does not understand', () => {
  it('the greeting\'s example asks about someone the newest article surely names, not a title read as a person', async () => {
    const gaming = new KnowledgeBase([{ id: 'g', title: 'Losing yourself in online gaming', date: '2025-06-01', tags: [], body: 'Many players of Star Wars Galaxies spend hours online every day. The galaxies in the game are huge.', origin: 'g.md' }]);
    const { conversation } = seedConversation({ knowledge: gaming });
    const greeting = renderPlain((await conversation.respond(message('/start')))!);
    expect(greeting).not.toMatch(/Wars Galaxies/);
    expect(greeting).toMatch(/e\.g\. “What is the latest article about\?”/);
    // The bundled article's ombudsperson, named once but by a name no dictionary holds, is an example.
    expect(renderPlain((await seedConversation().conversation.respond(message('/start')))!)).toMatch(/e\.g\. “Who is Sabina Aliyeva\?”/);
  });

  it('a question left unanswered still tells the chat whom it named: "he" next is that person, not "Who or what do you mean?"', async () => {
    const knowledge = new KnowledgeBase([
      { id: 'safin', title: 'Safin cool on Wimbledon', date: '2005-03-01', tags: [], body: 'Marat Safin has said he does not expect to win Wimbledon this year.\n\nThe Russian beat Lleyton Hewitt in the Australian Open final in January.', origin: 'safin.md' },
      { id: 'rain', title: 'Rain stops play', date: '2005-03-01', tags: [], body: 'Heavy rain stopped play at the test match on Monday.', origin: 'rain.md' },
    ]);
    const { conversation } = seedConversation({ knowledge });
    expect(renderPlain((await conversation.respond(message('when did safin turn pro')))!)).toMatch(/^I couldn't find that/);
    expect(renderPlain((await conversation.respond(message('who did he beat in the final?')))!)).toMatch(/^Lleyton Hewitt/);
  });

  it('greetings, thanks and "what can you do?" get a friendly reply in any reasonable wording, never a passage', async () => {
    const { conversation } = seedConversation();
    for (const text of ['hi there!', 'thank you very much', 'what can you do?', 'ok bye', 'good job, thank you', 'who are you?', 'sorry', 'oops, my bad']) {
      const reply = renderPlain((await conversation.respond(message(text)))!);
      expect(reply, text).not.toMatch(/^Source: |I couldn't find/m);
    }
    // A question that only opens like small talk is a question: "who are u…" of "who are united's largest shareholders".
    const { smallTalkOf } = await import('../src/conversation/small-talk.js');
    expect(smallTalkOf("who are united's largest shareholders")).toBeUndefined();
    expect(smallTalkOf('what are us interest rates expected to rise to')).toBeUndefined();
    expect(smallTalkOf('who are you exactly?')).toBe('identity');
    expect(smallTalkOf('who are you guys')).toBe('identity');
  });

  it('"ok" or "lol" before any answer thanks nothing: it gets an example question, not "Glad that helped"', async () => {
    const { conversation } = seedConversation();
    expect(renderPlain((await conversation.respond(message('lol')))!)).toMatch(/^👍 Ask me anything about the news, e\.g\. “/);
    await conversation.respond(message('who wrote the letter'));
    expect(renderPlain((await conversation.respond(message('ok')))!)).toMatch(/^Glad that helped/);
    // After a refusal nothing helped: "ok" gets no thanks for it.
    await conversation.respond(message('how many people live on the moon?'));
    const afterRefusal = renderPlain((await conversation.respond(message('ok')))!);
    expect(afterRefusal).not.toMatch(/Glad that helped/);
    expect(afterRefusal).toMatch(/^OK\. Ask me something else about the news/);
    // A part read since is something given.
    await conversation.respond(message('how many people live on the moon?'));
    await conversation.respond(message('more'));
    expect(renderPlain((await conversation.respond(message('ok')))!)).toMatch(/^Glad that helped/);
  });

  it('/stats and /broadcast are the admins\' even where subscriptions are off', async () => {
    const { conversation } = seedConversation();
    expect(renderPlain((await conversation.respond(message('/stats')))!)).toMatch(/admins only/);
    expect(renderPlain((await conversation.respond(message('/subscribe')))!)).toMatch(/not switched on/);
  });

  it('"who published this?", "where is this news from?" first thing are about the latest story, not "who or what do you mean?"', async () => {
    const { conversation } = seedConversation();
    expect(renderPlain((await conversation.respond(message('where is this news from?')))!)).toMatch(/^It was filed from Baku/);
    expect(renderPlain((await conversation.respond(message('who published this?', { chatId: 'other' })))!)).toMatch(/Trend News Agency/);
  });

  it('a goodbye offers /subscribe only where subscriptions are on', async () => {
    const { conversation } = seedConversation();
    expect(renderPlain((await conversation.respond(message('ok bye')))!)).not.toMatch(/subscribe/);
    const subscriptions: SubscriptionCommands = { available: true, handle: async () => ({ blocks: [] }) };
    const { conversation: subscribable } = seedConversation({ subscriptions });
    expect(renderPlain((await subscribable.respond(message('ok bye')))!)).toMatch(/\/subscribe/);
  });

  it('a question after an apology or "in English" is answered as if asked alone', async () => {
    const { conversation } = seedConversation();
    const reply = renderPlain((await conversation.respond(message("sorry, in english: who received the ombudsperson's letter?")))!);
    expect(reply).toMatch(/Callamard/);
  });

  it('a question in another language gets a reply in that language saying the bot answers in English, with an example', async () => {
    const { conversation } = seedConversation();
    expect(renderPlain((await conversation.respond(message('Кто написал письмо?')))!)).toMatch(/^Я пока отвечаю только на английском.*“Who is .*?”\n\nI can only answer in English.*“Who is /s);
    expect(renderPlain((await conversation.respond(message('Məktubu kim yazıb?')))!)).toMatch(/^Hələlik yalnız ingilis dilində/);
    expect(renderPlain((await conversation.respond(message('من كتب الرسالة؟')))!)).toMatch(/باللغة الإنجليزية/);
    // Without a telltale question word, by the little words of the language.
    expect(renderPlain((await conversation.respond(message('wer hat den Brief geschrieben?')))!)).toMatch(/^Ich antworte vorerst nur auf Englisch/);
    expect(renderPlain((await conversation.respond(message('chi ha scritto la lettera?')))!)).toMatch(/^I can only answer in English/);
    // English with a foreign name stays English.
    expect(renderPlain((await conversation.respond(message('who is the da silva in the letter')))!)).not.toMatch(/only answer in English/);
  });

  it('an English question naming Kim, Erdoğan or Beşiktaş stays English; a foreign question naming someone stays foreign', async () => {
    const { conversation } = seedConversation();
    for (const text of ['who is Kim Collins?', 'is Kim Collins the world champion?', 'what did Erdoğan say?', 'what did Beşiktaş win?', 'hola, who wrote the letter?']) {
      expect(renderPlain((await conversation.respond(message(text)))!), text).not.toMatch(/only answer in English/);
    }
    expect(renderPlain((await conversation.respond(message('Kim yazdi mektubu?')))!)).toMatch(/^Hələlik yalnız ingilis dilində/);
    expect(renderPlain((await conversation.respond(message('Pourquoi le ministre a-t-il dit que la France a perdu?')))!)).toMatch(/^Pour l'instant, je réponds uniquement en anglais/);
    expect(renderPlain((await conversation.respond(message('Wann hat Merz an die Bürger in Berlin geschrieben?')))!)).toMatch(/^Ich antworte vorerst nur auf Englisch/);
    expect(renderPlain((await conversation.respond(message('Wat is er gebeurd?')))!)).toMatch(/only answer in English/);
  });

  it('after an answer, a message the bot does not understand never gets the previous passage again', async () => {
    const { conversation } = seedConversation();
    const first = renderPlain((await conversation.respond(message('who hosted cop29')))!);
    expect(first).toMatch(/Azerbaijan/);
    for (const text of ['what is 2+2', 'asdf', 'Что такое COP29?']) {
      expect(renderPlain((await conversation.respond(message(text)))!), text).not.toMatch(/^Source: /m);
    }
  });

  it('a sum in words or signs ("what is 5 times 3", "whats 12 / 4?") is not searched for in the news: the bot says it does not do sums', async () => {
    const { conversation } = seedConversation();
    for (const text of ['what is 5 times 3', 'whats 12 / 4?', 'what is 2+2', 'calculate 7 multiplied by 6', 'what’s 9 minus 4']) {
      const reply = renderPlain((await conversation.respond(message(text)))!);
      expect(reply, text).toMatch(/^I can't do sums: I answer questions about the news/);
      expect(reply, text).not.toMatch(/^Source: /m);
    }
    // A figure in a real question is not a sum, nor is a season.
    expect(renderPlain((await conversation.respond(message('what is 4,000 about in the letter?')))!)).not.toMatch(/sums/);
    expect(renderPlain((await conversation.respond(message('what is 2004-05')))!)).not.toMatch(/sums/);
  });
});

describe('a follow-up with nothing to follow', () => {
  it('"who is she?" in a new chat asks who is meant, with an example, instead of "I couldn\'t find that"', async () => {
    const { conversation } = seedConversation();
    const reply = renderPlain((await conversation.respond(message('who is she?', { chatId: 'fresh' })))!);
    expect(reply).toMatch(/^Who or what do you mean\? .*“Who is /);
    await conversation.respond(message('who wrote the letter', { chatId: 'fresh' }));
    expect(renderPlain((await conversation.respond(message('who is she?', { chatId: 'fresh' })))!)).toMatch(/^Sabina Aliyeva is/);
  });

  it('"who welcomed his apology" as a first question asks who is meant; a question that names a kind of person ("the commissioner… her letter") is answered', async () => {
    const { conversation } = seedConversation();
    const reply = renderPlain((await conversation.respond(message('who welcomed his apology', { chatId: 'new' })))!);
    expect(reply).toMatch(/^Who or what do you mean\?/);
    expect(reply).not.toMatch(/^Source: /m);
    const named = renderPlain((await conversation.respond(message('when did the commissioner send her letter', { chatId: 'other' })))!);
    expect(named).not.toMatch(/^Who or what do you mean\?/);
    await conversation.respond(message('who wrote the letter', { chatId: 'chat' }));
    expect(renderPlain((await conversation.respond(message('who did she send her letter to', { chatId: 'chat' })))!)).toMatch(/Callamard/);
  });
});
