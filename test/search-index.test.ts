import { describe, expect, it } from 'vitest';
import type { Article } from '../src/content/article.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import type { QueryTerm, SentenceHit } from '../src/knowledge/search-index.js';
import { stem } from '../src/text/stem.js';

/** A seeded generator: the same articles every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const WORDS = ['harbour', 'ferry', 'storm', 'council', 'budget', 'bridge', 'school', 'festival', 'minister', 'cotton'];

/** Articles of a few words each, so that many sentences tie on the same score. */
function articles(count: number, random: () => number): Article[] {
  const pick = (): string => WORDS[Math.floor(random() * WORDS.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    title: `${pick()} ${pick()} news`,
    tags: [],
    body: Array.from({ length: 4 }, () => `The ${pick()} and the ${pick()} met the ${pick()}.`).join(' '),
    origin: `a${i}.md`,
  }));
}

const query = (...words: string[]): QueryTerm[] => words.map((word, i) => ({ term: stem(word), weight: 1 / (i + 1) }));
const described = (hits: SentenceHit[]): string[] => hits.map((hit) => `${hit.sentence.knowledge.article.id}#${hit.sentence.facts.position} ${hit.score}`);

describe('the in-memory search', () => {
  it('returns the first hits of the whole ranking, ties in the same order, whatever the limit', () => {
    const knowledge = new KnowledgeBase(articles(80, seeded(7)));
    const random = seeded(11);
    for (let round = 0; round < 40; round++) {
      const terms = query(...Array.from({ length: 1 + Math.floor(random() * 3) }, () => WORDS[Math.floor(random() * WORDS.length)]!));
      const everything = described(knowledge.index.search(terms, { limit: Number.MAX_SAFE_INTEGER }));
      expect(everything.length).toBeGreaterThan(30);
      for (const limit of [1, 5, 30]) expect(described(knowledge.index.search(terms, { limit }))).toEqual(everything.slice(0, limit));
    }
  });

  it('gives a question the same hits before and after other questions, and after an article goes and comes back', () => {
    const all = articles(30, seeded(3));
    const knowledge = new KnowledgeBase(all);
    const first = described(knowledge.index.search(query('storm', 'ferry')));
    knowledge.index.search(query('budget'));
    knowledge.index.search(query('council', 'storm'), { onlyArticle: 'a4' });
    expect(described(knowledge.index.search(query('storm', 'ferry')))).toEqual(first);
    knowledge.remove('a0');
    expect(knowledge.index.search(query('storm', 'ferry'), { limit: 1000 }).some((hit) => hit.sentence.knowledge.article.id === 'a0')).toBe(false);
    knowledge.upsert(all[0]!);
    // Back in, it is indexed after the others: as in an index built with it last.
    const rebuilt = new KnowledgeBase([...all.slice(1), all[0]!]);
    expect(described(knowledge.index.search(query('storm', 'ferry')))).toEqual(described(rebuilt.index.search(query('storm', 'ferry'))));
  });

  it('scores an article\'s words once however many queries ran before', () => {
    const knowledge = new KnowledgeBase(articles(10, seeded(5)));
    const once = knowledge.index.searchArticles(query('harbour'), 3).map(({ knowledge: k, score }) => `${k.article.id} ${score}`);
    for (let i = 0; i < 5; i++) knowledge.index.search(query('harbour', 'bridge'));
    expect(knowledge.index.searchArticles(query('harbour'), 3).map(({ knowledge: k, score }) => `${k.article.id} ${score}`)).toEqual(once);
  });
});
