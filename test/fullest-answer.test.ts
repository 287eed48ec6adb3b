import { describe, expect, it } from 'vitest';
import { fullestAgreeing } from '../src/answer/candidates.js';
import { answererFor } from './helpers/seed.js';

describe('an answer is given as fully as a passage agreeing with it gives it', () => {
  const made = (id: string, body: string) => ({ id, title: `Story ${id}`, date: '2005-01-10', tags: [], body, origin: `${id}.md` });
  const obituaries = answererFor([
    made('charles', 'The film tells the life of Ray Charles, who died in 2004.\n\nCharles died in June 2004 at his home in Beverly Hills.'),
    made('other', 'A festival in his honour opened in Georgia in August 2004.'),
  ]);
  const keyed = obituaries.candidates('when did ray charles die').filter(({ candidate }) => candidate.extraction);
  const byShort = (short: string) => keyed.find(({ candidate }) => candidate.extraction!.short === short)!;

  it('"June 2004" of the same story in place of "2004"', () => {
    // The reader is told the fuller date even where the passage ranked first gives the year alone.
    expect(obituaries.candidates('when did ray charles die')[0]?.answer.short).toBe('June 2004');
    const year = byShort('2004');
    const fuller = byShort('June 2004');
    expect(fullestAgreeing([year, fuller])?.candidate.extraction?.short).toBe('June 2004');
  });

  it('not from another story: its "August 2004" may be another event of the year', () => {
    const year = byShort('2004');
    const other = obituaries.candidates('when did the festival in his honour open').find(({ candidate }) => candidate.extraction?.short === 'August 2004')!;
    expect(other).toBeDefined();
    expect(fullestAgreeing([year, other])?.candidate.extraction?.short).toBe('2004');
  });
});
