import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../src/knowledge/article-knowledge.js';
import { attributed, detectClaim } from '../src/knowledge/claims.js';

describe('attributed statements', () => {
  it('the perfect tense reports a claim as the past does, and a role in lower case may open the speaker: "…, a security firm has warned", "…, lead singer Gary Lightbody has said"', () => {
    expect(detectClaim('Cash machine networks could soon be more susceptible to computer viruses, a security firm has warned.', undefined)).toEqual({ source: 'a security firm', content: 'Cash machine networks could soon be more susceptible to computer viruses' });
    expect(detectClaim('Microsoft has warned that pirated copies will not get the update.', undefined)).toEqual({ source: 'Microsoft', content: 'pirated copies will not get the update' });
    expect(detectClaim('The band had no choice but to ask their bassist to leave, lead singer Gary Lightbody has said.', undefined)?.source).toBe('lead singer Gary Lightbody');
    // A clause is still no speaker: "and shares fell as investors said".
    expect(detectClaim('The index closed higher, and shares fell as investors said.', undefined)).toBeUndefined();
    // Only a verb that says nothing else: the pound "had added" 0.5%, Federer "has claimed" a title.
    expect(detectClaim('The British pound had added 0.5% by the close.', undefined)).toBeUndefined();
    expect(detectClaim('Federer has claimed his third Masters title in Miami.', undefined)).toBeUndefined();
    // A sentence ending "…, X said." is X's claim, whatever perfect opens it.
    expect(detectClaim("The EU's own institutions have noted the problem but failed to act, the US Trade Representative's Office said.", undefined)?.source).toBe("the US Trade Representative's Office");
  });

  it('a phrase setting the scene is no part of the speaker, and whom a speaker warned no part of the claim', () => {
    expect(detectClaim('On the Asian tsunami he said it had been "very heartening".', 'Mr Kennedy', 'Mr Kennedy')?.source).toBe('Mr Kennedy');
    expect(detectClaim('At home Mr Kennedy said many people were turning to his party.', undefined)?.source).toBe('Mr Kennedy');
    expect(detectClaim('In his New Year message the Liberal Democrat leader said Labour was relying on fear.', undefined)?.source).toBe('the Liberal Democrat leader');
    expect(detectClaim('He warned the BBC that attacking Mr Campbell had brought it trouble before.', 'Peter Mandelson', 'Peter Mandelson')).toEqual({ source: 'Peter Mandelson', content: 'attacking Mr Campbell had brought it trouble before' });
  });

  it('the speaker, not when they spoke: "Earlier this month the firm said…" is the firm\'s claim', () => {
    expect(detectClaim('Earlier this month the firm said it earned $10m in the third quarter.', undefined)).toEqual({ source: 'the firm', content: 'it earned $10m in the third quarter' });
    expect(detectClaim('On Monday, Mr Blair said he would stay.', undefined)?.source).toBe('Mr Blair');
    expect(detectClaim('Last week the company said profits fell.', undefined)?.source).toBe('the company');
    expect(detectClaim('On Monday night Mr Blair said he would stay.', undefined)?.source).toBe('Mr Blair');
    expect(detectClaim('In March 2005 the firm said profits rose.', undefined)?.source).toBe('the firm');
  });

  it('"He said" is the person the sentences since the last claim were about, not whoever spoke last; a quote after a colon keeps its own punctuation', () => {
    const body = 'Arsenal manager Arsene Wenger said his side had been unlucky.\n\nBut Wenger\'s Bayern counterpart Felix Magath was in no mood to celebrate either. He said: "I am far from happy despite the win."\n\nHe added that the second leg would be hard.';
    const knowledge = buildKnowledge({ id: 'match', title: 'Arsenal beaten', date: '2005-02-24', tags: [], body, origin: 'match.md' });
    const claims = knowledge.sentences.flatMap((facts) => (facts.claim ? [facts.claim] : []));
    expect(claims.map((claim) => claim.source)).toEqual(['Arsenal manager Arsene Wenger', 'Felix Magath', 'Felix Magath']);
    expect(attributed(claims[1]!)).toBe('According to Felix Magath, "I am far from happy despite the win."');
  });

  it('a claim in the speaker\'s own unquoted words is quoted, never the bot\'s "I"; "It\'s" opening a claim loses its capital', () => {
    expect(attributed({ source: 'Kim Collins', content: "I'm looking forward to racing in Birmingham" })).toBe('Kim Collins: “I\'m looking forward to racing in Birmingham.”');
    expect(attributed({ source: 'the club', content: 'We will appeal' })).toBe('The club: “We will appeal.”');
    expect(attributed({ source: 'Edwards', content: "It's all down to him" })).toBe("According to Edwards, it's all down to him.");
    expect(attributed({ source: 'the report', content: 'Although Aceh suffered most, the oil fields survived' })).toBe('According to the report, although Aceh suffered most, the oil fields survived.');
    expect(attributed({ source: 'the letter', content: 'Armenia gave no information' })).toBe('According to the letter, Armenia gave no information.');
    expect(attributed({ source: 'Mr Bez', content: 'sales will rise' })).toBe('According to Mr Bez, sales will rise.');
    // A quote the sentence closed after the part taken is closed again.
    expect(attributed(detectClaim('The Vantage is "the most important car in the history of our company", said chief executive Ulrich Bez.', undefined)!)).toBe('According to chief executive Ulrich Bez, the Vantage is "the most important car in the history of our company".');
    expect(attributed({ source: 'the club', content: 'the deal is “done and dusted' })).toBe('According to the club, the deal is “done and dusted”.');
    // A quote whose start was cut off is not closed again at the end.
    expect(attributed({ source: 'the union', content: '…cleaners and porters", and that members would strike in March' })).toBe('According to the union, …cleaners and porters", and that members would strike in March.');
  });

  it('"I" or "we" before "said" is no speaker to attribute to: "According to we\'ve…" is never written', () => {
    expect(detectClaim("We've called for the state pension to be increased from £79.60 to £105.45.", undefined)?.source ?? '').not.toMatch(/^we/i);
    expect(detectClaim('I said we would win.', undefined)?.source ?? '').not.toMatch(/^i$/i);
    expect(detectClaim('The firm said profits rose.', undefined)?.source).toBe('the firm');
  });

  it('"He said" is never someone a sentence names after a preposition, in a later clause, or inside a quote', () => {
    const body = 'Chelsea manager Jose Mourinho has been fined.\n\nThe fine follows his remarks about referee Anders Frisk after the Barcelona match. He said he would not appeal against the decision.\n\nThe win was Wales\'s first at Twickenham since 1988, when Jonathan Davies was in the side. He added that Mourinho had been unlucky.';
    const knowledge = buildKnowledge({ id: 'fine', title: 'Mourinho fined', date: '2005-02-24', tags: [], body, origin: 'fine.md' });
    const sources = knowledge.sentences.flatMap((facts) => (facts.claim ? [facts.claim.source] : []));
    expect(sources).not.toContain('Anders Frisk');
    expect(sources).not.toContain('Jonathan Davies');
  });

  it('a sentence that opens like a scene and ends "…, the firm said" is the firm\'s whole claim, never an empty one; "It did not say…" claims nothing', () => {
    expect(detectClaim('About 70% were using file-sharing program BitTorrent, the firm said.', undefined)).toEqual({ source: 'the firm', content: 'About 70% were using file-sharing program BitTorrent' });
    expect(detectClaim('It did not say which facilities would be affected, but intends moving them to Asia.', undefined)).toBeUndefined();
    expect(detectClaim('The firm would not say how much it paid.', undefined)).toBeUndefined();
    expect(detectClaim("Mr Smith didn't say when he would leave.", undefined)).toBeUndefined();
  });

  it('when the speaker spoke is no part of the speaker, and a possessive\'s "claims" is a noun: "Mr Brown earlier denied…", "upheld Ms Villalba\'s claims of…"', () => {
    expect(detectClaim('Mr Brown earlier denied his economic forecasts were too optimistic.', undefined)?.source).toBe('Mr Brown');
    expect(detectClaim("The tribunal upheld Ms Villalba's claims of victimisation on certain specific issues.", undefined)).toBeUndefined();
    // After a determiner alone it is the noun too: the speaker is not "His" or "The".
    expect(detectClaim('His claims were denied by Foreign Secretary Jack Straw, who accused the Tories of running scared.', undefined)).toBeUndefined();
    expect(detectClaim('The reports were dismissed by the club.', undefined)).toBeUndefined();
    expect(detectClaim("The workers' union said the strike would go ahead.", undefined)?.source).toBe("the workers' union");
    expect(detectClaim("Foster's said a combination of the two firms would work.", undefined)?.source).toBe("Foster's");
    expect(detectClaim("Mr Blair's reported treaty would bind the UK, says the Times.", undefined)?.source).toBe('the Times');
  });

  it('a noun or an infinitive that looks like a verb of saying makes no speaker: "rejected the claim", "declined to say"', () => {
    expect(detectClaim('A three-judge appeal court panel rejected the claim that he was unfit.', undefined)).toBeUndefined();
    expect(detectClaim("Tony Blair's official spokesman declined to say whether he would go.", undefined)).toBeUndefined();
  });

  it('only a verb of saying has its speaker after it: "…, said Mr Dudas", not "…, denies murder"', () => {
    expect(detectClaim('"We will appeal," said Mr Dudas.', undefined)?.source).toBe('Mr Dudas');
    expect(detectClaim('Smith, 34, who is accused of stabbing his neighbour, denies murder.', undefined)?.source).not.toBe('murder');
    expect(detectClaim('Reed, who was charged with fraud in 2003, denies wrongdoing.', undefined)?.source).not.toBe('wrongdoing');
    expect(detectClaim('Smith, who is accused of stabbing his neighbour, claims self-defence.', undefined)?.source).not.toBe('self-defence');
    expect(detectClaim('The report, published on Monday, warns ministers of a crisis.', undefined)?.source).not.toBe('ministers of a crisis');
  });
});
