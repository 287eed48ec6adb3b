import { describe, expect, it } from 'vitest';
import { judge } from '../scripts/lib/question-sets.js';

/** The eval's judge: how `npm run eval` and `npm run fit` tell a right reply from a wrong one. */
describe('the eval judge', () => {
  it('finds an expected figure however the reply writes it: "30bn" for "30 billion", "1,234,567,890" for "1234567890"', () => {
    expect(judge('The MDA predicts more than 30bn text messages.\nSource: x', ['30 billion'])).toBe('right');
    expect(judge('It cost $14.6m in all.\nSource: x', ['14.6 million'])).toBe('right');
    expect(judge('Exactly 1,234,567,890 votes.\nSource: x', ['1234567890'])).toBe('right');
    expect(judge('Some 2,000 jobs go.\nSource: x', ['2000'])).toBe('right');
    expect(judge('Some 3,000 jobs go.\nSource: x', ['2000'])).toBe('wrong');
  });

  it('a refusal is refused, and right only for a question the articles cannot answer', () => {
    expect(judge("I couldn't find that in the articles I have.", ['Callamard'])).toBe('refused');
    expect(judge("I couldn't find that in the articles I have.", null)).toBe('right');
    expect(judge('Callamard.\nSource: x', null)).toBe('wrong');
  });

  it('a yes or a no is read from the first line, plain or attributed to a speaker', () => {
    expect(judge('No.\n“He did not resign.”\nSource: x', ['no'])).toBe('right');
    expect(judge("The article doesn't state that as fact; Labour says no. According to Labour, the poster was not anti-Jewish.\nSource: x", ['no'])).toBe('right');
    expect(judge("The article doesn't state that as fact; the letter says so. According to the letter, …\nSource: x", ['no'])).toBe('wrong');
    expect(judge("The article doesn't say. The closest it comes:\n“…”\nSource: x", ['yes'])).toBe('refused');
  });
});
