import { describe, expect, it } from 'vitest';
import { writeOutShortForms } from '../src/answer/short-forms.js';
import { stem } from '../src/text/stem.js';
import { answererFor } from './helpers/seed.js';

// Readers type "exec", "vp", "uni"; news prose writes "executive", "vice president", "university".
describe('short forms a reader types', () => {
  /** An archive whose articles use these words (and no others). */
  const archiveOf = (...words: string[]) => ({ knows: (term: string) => words.some((word) => stem(word) === term) });
  const archive = archiveOf('vice', 'president', 'university', 'executive', 'chief');

  it('are written out when no article uses them', () => {
    expect(writeOutShortForms('whos the vp of networks at tata', archive)).toBe('whos the vice president of networks at tata');
    expect(writeOutShortForms('Which Uni is he at?', archive)).toBe('Which university is he at?');
    expect(writeOutShortForms('how much does he wanna cut', archive)).toBe('how much does he want to cut');
  });

  it('stay as typed when an article uses them, however rarely: a name, or the articles\' own spelling', () => {
    expect(writeOutShortForms('who is the ceo of vivendi', archiveOf('ceo', 'chief', 'executive'))).toBe('who is the ceo of vivendi');
    expect(writeOutShortForms('who sang Rehab', archiveOf('rehab'))).toBe('who sang Rehab');
  });

  it('are left alone inside hyphenated names and addresses', () => {
    expect(writeOutShortForms('whos the ceo of authenti-corp', archive)).toBe('whos the chief executive of authenti-corp');
    expect(writeOutShortForms('is the ex-exec suing', archive)).toBe('is the ex-exec suing');
    expect(writeOutShortForms('who reads info@bbc.co.uk', archive)).toBe('who reads info@bbc.co.uk');
    expect(writeOutShortForms('where is the uni.', archive)).toBe('where is the university.');
  });

  it('find the passage: "which ryanair exec" is answered from "deputy chief executive Michael Cawley"', () => {
    const body = 'Air passengers who are bumped off flights will receive higher compensation under new EU rules.\n\n"It\'s a preposterous piece of legislation," Ryanair deputy chief executive Michael Cawley told the BBC.\n\nThe rules came into force on Thursday.';
    const answerer = answererFor([{ id: 'airlines', title: 'Air passengers win new EU rights', date: '2005-02-18', tags: [], origin: 'airlines.md', body }]);
    expect(answerer.answer('which ryanair exec called the law preposterous?').short).toMatch(/Michael Cawley/);
  });
});
