import { describe, expect, it } from 'vitest';
import type { Answer } from '../src/answer/answer.js';
import { CLOSEST_OPENING } from '../src/answer/article-answers.js';
import { answerReply } from '../src/conversation/answer-reply.js';
import { renderPlain } from '../src/conversation/render-plain.js';

const letter = { id: 'letter', title: 'Ombudsperson writes to Amnesty', date: '2025-05-01' };
const report = { id: 'report', title: 'Amnesty publishes its report', date: '2025-04-20' };

function unsure(alsoClose?: Answer['alsoClose']): Answer {
  return {
    type: 'notFound',
    short: CLOSEST_OPENING,
    closest: { passage: 'The letter was addressed to Agnès Callamard.', article: letter, publisher: 'Trend' },
    ...(alsoClose ? { alsoClose } : {}),
    article: letter,
    confidence: 0.5,
    people: [],
    topicWords: ['letter'],
  };
}

describe('a reply that shows the closest passages', () => {
  it('shows one passage and its source, with no buttons to follow an answer up', () => {
    const reply = answerReply(unsure(), 'Ask me something else.');
    expect(renderPlain(reply)).toBe(`${CLOSEST_OPENING}\n“The letter was addressed to Agnès Callamard.”\nSource: Ombudsperson writes to Amnesty (Trend, 1 May 2025)`);
    expect(reply.buttons).toBeUndefined();
  });

  it('names the source once when both passages come from one article', () => {
    const text = renderPlain(answerReply(unsure({ passage: 'Sabina Aliyeva sent it on Thursday.', article: letter, publisher: 'Trend' }), ''));
    expect(text.split('\n')).toEqual([CLOSEST_OPENING, '“The letter was addressed to Agnès Callamard.”', '“Sabina Aliyeva sent it on Thursday.”', 'Source: Ombudsperson writes to Amnesty (Trend, 1 May 2025)']);
  });

  it('puts each source under its own passage when they come from two articles', () => {
    const text = renderPlain(answerReply(unsure({ passage: 'The report covers 150 countries.', article: report }), ''));
    expect(text.split('\n')).toEqual([
      CLOSEST_OPENING,
      '“The letter was addressed to Agnès Callamard.”',
      'Source: Ombudsperson writes to Amnesty (Trend, 1 May 2025)',
      '“The report covers 150 countries.”',
      'Source: Amnesty publishes its report (20 April 2025)',
    ]);
  });
});
