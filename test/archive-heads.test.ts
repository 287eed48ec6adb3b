import { describe, expect, it } from 'vitest';
import { BoundNorms } from '../src/archive/bound-norms.js';
import { boundLength, boundTf, firstWide, lowPart, packBound, packHighs, SATURATED, secondWide, WIDE_LIMIT } from '../src/archive/head-fields.js';
import { articlePostings, HEAD, HEAD_FIELDS, SEGMENT_ARTICLES, slotAt, withoutSlots } from '../src/archive/posting-records.js';
import { bm25Norm } from '../src/knowledge/bm25.js';
import type { ArticleKnowledge } from '../src/knowledge/article-knowledge.js';

const postingsAt = (slot: number, sentences: { position: number; paragraph: number; terms: string[] }[], title = ['headline']) =>
  articlePostings({ titleTerms: title, tagTerms: [], sentences } as unknown as ArticleKnowledge, slot);

describe('a posting head\'s packed fields', () => {
  it('keep a bound\'s tf and length exactly below 255, and saturate at 255 above', () => {
    for (const [tf, length] of [[0, 0], [1, 7], [254, 254], [255, 255], [256, 1_000], [65_535, 65_535], [3, 300], [300, 3]] as const) {
      const packed = packBound(tf, length);
      expect(packed).toBeLessThan(0x10000);
      expect(boundTf(packed)).toBe(Math.min(tf, SATURATED));
      expect(boundLength(packed)).toBe(Math.min(length, SATURATED));
    }
  });

  it('give back 24-bit article lengths and term indices, across the 16-bit boundary, and refuse larger', () => {
    for (const [first, second] of [[0, 0], [65_535, 65_536], [65_536, 65_535], [WIDE_LIMIT - 1, 1], [123_456, WIDE_LIMIT - 1]] as const) {
      const highs = packHighs(first, second);
      expect(highs).toBeLessThan(0x10000);
      expect(firstWide(highs, lowPart(first))).toBe(first);
      expect(secondWide(highs, lowPart(second))).toBe(second);
    }
    expect(() => packHighs(WIDE_LIMIT, 0)).toThrow(RangeError);
    expect(() => packHighs(0, WIDE_LIMIT)).toThrow(RangeError);
  });
});

describe('the norms of packed bounds', () => {
  it('are bm25Norm below saturation, 0 at tf 0, and never below the norm of any tf and length a saturated byte stands for', () => {
    const table = new BoundNorms();
    for (const average of [3.5, 17.25, 240]) {
      table.prepare(average);
      expect(table.norms[packBound(0, 12)]).toBe(0);
      expect(table.norms[packBound(0, 65_535)]).toBe(0);
      expect(table.norms[packBound(3, 40)]).toBe(bm25Norm(3, 40, average));
      expect(table.norms[packBound(254, 254)]).toBe(bm25Norm(254, 254, average));
      for (const tf of [1, 2, 254, 255, 256, 5_000, 65_535]) {
        for (const length of [1, 254, 255, 256, 4_000, 65_535]) {
          // Bounds take the largest tf and the shortest length: any real one is at most tf, at least length.
          expect(table.norms[packBound(tf, length)]).toBeGreaterThanOrEqual(bm25Norm(tf, length, average));
        }
      }
    }
  });
});

describe('an article\'s heads', () => {
  it('store the slot\'s place in its segment, past 65,536 too, and give the slot back with the row\'s segment', () => {
    for (const slot of [0, 1, SEGMENT_ARTICLES - 1, SEGMENT_ARTICLES, 65_535, 65_536, 70_001, 3_000_000]) {
      const { records } = postingsAt(slot, [{ position: 0, paragraph: 0, terms: ['ferry', 'baku'] }]);
      for (const { head } of records.values()) {
        expect(head).toHaveLength(HEAD_FIELDS);
        expect(head[HEAD.slot]).toBe(slot % SEGMENT_ARTICLES);
        expect(slotAt(Uint16Array.from(head), 0, Math.floor(slot / SEGMENT_ARTICLES))).toBe(slot);
      }
    }
  });

  it('hold the article length, term index, tf, bounds and masks, with long sentences and large tfs saturated', () => {
    const long = Array.from({ length: 600 }, (_, i) => (i % 2 ? 'echo' : `w${i}`));
    const { records } = postingsAt(7, [
      { position: 0, paragraph: 0, terms: ['echo', 'short'] },
      { position: 33, paragraph: 20, terms: long },
    ]);
    const terms = [...records.keys()];
    const length = 3 + 2 + 600;
    const echo = records.get('echo')!.head;
    expect(echo[HEAD.articleTf]).toBe(301);
    expect(firstWide(echo[HEAD.highs]!, echo[HEAD.articleLengthLow]!)).toBe(length);
    expect(secondWide(echo[HEAD.highs]!, echo[HEAD.termIndexLow]!)).toBe(terms.indexOf('echo'));
    // Largest tf 300 (saturated), shortest sentence 2 terms; paragraphs alike.
    expect([boundTf(echo[HEAD.sentenceBound]!), boundLength(echo[HEAD.sentenceBound]!)]).toEqual([SATURATED, 2]);
    expect([boundTf(echo[HEAD.paragraphBound]!), boundLength(echo[HEAD.paragraphBound]!)]).toEqual([SATURATED, 2]);
    expect((echo[HEAD.sentenceMaskHigh]! << 16) | echo[HEAD.sentenceMaskLow]!).toBe((1 << 0) | (1 << 1));
    expect(echo[HEAD.paragraphMask]).toBe((1 << 0) | (1 << 4));
    const onlyLong = records.get('w2')!.head;
    expect([boundTf(onlyLong[HEAD.sentenceBound]!), boundLength(onlyLong[HEAD.sentenceBound]!)]).toEqual([1, SATURATED]);
    // A headline word in no sentence: tf 0, so its bound norm is 0.
    expect(boundTf(records.get('headline')!.head[HEAD.sentenceBound]!)).toBe(0);
  });

  it('are taken out of a row by slot, leaving nothing for a row of removed slots only', () => {
    const segment = 70;
    const base = segment * SEGMENT_ARTICLES;
    const row = Uint16Array.from([base + 3, base + 9, base + 1_000].flatMap((slot) => postingsAt(slot, [{ position: 0, paragraph: 0, terms: ['ferry'] }]).records.get('ferry')!.head));
    const kept = withoutSlots(row, segment, new Set([base + 9]))!;
    expect(kept).toHaveLength(2 * HEAD_FIELDS);
    expect([slotAt(kept, 0, segment), slotAt(kept, HEAD_FIELDS, segment)]).toEqual([base + 3, base + 1_000]);
    expect(withoutSlots(row, segment, new Set([base + 3, base + 9, base + 1_000]))).toBeUndefined();
    expect(withoutSlots(new Uint16Array(0), segment, new Set([base]))).toBeUndefined();
  });
});
