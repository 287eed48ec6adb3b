import { describe, expect, it } from 'vitest';
import { detectClaim } from '../src/knowledge/claims.js';

describe('attributed statements', () => {
  it('the speaker, not when they spoke: "Earlier this month the firm said…" is the firm\'s claim', () => {
    expect(detectClaim('Earlier this month the firm said it earned $10m in the third quarter.', undefined)).toEqual({ source: 'the firm', content: 'it earned $10m in the third quarter' });
    expect(detectClaim('On Monday, Mr Blair said he would stay.', undefined)?.source).toBe('Mr Blair');
    expect(detectClaim('Last week the company said profits fell.', undefined)?.source).toBe('the company');
  });
});
