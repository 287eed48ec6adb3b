import { describe, expect, it } from 'vitest';
import { answererForOne } from './helpers/seed.js';

/** A made-up story in the BBC's manner: the subject named in the lede, then "the actor", "he", "his". */
const story = answererForOne('Reeves given Hollywood star', [
  'Actor Keanu Reeves has been awarded a star on the Hollywood Walk of Fame.',
  '"Hollywood was calling," Reeves said of his early years.',
  'The actor, who was born in Beirut, dropped out of school to act. Producer John Smith, who was born in Toronto, said he had worked with the cast for years.',
  'His next film, the thriller Constantine, opens in March.',
]);

describe('a sentence about a person it does not name', () => {
  it('holds the name of the person the story is about when it calls them "the actor"', () => {
    // Without his name in the sentence the answer was too unsure to give (0.53).
    expect(story.answer('where was keanu reeves born').short).toBe('Beirut');
  });

  it('answers "who" with the person "the actor" opening the sentence means', () => {
    expect(story.candidates('who dropped out of school to act')[0]?.answer.short).toMatch(/^Keanu Reeves/);
  });

  it('a pronoun after another person named in its sentence is that person\'s', () => {
    const smith = story.candidates('where was keanu reeves born').find((candidate) => candidate.candidate.facts.text.includes('Toronto'));
    expect(smith?.candidate.evidence.namesInSentence ?? 0).toBe(0);
  });
});

describe('an unnamed mention is not taken for someone it may not be', () => {
  /** The sentences as one paragraph: a neighbour's name could answer. */
  const one = (sentences: string[]) => answererForOne('News', [sentences.join(' ')]);

  it('"the judge" after a sentence about Michael Jackson is someone else: the article never calls him a judge', () => {
    const trial = one(['Michael Jackson arrived at the court in Santa Maria on Monday.', 'The judge ordered a two-week delay to the trial.']);
    expect(trial.answer('who ordered a delay to the trial?').short).not.toMatch(/Jackson/);
  });

  it('a pronoun in a sentence that names someone is theirs, even when the name comes after it', () => {
    const speech = one(['Tony Blair spent the weekend at Chequers.', 'In his first speech as Tory leader on Monday, Michael Howard attacked the government.']);
    const howard = speech.candidates('when did tony blair attack the government?').find((candidate) => candidate.candidate.facts.text.includes('Howard'));
    expect(howard?.candidate.evidence.namesInSentence ?? 0).toBeLessThan(1);
  });
});
