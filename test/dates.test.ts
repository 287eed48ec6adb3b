import { describe, expect, it } from 'vitest';
import { extractDates } from '../src/knowledge/dates.js';

const values = (sentence: string, articleDate?: string) => extractDates(sentence, articleDate).map((date) => date.value);

describe('dates a sentence mentions', () => {
  it('a year followed by a comma is still a year: "in 1989, has died"', () => {
    expect(values('Sir Anthony Meyer, who challenged Margaret Thatcher for the leadership in 1989, has died.')).toEqual(['1989']);
    expect(values("Singapore's economy grew by 8.1% in 2004, its best performance since 2000, figures show.")).toEqual(['2004', '2000']);
  });

  it('a day and month without a year are the most recent such day, unless the sentence speaks of what is to come', () => {
    expect(values('He was arrested on 5 May.', '2005-03-01')).toEqual(['5 May 2004']);
    expect(values('The mock votes will take place around 5 May.', '2005-03-01')).toEqual(['5 May 2005']);
    expect(values('The trial is due to start on 12 June.', '2005-03-01')).toEqual(['12 June 2005']);
    // Only the date's own clause says so: a promise after it is about something else.
    expect(values('Redknapp quit Portsmouth on 24 November and vowed: "I will not go to Southampton."', '2005-03-01')).toEqual(['24 November 2004']);
    // A day before the article's month is this year's either way.
    expect(values('He will be sentenced on 2 February.', '2005-03-01')).toEqual(['2 February 2005']);
  });

  it('a season\'s span "1989-90" is not read as one year', () => {
    expect(values('He played in the 1989-90 season.')).toEqual([]);
  });

  it('a month alone after "in", "since"…: "resigned in December"; "May" the verb is not read as a month', () => {
    expect(values('Franklin Raines resigned in December.')).toEqual(['December']);
    expect(values('In November, the bank said profits rose.')).toEqual(['November']);
    expect(values('Prices rose in mid-December.')).toEqual(['December']);
    expect(values('He may resign in March 2005.')).toEqual(['March 2005']);
    expect(values('The talks may fail.')).toEqual([]);
  });

  it('"last June", "next May": the named month before or after the article\'s', () => {
    expect(values("Valbon, capped in last June's Tests against the United States, returns.", '2005-02-10')).toEqual(['June 2004']);
    expect(values('The vote is due next May.', '2005-02-10')).toEqual(['May 2005']);
    expect(values('Sales fell last February.', '2005-02-10')).toEqual(['February 2004']);
    expect(values('Sales fell last January.', '2005-02-10')).toEqual(['January 2005']);
    expect(values('Sales fell last January.')).toEqual(['January']);
  });

  it('relative dates resolve against the article date', () => {
    expect(values('The shares fell last year.', '2005-02-01')).toEqual(['2004']);
  });
});
