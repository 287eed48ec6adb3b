import { describe, expect, it } from 'vitest';
import { ArticleEntries, forwardEntries, NO_ENTRIES, termHash } from '../src/archive/article-entries.js';
import { articlePostings } from '../src/archive/posting-records.js';
import type { ArticleKnowledge } from '../src/knowledge/article-knowledge.js';

/** An article with a sentence of `longSentence` terms, and one late in it. */
function postingsOf(longSentence: number) {
  const sentences = [
    { position: 0, paragraph: 0, terms: ['rare', 'common', 'common'] },
    { position: 1, paragraph: 0, terms: Array.from({ length: longSentence }, (_, i) => (i % 2 ? 'common' : 'filler')) },
    { position: 31, paragraph: 17, terms: ['late', 'common'] },
  ];
  return articlePostings({ titleTerms: ['common'], tagTerms: [], sentences } as unknown as ArticleKnowledge, 1);
}

describe('an article\'s stored entries', () => {
  it('are bytes when every number fits, 16-bit numbers when one does not, and give each term\'s back', () => {
    for (const longSentence of [3, 300]) {
      const { records, totals } = postingsOf(longSentence);
      const entries = new ArticleEntries(forwardEntries(records, totals.articleLength));
      expect(entries.values.BYTES_PER_ELEMENT).toBe(longSentence > 255 ? 2 : 1);
      expect(entries.articleLength).toBe(totals.articleLength);
      [...records.values()].forEach((record, termIndex) => {
        const start = entries.startOf(termIndex);
        expect(Array.from(entries.values.subarray(start, start + record.entries.length))).toEqual(record.entries);
      });
    }
  });

  it('find each of the article\'s terms by its hash, at its term index, and no other term', () => {
    const { records, totals } = postingsOf(3);
    const entries = new ArticleEntries(forwardEntries(records, totals.articleLength));
    [...records.keys()].forEach((term, termIndex) => expect(entries.find(termHash(term))).toBe(termIndex));
    for (const absent of ['absent', 'commons', 'rar', '']) expect(entries.find(termHash(absent))).toBe(-1);
    expect(NO_ENTRIES.find(termHash('rare'))).toBe(-1);
  });
});
