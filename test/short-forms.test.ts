import { describe, expect, it } from 'vitest';
import { writeOutShortForms } from '../src/answer/short-forms.js';
import { stem } from '../src/text/stem.js';
import { answererFor } from './helpers/seed.js';

// Readers type "exec", "vp", "uni"; news prose writes "executive", "vice president", "university".
describe('short forms a reader types', () => {
  /** Statistics of an archive whose articles use these words, each in `articles` of 100. */
  const archiveOf = (articles: Record<string, number>) => ({
    knows: (term: string) => Object.keys(articles).some((word) => stem(word) === term),
    idf: (term: string) => {
      const count = Object.entries(articles).find(([word]) => stem(word) === term)?.[1] ?? 0;
      return count === 0 ? 0 : Math.log(100 / count);
    },
  });

  it('are written out when the articles write the words out', () => {
    const archive = archiveOf({ vice: 10, president: 30, university: 5, executive: 20, chief: 25 });
    expect(writeOutShortForms('whos the vp of networks at tata', archive)).toBe('whos the vice president of networks at tata');
    expect(writeOutShortForms('Which Uni is he at?', archive)).toBe('Which university is he at?');
    // Used, but rarer than either word it stands for: the articles' own words find more.
    expect(writeOutShortForms('who is the ceo', { ...archive, ...archiveOf({ ceo: 2, chief: 25, executive: 20 }) })).toBe('who is the chief executive');
  });

  it('stay as typed when the articles use them as written, and other words are untouched', () => {
    const archive = archiveOf({ ceo: 40, chief: 25, executive: 20, university: 5 });
    expect(writeOutShortForms('who is the ceo of vivendi', archive)).toBe('who is the ceo of vivendi');
    expect(writeOutShortForms('is the vpn down', archive)).toBe('is the vpn down');
  });

  it('find the passage: "which ryanair exec" is answered from "deputy chief executive Michael Cawley"', () => {
    const answerer = answererFor([
      {
        id: 'airlines',
        title: 'Air passengers win new EU rights',
        date: '2005-02-18',
        tags: [],
        origin: 'airlines.md',
        body: 'Air passengers who are bumped off flights will receive higher compensation under new EU rules.\n\n"It\'s a preposterous piece of legislation," Ryanair deputy chief executive Michael Cawley told the BBC.\n\nThe rules came into force on Thursday.',
      },
    ]);
    expect(answerer.answer('which ryanair exec called the law preposterous?').short).toMatch(/Michael Cawley/);
  });
});
