import { describe, expect, it } from 'vitest';
import { detectClaim } from '../src/knowledge/claims.js';

describe('attributed statements', () => {
  it('the speaker, not when they spoke: "Earlier this month the firm said…" is the firm\'s claim', () => {
    expect(detectClaim('Earlier this month the firm said it earned $10m in the third quarter.', undefined)).toEqual({ source: 'the firm', content: 'it earned $10m in the third quarter' });
    expect(detectClaim('On Monday, Mr Blair said he would stay.', undefined)?.source).toBe('Mr Blair');
    expect(detectClaim('Last week the company said profits fell.', undefined)?.source).toBe('the company');
    expect(detectClaim('On Monday night Mr Blair said he would stay.', undefined)?.source).toBe('Mr Blair');
    expect(detectClaim('In March 2005 the firm said profits rose.', undefined)?.source).toBe('the firm');
  });

  it('a noun or an infinitive that looks like a verb of saying makes no speaker: "rejected the claim", "declined to say"', () => {
    expect(detectClaim('A three-judge appeal court panel rejected the claim that he was unfit.', undefined)).toBeUndefined();
    expect(detectClaim("Tony Blair's official spokesman declined to say whether he would go.", undefined)).toBeUndefined();
  });
});
