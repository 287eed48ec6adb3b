import { describe, expect, it } from 'vitest';
import { WordNet } from '../src/lexicon/wordnet.js';
import { editDistance } from '../src/lexicon/spelling.js';

const wordNet = WordNet.open();

describe('spelling correction against the dictionary', () => {
  it('counts a swap of neighbours as one edit, and stops once past the budget', () => {
    expect(editDistance('recieve', 'receive', 2)).toBe(1);
    expect(editDistance('dissapear', 'disappear', 2)).toBe(2);
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });

  it.skipIf(!wordNet)('reads a long misspelling as the English word it stands for, in its base form', () => {
    expect(wordNet!.spelling('dissapeared')).toBe('disappear');
    expect(wordNet!.spelling('goverment')).toBe('government');
    expect(wordNet!.spelling('guitarrist')).toBe('guitarist');
  });

  it.skipIf(!wordNet)('leaves names alone: short ones, and long ones more than one edit from a word', () => {
    for (const name of ['macron', 'ghosn', 'blunkett', 'callamard', 'santander', 'greenspan']) expect(wordNet!.spelling(name), name).toBeUndefined();
  });

  it.skipIf(!wordNet)('leaves a word the dictionary knows alone', () => {
    expect(wordNet!.spelling('government')).toBeUndefined();
  });
});
