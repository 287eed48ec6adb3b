import { describe, expect, it } from 'vitest';
import { shortFormAsked } from '../src/answer/acronyms.js';
import { longFormIn } from '../src/knowledge/long-forms.js';
import { answererFor, answererForOne, seedArticle } from './helpers/seed.js';

describe('"what does TPS stand for?": the long form an article gives a short one', () => {
  it('finds the long form before the parenthesis or inside it, the short form\'s letters in order', () => {
    expect(longFormIn('Seven million numbers are on the Telephone Preference Service (TPS) lists.', 'tps')).toBe('Telephone Preference Service');
    expect(longFormIn('"High-Speed Downlink Packet Access (HSDPA) - sometimes called Super 3G - will be vital."', 'hsdpa')).toBe('High-Speed Downlink Packet Access');
    expect(longFormIn('Balco (The Bay Area Laboratory Cooperative) is the company at the centre of the scandal.', 'balco')).toBe('Bay Area Laboratory Cooperative');
    // A number in the short form is a count, not a word's letter.
    expect(longFormIn('the 29th session of the Conference of the Parties (COP29) to the UN', 'cop29')).toBe('Conference of the Parties');
    // By the capitalised words' initials first: the shortest match by letters would start at "of" or skip "Equal".
    expect(longFormIn('The Office of Fair Trading (OFT) said so.', 'oft')).toBe('Office of Fair Trading');
    expect(longFormIn('The Equal Employment Opportunity Commission (EEOC) ruled.', 'eeoc')).toBe('Equal Employment Opportunity Commission');
    expect(longFormIn("The New York Stock Exchange's (NYSE) rules changed.", 'nyse')).toBe('New York Stock Exchange');
    // A long form in lower case by all its words' initials; an inner possessive stays; a comma before the parenthesis is none.
    expect(longFormIn('Growth in gross domestic product (GDP) slowed.', 'gdp')).toBe('gross domestic product');
    expect(longFormIn('It plans an initial public offer (IPO) next year.', 'ipo')).toBe('initial public offer');
    expect(longFormIn("The European People's Party (EPP) group voted.", 'epp')).toBe("European People's Party");
    expect(longFormIn('Local Loop Unbundling, (LLU) is the key.', 'llu')).toBe('Local Loop Unbundling');
    // A figure is no capital: "5% of Deutsche Boerse's (DB)" spells out "Deutsche Boerse".
    expect(longFormIn("It owns 5% of Deutsche Boerse's (DB) shares.", 'db')).toBe('Deutsche Boerse');
    // A parenthesis that doesn't spell it out is none; nor is what doesn't read as a name, or crosses a comma.
    expect(longFormIn('He joined the BBC (in 1990) as a reporter.', 'bbc')).toBeUndefined();
    expect(longFormIn('Sales rose at Tesco (TSCO) last year.', 'tsco')).toBeUndefined();
    expect(longFormIn('It was lawful under the existing (UN) Security Council resolutions.', 'un')).toBeUndefined();
    expect(longFormIn('He produced the singles Takeover and Izzo (HOVA) in 2001.', 'hova')).toBeUndefined();
    expect(longFormIn('Castrogiovanni, S Dellape, M Bortolami (capt), C Del Fava.', 'capt')).toBeUndefined();
  });

  it('reads the question: "stand for", "short for", "an acronym for"; not "what does it mean"', () => {
    expect(shortFormAsked('what does tps stand for')).toBe('tps');
    expect(shortFormAsked('what is cop29 short for')).toBe('cop29');
    expect(shortFormAsked('what is hsdpa an acronym for')).toBe('hsdpa');
    expect(shortFormAsked('what does time shifting mean')).toBeUndefined();
  });

  it('answers from the text, certain, with the sentence that spells it out; an article that only uses the short form leaves it to the passages', () => {
    const calls = answererForOne('Parties face cold calls inquiry', ['The parties are calling voters.', 'But seven million telephone numbers are on the Telephone Preference Service (TPS) lists, which ban unsolicited calls.', 'Labour denied calling people signed up to the TPS.']);
    const answer = calls.answer('what does tps stand for?');
    expect(answer.short).toBe('Telephone Preference Service');
    expect(answer.confidence).toBe(1);
    expect(answer.support).toMatch(/\(TPS\) lists/);
    const unexplained = answererForOne('Calls row', ['Labour denied calling people signed up to the TPS.']);
    expect(unexplained.answer('what does tps stand for?').short).not.toMatch(/Telephone/);
    expect(answererFor([seedArticle()]).answer('what is COP29 short for?').short).toBe('Conference of the Parties');
  });
});
