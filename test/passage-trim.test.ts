import { describe, expect, it } from 'vitest';
import { trimAround } from '../src/answer/passage.js';
import { stem } from '../src/text/stem.js';

const stems = (...words: string[]) => new Set(words.map(stem));

const LEDE = 'The Commissioner for Human Rights (Ombudsperson) of Azerbaijan Sabina Aliyeva has addressed an open letter of protest to the Secretary General of the Amnesty International Agnès Callamard, a source in the Ombudsman’s Office told Trend.';
const APPEAL = 'In conclusion, the ombudsperson calls on all organizations, including international non-governmental organizations, to respect universally recognized principles of international law when preparing human rights reports, to uphold the principles of fairness and impartiality, and to rely solely on objective and verified facts.';

describe('a long sentence quoted in part', () => {
  it('is cut between clauses, not through a name or a title, when whole clauses hold the question’s words', () => {
    // The room left beside a short answer: the whole sentence doesn't fit.
    const quoted = trimAround(LEDE, stems('letter', 'ombudsperson', 'amnesty'), 200);
    expect(quoted).toBe('The Commissioner for Human Rights (Ombudsperson) of Azerbaijan Sabina Aliyeva has addressed an open letter of protest to the Secretary General of the Amnesty International Agnès Callamard…');
  });

  it('starts at the clause that holds the question’s words and runs on past them, where the answer is', () => {
    const quoted = trimAround(APPEAL, stems('ombudsperson', 'organizations'));
    expect(quoted).toContain('the ombudsperson calls on all organizations');
    expect(quoted).toContain('to respect universally recognized principles of international law');
    expect(quoted.length).toBeLessThanOrEqual(240 + 2);
  });

  it('keeps the claim before a "…, X said" that holds the question’s words, rather than the shorter tail after it', () => {
    const wage = 'Ministers, unions and employers agreed on Tuesday to raise the minimum wage to £5.05 an hour from October, a rise of 4%, the Low Pay Commission said in a statement, adding that it expected no job losses.';
    const quoted = trimAround(wage, stems('low', 'pay', 'commission'), 200);
    expect(quoted).toContain('£5.05');
    expect(quoted).toContain('the Low Pay Commission said');
  });

  it('opens with the sentence’s first clauses when none of the question’s words is in it', () => {
    const quoted = trimAround(APPEAL, new Set(), 120);
    expect(quoted.startsWith('In conclusion, the ombudsperson')).toBe(true);
  });

  it('opens where the sentence opens when the question’s words fit there, even when no run of clauses does', () => {
    const quoted = trimAround(LEDE, stems('letter'), 160);
    expect(quoted.startsWith('The Commissioner for Human Rights')).toBe(true);
    expect(quoted).toContain('open letter');
  });

  it('falls back to a window of words when no run of clauses fits around the question’s words', () => {
    const noBreaks = `${'word '.repeat(60)}answer here ${'more '.repeat(40)}`.trim();
    const quoted = trimAround(noBreaks, stems('answer'), 100);
    expect(quoted).toContain('answer here');
    expect(quoted.startsWith('…') && quoted.endsWith('…')).toBe(true);
  });
});
