import { describe, expect, it } from 'vitest';
import { withGap } from '../src/answer/gap.js';
import { parseQuestion } from '../src/answer/question.js';
import { createLexicon } from '../src/lexicon/lexicon.js';
import { answererForOne } from './helpers/seed.js';

const lexicon = createLexicon();
const gapOf = (question: string): { head: string; particle?: string } | undefined => withGap(parseQuestion(question), lexicon).gap;

const obituary = answererForOne('Country singer dies', [
  'Country singer Hank Weaver, who wrote the hit Blue Ridge Rain, has died of a stroke at his home in Nashville.',
  'Weaver, 71, had played in the band the Night Riders before going solo in 1970.',
  'The band called itself the Night Riders after a radio show of the time.',
  'His widow said he had won two Grammy awards and sold 12 million records.',
  'In 1985 he was put in charge of the Nashville songwriters guild, a post he held for a decade.',
], '2005-03-01');
/** The engine's first candidate, sure or not: what it would answer. */
const firstAnswer = (question: string): string => obituary.candidates(question)[0]?.answer.short ?? '';

describe('a "what" question asks for what fills its gap', () => {
  it('reads the gap from the words the question ends with', () => {
    expect(gapOf('what did merle kilgore die of')).toEqual({ head: 'die', particle: 'of' });
    expect(gapOf('which label is jay-z going to be in charge of')).toEqual({ head: 'charge', particle: 'of' });
    expect(gapOf('what did the incredibles win')).toEqual({ head: 'win' });
    // A reflexive or a trailing "now" says nothing of the gap.
    expect(gapOf('what did the piracy group call itself')).toEqual({ head: 'call' });
    expect(gapOf('what does the firm make now')).toBeUndefined();
  });

  it('finds no gap where the last word is a noun, a light verb or no word of the question', () => {
    // "the deal" and "new plans" are nouns; "radio" is mostly one.
    expect(gapOf('what did he get out of the deal')).toBeUndefined();
    expect(gapOf('what age will you be able to become an mp under the new plans')).toBeUndefined();
    expect(gapOf('which station will be first with visual radio')).toBeUndefined();
    expect(gapOf('what is it about')).toBeUndefined();
    expect(gapOf('what did he do')).toBeUndefined();
    // Only "what" questions: who, when and where have their own kinds of answer.
    expect(gapOf('who did he play for')).toBeUndefined();
  });

  it('answers with the phrase after the gap, up to the end of its clause', () => {
    expect(firstAnswer('what did hank weaver die of')).toBe('A stroke');
    expect(firstAnswer('what did the band call itself')).toBe('The Night Riders');
    expect(firstAnswer('what was weaver put in charge of in 1985')).toBe('The Nashville songwriters guild');
    // A claim's content stays the claim's.
    expect(firstAnswer('what did weaver win')).toBe('According to his widow, two Grammy awards');
  });

  it('fills the gap only where the sentence states it as a fact of whom the question asks', () => {
    const extractionFor = (sentences: string[], question: string) => answererForOne('Story', sentences).candidates(question)[0]?.candidate.extraction?.short;
    // Denied or doubted: the sentence is no fact to take a phrase from.
    expect(extractionFor(['Doctors said Reed did not die of a heart attack, as first reported.'], 'what did reed die of')).toBeUndefined();
    expect(extractionFor(['The actor is thought to have died of a drug overdose, although tests are continuing.'], 'what did the actor die of')).toBeUndefined();
    // A passive has its object before the verb.
    expect(extractionFor(['Cocaine worth £2m was seized yesterday by customs officers at Dover.'], 'what did customs officers seize')).toBeUndefined();
    // Someone else did it: another name, or someone of his, right before the verb.
    expect(extractionFor(["Reed's long-time duet partner Ann Hill died of a stroke in 2001."], 'what did reed die of')).toBeUndefined();
    expect(extractionFor(['Soul singer Marvin Reed has died.', 'His brother died of cancer in 1990.'], 'what did marvin reed die of')).toBeUndefined();
    expect(extractionFor(['Reed, who almost died of a heroin overdose in 1980, died peacefully on Tuesday.'], 'what did reed die of')).toBeUndefined();
    expect(extractionFor(['Police said there was no evidence that Reed had died of an overdose.'], 'what did reed die of')).toBeUndefined();
    expect(extractionFor(['Reed, whose father died of tuberculosis, was raised by his aunt.'], 'what did reed die of')).toBeUndefined();
    expect(extractionFor(["Reed's wife, who nursed him for years, died of cancer in 1999."], 'what did reed die of')).toBeUndefined();
    // A figure is read whole, and a speaker after the comma is no apposed name.
    expect(extractionFor(['The bank will cut 2,500 jobs over the next three years.'], 'what will the bank cut')).toBe('2,500 jobs over the next three years');
    expect(extractionFor(['The actor died of a heart attack, Reuters reported.'], 'what did the actor die of')).toBe('A heart attack');
  });

  it('an "-ing" that describes a noun is no verb whose object fills the gap', () => {
    const match = answererForOne('Cup win', ['"It is really incredible to get the winning point in the final," said the coach.']);
    expect(match.candidates('what did the coach win')[0]?.candidate.extraction).toBeUndefined();
  });
});

describe('a "who" question that ends in a preposition asks for the name it leads to', () => {
  it('reads the preposition, and answers with the name after it in the sentence', () => {
    expect(withGap(parseQuestion('who did nicole kidman get a restraining order against'), lexicon).nameAfter).toBe('against');
    // "to" asks for a recipient, which the question reads itself.
    expect(withGap(parseQuestion('who was the letter sent to'), lexicon).nameAfter).toBeUndefined();
    const court = answererForOne('Kidman wins photographer battle', ['Her lawyer Wendy Day said Nicole Kidman had taken legal action against photographer Jamie Fawcett.']);
    expect(court.candidates('who did nicole kidman take legal action against')[0]?.candidate.extraction?.short).toMatch(/^Jamie Fawcett/);
    // The preposition of a word the question asks, not another's: "a row with director Baz Luhrmann" is not whom she works with.
    const film = answererForOne('Kidman back with Cruise', ['After a row with director Baz Luhrmann, Nicole Kidman agreed to work with Tom Cruise again.']);
    expect(film.candidates('who will kidman work with')[0]?.candidate.extraction?.short).toMatch(/^Tom Cruise/);
  });
});
