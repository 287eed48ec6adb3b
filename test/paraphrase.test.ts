import { describe, expect, it } from 'vitest';
import { createLexicon } from '../src/lexicon/lexicon.js';
import { answererFor } from './helpers/seed.js';

const lexicon = createLexicon();

describe('paraphrase from WordNet', () => {
  it('a phrase WordNet lists as one lemma stands for its single-word synonyms: "step down" is "resign", "set up" is "found"', () => {
    expect(lexicon.phraseRelatedWords(['stepped', 'down'])).toEqual(expect.arrayContaining(['resign', 'quit']));
    expect(lexicon.phraseRelatedWords(['set', 'up'])).toEqual(expect.arrayContaining(['establish', 'found']));
    expect(lexicon.phraseRelatedWords(['the', 'company'])).toEqual([]);
  });

  it('opposites come from the parts of speech a word is used as: "transient" for "permanent", nothing for the adverb "still"', () => {
    expect(lexicon.antonyms('permanent')).toContain('transient');
    expect(lexicon.antonyms('rise')).toContain('fall');
    // "still" is an adverb in WordNet's tagged texts far more often than the adjective whose opposite is "moving".
    expect(lexicon.antonyms('still')).toEqual([]);
    // Words of opposite direction: what is cut is not increased. A win is another side's loss: not opposites.
    expect(lexicon.antonyms('cut')).toContain('increase');
    expect(lexicon.antonyms('win')).not.toContain('lost');
    const taxes = answererFor([{ id: 'kerry', title: 'Kerry tax plans', date: '2004-10-01', tags: [], origin: 'kerry.md', body: 'Senator Kerry planned to increase taxes on those earning more than $200,000 a year.' }]);
    expect(taxes.candidates('did senator kerry plan to cut taxes on those earning more than $200,000 a year?')[0]?.candidate.yesNo?.verdict).toBe('no');
    const kicker = answererFor([{ id: 'rugby', title: 'Hodgson to kick', date: '2005-02-10', tags: [], origin: 'rugby.md', body: 'Robinson has confirmed that fly-half Charlie Hodgson will be the first-choice kicker despite his missed penalties.' }]);
    expect(kicker.candidates('is hodgson still the first choice kicker?')[0]?.candidate.yesNo?.verdict).not.toBe('no');
  });

  it('a verb asked in its base finds its irregular past: "leave" finds "left"', () => {
    expect(lexicon.relatedWords('leave')).toContain('left');
    expect(lexicon.relatedWords('beat')).toContain('beaten');
    const career = answererFor([{ id: 'molyneux', title: 'Games maker honoured', date: '2005-01-01', tags: [], origin: 'molyneux.md', body: [
      'Peter Molyneux began his career at Bullfrog Studios, which in 1987 produced Populous, one of the first God-games.',
      'He left Bullfrog in 1997 to set up Lionhead Studios.',
    ].join(' ') }]);
    expect(career.candidates('when did molyneux leave bullfrog')[0]?.answer.short).toMatch(/1997/);
  });

  it('a question in the reader\'s phrase finds the sentence in the article\'s word', () => {
    const news = answererFor([
      {
        id: 'bank',
        title: 'Bank news',
        date: '2005-03-02',
        tags: [],
        origin: 'bank.md',
        body: 'Franklin Raines joined the board of the bank in June 1991.\n\nFranklin Raines, its chief executive since 1999, resigned in December.',
      },
    ]);
    const top = news.candidates('when did franklin raines step down')[0];
    expect(top?.candidate.facts.text).toMatch(/resigned in December/);
    expect(top?.answer.short).toMatch(/December/);
  });

  it('a role word made with "-man" stands for its "-woman" and "-person" forms: "the ombudsman" is the article\'s ombudsperson', () => {
    expect(lexicon.relatedWords('ombudsman')).toEqual(expect.arrayContaining(['ombudsperson', 'ombudswoman']));
    expect(lexicon.relatedWords('chairwoman')).toEqual(expect.arrayContaining(['chairman', 'chairperson']));
    expect(lexicon.relatedWords('human')).not.toContain('huwoman');
    const ombudsperson = answererFor([{ id: 'letter', title: 'Open letter', date: '2025-05-01', tags: [], origin: 'letter.md', body: 'The Ombudsperson of Azerbaijan Sabina Aliyeva has addressed an open letter to Amnesty International.' }]);
    expect(ombudsperson.answer('who is the ombudsman of azerbaijan?').short).toMatch(/Sabina Aliyeva/);
  });
});
