import { describe, expect, it } from 'vitest';
import { focusBeforeVerb, typedByFocus } from '../src/answer/focus.js';
import { parseQuestion } from '../src/answer/question.js';
import { createLexicon } from '../src/lexicon/lexicon.js';
import { answererForOne } from './helpers/seed.js';

const transfer = answererForOne('Bolton sign Candela', [
  'Bolton boss Sam Allardyce has signed Roma defender Vincent Candela on a five-month deal.',
  'Titan, a California-based company, pleaded guilty to bribing officials in Benin.',
  'The SEC had accused Titan of paying an agent.',
  'Quentin Davies, the MP for Grantham, was mugged in a park in Nairobi.',
  'Mr Davies said the attack happened at dusk.',
  'A rapper awaiting trial has filmed part of a music video in jail.',
  'C-Murder, a former member of rap group Tru, was filmed in his orange prison suit in March 2004.',
], '2005-01-20');
/** The engine's first candidate, sure or not: what it would answer. */
const firstAnswer = (question: string): string => transfer.candidates(question)[0]?.answer.short ?? '';

describe('"which X" questions ask for an instance of X', () => {
  it('reads the noun the question asks for, up to the auxiliary or the verb', () => {
    expect(parseQuestion('which charlton midfielder has gone to norwich').focus).toBe('midfielder');
    expect(parseQuestion('which team knocked valencia out of the uefa cup').focus).toBe('team');
    expect(parseQuestion('what body was created after the report').focus).toBe('body');
    expect(parseQuestion('what is the capital of france').focus).toBeUndefined();
    expect(parseQuestion('who signed the defender').focus).toBeUndefined();
    // Further on, an "-ed" word is as likely part of a name.
    expect(parseQuestion('which team beat manchester united').focus).toBeUndefined();
    // The head stands before its "of": a session, not a cop.
    expect(parseQuestion('which session of the cop was it').focus).toBe('session');
  });

  it('a kind of person asked for is not answered with a body', () => {
    const milan = answererForOne('Shevchenko out', ["Milan's talismanic European footballer of the year misses Wednesday's Champions League first-leg tie after fracturing his cheekbone."], '2005-02-20');
    const best = milan.candidates('which milan striker is missing the man united game')[0]?.candidate;
    expect(best?.extraction?.short).toBe('Champions League');
    expect(best?.extraction?.fits).toBe(false);
  });

  it('answers with the name the sentence gives as one: before it, or in apposition after it', () => {
    expect(firstAnswer('which roma defender has bolton signed')).toMatch(/^Vincent Candela/);
    expect(firstAnswer('which company pleaded guilty to bribery')).toMatch(/^Titan/);
  });

  it('a focus WordNet knows as a kind of person asks who, one it knows as a time asks when', () => {
    // No list of roles holds "rapper"; WordNet files it with people.
    expect(firstAnswer('which rapper filmed a music video in jail')).toMatch(/^C-Murder/);
    expect(firstAnswer('which months was the rapper filmed in his prison suit')).toMatch(/^March/);
  });

  it('a verb WordNet knows ends the phrase as an auxiliary does: an irregular past, a third person, a form only a verb has', () => {
    const lexicon = createLexicon();
    const read = (question: string) => typedByFocus(focusBeforeVerb(parseQuestion(question), lexicon), lexicon);
    expect(read('which ukip candidate quit over links to the bnp')).toMatchObject({ focus: 'candidate', type: 'who' });
    expect(read('which economist said growth was weak')).toMatchObject({ focus: 'economist', type: 'who' });
    expect(read('which barcelona player said chelsea are strong')).toMatchObject({ focus: 'player', type: 'who' });
    expect(read('which company holds a patent on one-click shopping').focus).toBe('company');
    expect(read('which south african leader attacked british imperialists').focus).toBe('leader');
    // Past an adverb to the noun; a word before an auxiliary is the phrase's own noun, not a verb.
    expect(read('which games companies just came out for blu-ray').focus).toBe('companies');
    expect(read('what kids shows did she present').focus).toBe('shows');
    expect(read('what happened to the deal').focus).toBeUndefined();
    // A plural before another verb is the phrase's noun; "what X <verb>" may ask what X did.
    expect(read('which three firms cut jobs').focus).toBe('firms');
    expect(read('which tax cuts help families').focus).not.toBe('tax');
    expect(read('what doctors found in his blood').type).toBe('what');
  });

  it('answers "which X <irregular verb>" with the X the sentence names, not a name inside a clause about someone else', () => {
    const ukip = answererForOne('UKIP candidate quits', [
      'A prospective candidate for the UK Independence Party (UKIP) has resigned after admitting a brief attachment to the British National Party (BNP).',
      'Nicholas Betts-Green, who had been selected to fight the Suffolk Coastal seat, quit after reports in a newspaper that he attended a BNP meeting.',
    ], '2005-01-20');
    expect(ukip.candidates('which ukip candidate quit over links to the bnp')[0]?.answer.short).toMatch(/^Nicholas Betts-Green/);
    // The clause set off by commas describes him: "Suffolk Coastal" did not quit.
    expect(ukip.answer('who quit after reports he attended a bnp meeting').short).toMatch(/^Nicholas Betts-Green/);
  });

});

describe('people are named in full', () => {
  it('by the full name the article gives, not the surname of a later sentence', () => {
    expect(firstAnswer('which mp said the attack happened at dusk')).toMatch(/^Quentin Davies/);
  });
});
