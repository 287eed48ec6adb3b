import { describe, expect, it } from 'vitest';
import { relatedAmong } from '../src/knowledge/bm25.js';

describe('words the index relates by their beginning', () => {
  it('relates an ending the stemmer left, not another word that begins the same', () => {
    expect(relatedAmong('protest', ['protester', 'secretari', 'protest'])).toEqual(['protester']);
    expect(relatedAmong('secret', ['secretari', 'secrets'])).toEqual(['secrets']);
  });
});
