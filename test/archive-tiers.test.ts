import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ARCHIVE_FILE } from '../src/archive/archive-schema.js';
import { ArchiveStore } from '../src/archive/archive-store.js';
import { boundLength, boundTf } from '../src/archive/head-fields.js';
import { headImpact, joined, restBounds, restParagraphBound, restSentenceBound, splitByImpact, TOP_HEADS } from '../src/archive/impact-tiers.js';
import { HEAD, HEAD_FIELDS } from '../src/archive/posting-records.js';
import type { SearchMode } from '../src/archive/stored-index.js';
import type { Article } from '../src/content/article.js';
import type { SentenceHit } from '../src/knowledge/search-index.js';
import { stem } from '../src/text/stem.js';

const MB = 1024 * 1024;
/**
 * Of the tiered search's top hits, at least this share must be the exact search's. 0.895
 * measured here: random words share no topics, so a query's words meet in articles by
 * chance, the worst case for leaving heads out (the eval's sets: within a point).
 */
const MIN_SHARED_HITS = 0.85;
const LIMIT = 10;

/** A small deterministic PRNG: every run tests the same archive. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

/** Pronounceable made-up words, drawn Zipf-like: a few in most articles, a long tail. */
function vocabulary(next: () => number, size: number): () => string {
  const syllables = ['ba', 'ko', 'ri', 'tu', 'me', 'sa', 'lo', 'ni', 'da', 've', 'pu', 'go'];
  const words = Array.from({ length: size }, (_, i) => `${syllables[i % 12]}${syllables[Math.floor(i / 12) % 12]}${syllables[Math.floor(i / 144) % 12]}n`);
  return () => words[Math.floor(Math.exp(next() * Math.log(size + 1))) - 1]!;
}

function randomArticles(seed: number, count: number): Article[] {
  const next = random(seed);
  const word = vocabulary(next, 600);
  const sentence = (): string => {
    const words = Array.from({ length: 5 + Math.floor(next() * 12) }, word);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    title: `${word()} ${word()} ${word()}`,
    tags: [],
    body: Array.from({ length: 1 + Math.floor(next() * 6) }, () => Array.from({ length: 1 + Math.floor(next() * 4) }, sentence).join(' ')).join('\n\n'),
    origin: `a${i}.md`,
  }));
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openStore(): { store: ArchiveStore; data: string } {
  const data = mkdtempSync(join(tmpdir(), 'archive-tiers-'));
  dirs.push(data);
  return { store: ArchiveStore.open({ dataDir: data, memoryBytes: 16 * MB }), data };
}

const key = (hit: SentenceHit): string => `${hit.sentence.knowledge.article.id}:${hit.sentence.facts.position}`;

describe('a posting row in two tiers by impact', () => {
  it('keeps the TOP_HEADS heads of highest impact in tier 0, the rest in tier 1, and bounds the rest', () => {
    const next = random(5);
    const count = 3 * TOP_HEADS;
    const row = new Uint16Array(count * HEAD_FIELDS);
    for (let h = 0; h < count; h++) {
      const at = h * HEAD_FIELDS;
      row[at + HEAD.slot] = h;
      row[at + HEAD.articleTf] = 1 + Math.floor(next() * 5);
      row[at + HEAD.articleLengthLow] = 50 + Math.floor(next() * 500);
      row[at + HEAD.sentenceBound] = ((1 + Math.floor(next() * 3)) << 8) | (3 + Math.floor(next() * 30));
      row[at + HEAD.paragraphBound] = ((1 + Math.floor(next() * 4)) << 8) | (5 + Math.floor(next() * 60));
    }
    const { top, rest } = splitByImpact(row);
    expect(top.length).toBe(TOP_HEADS * HEAD_FIELDS);
    expect(rest!.length).toBe((count - TOP_HEADS) * HEAD_FIELDS);
    const impacts = (heads: Uint16Array) => Array.from({ length: heads.length / HEAD_FIELDS }, (_, h) => headImpact(heads, h * HEAD_FIELDS));
    expect(Math.min(...impacts(top))).toBeGreaterThanOrEqual(Math.max(...impacts(rest!)));
    // Every head once, in the row's order within each tier.
    const slots = (heads: Uint16Array) => Array.from({ length: heads.length / HEAD_FIELDS }, (_, h) => heads[h * HEAD_FIELDS + HEAD.slot]!);
    expect([...slots(top), ...slots(rest!)].sort((a, b) => a - b)).toEqual(slots(row));
    expect(slots(top)).toEqual([...slots(top)].sort((a, b) => a - b));
    expect(joined([top, rest])!.length).toBe(row.length);
    // The rest's bound: a tf at least and a length at most every rest head's.
    const bounds = restBounds(rest);
    for (let at = 0; at < rest!.length; at += HEAD_FIELDS) {
      expect(boundTf(restSentenceBound(bounds))).toBeGreaterThanOrEqual(boundTf(rest![at + HEAD.sentenceBound]!));
      expect(boundLength(restSentenceBound(bounds))).toBeLessThanOrEqual(boundLength(rest![at + HEAD.sentenceBound]!));
      expect(boundTf(restParagraphBound(bounds))).toBeGreaterThanOrEqual(boundTf(rest![at + HEAD.paragraphBound]!));
      expect(boundLength(restParagraphBound(bounds))).toBeLessThanOrEqual(boundLength(rest![at + HEAD.paragraphBound]!));
    }
    expect(splitByImpact(top)).toEqual({ top, rest: undefined });
    expect(restBounds(undefined)).toBe(0);
  });
});

describe('the tiered search', () => {
  it('finds nearly what the exact search finds, which is what scoring every article finds, on a random archive', () => {
    const { store } = openStore();
    // Every term tiered, as the words of a question mostly are at 100,000 articles.
    store.index.wholeTermArticles = 0;
    const articles = randomArticles(7, 600);
    for (let i = 0; i < articles.length; i += 200) store.upsertMany(articles.slice(i, i + 200));
    const next = random(9);
    const word = vocabulary(next, 600);
    const searchAll = (mode: SearchMode, queries: { term: string; weight: number }[][]) => {
      store.index.mode = mode;
      return queries.map((terms) => store.index.search(terms, { limit: LIMIT }));
    };
    const queries = Array.from({ length: 40 }, () => Array.from({ length: 2 + Math.floor(next() * 6) }, (_, i) => ({ term: stem(word()), weight: i % 3 === 2 ? 0.5 : 1 })));
    const exact = searchAll('exact', queries);
    const exhaustive = searchAll('exhaustive', queries);
    const tiered = searchAll('tiered', queries);
    expect(exact.map((hits) => hits.map((hit) => [key(hit), hit.score]))).toEqual(exhaustive.map((hits) => hits.map((hit) => [key(hit), hit.score])));
    let shared = 0;
    let found = 0;
    let differing = 0;
    exact.forEach((hits, q) => {
      const exactKeys = new Set(hits.map(key));
      const tieredKeys = tiered[q]!.map(key);
      shared += tieredKeys.filter((k) => exactKeys.has(k)).length;
      found += hits.length;
      if (tieredKeys.join() !== [...exactKeys].join()) differing += 1;
    });
    expect(found).toBeGreaterThan(queries.length * LIMIT * 0.9);
    expect(shared / found).toBeGreaterThanOrEqual(MIN_SHARED_HITS);
    // The archive is big enough for tier 1 to matter: some results differ.
    expect(differing).toBeGreaterThan(0);
    store.close();
  });

  it("finds articles by a question's own words and counts a supporting related word in them, never finding one by it alone", () => {
    const { store } = openStore();
    store.index.wholeTermArticles = 0;
    const article = (id: string, body: string): Article => ({ id, title: `Report ${id}`, tags: [], body, origin: `${id}.md` });
    store.upsertMany([
      article('both', 'The zorvan kelp harvest grew this year.'),
      article('own', 'The zorvan harvest failed this year.'),
      article('related', 'Kelp covers the bay, kelp and more kelp.'),
    ]);
    const query = [
      { term: stem('zorvan'), weight: 1 },
      { term: stem('kelp'), weight: 0.5, supporting: true },
    ];
    const articlesFound = (mode: SearchMode) => {
      store.index.mode = mode;
      return store.index.search(query, { limit: LIMIT }).map((hit) => hit.sentence.knowledge.article.id);
    };
    // Every head read: the related word alone finds its article, as in memory.
    expect(articlesFound('exact')).toContain('related');
    const tiered = articlesFound('tiered');
    expect(tiered).not.toContain('related');
    // The article holding both words ranks first: the related word still counts in it.
    expect(tiered.slice(0, 2)).toEqual(['both', 'own']);
    store.close();
  });

  it('scores an article its own word holds weakly and a supporting word strongly: the unread word still bounds every article', () => {
    const { store } = openStore();
    store.index.wholeTermArticles = 0;
    const article = (id: string, body: string): Article => ({ id, title: `Report ${id}`, tags: [], body, origin: `${id}.md` });
    const weak = Array.from({ length: 20 }, (_, i) => article(`own${i}`, 'The zorvan harvest failed.'));
    store.upsertMany([...weak, article('strong', 'Kelp kelp kelp kelp and the zorvan kelp kelp harvest of the whole long northern bay this busy year.')]);
    const query = [
      { term: stem('zorvan'), weight: 1 },
      { term: stem('kelp'), weight: 0.5, supporting: true },
    ];
    for (const mode of ['exact', 'tiered'] as const) {
      store.index.mode = mode;
      expect(store.index.search(query, { limit: 3 })[0]?.sentence.knowledge.article.id).toBe('strong');
    }
    store.close();
  });

  it('answers a search about one article from it, however many articles the budget spent first', () => {
    const { store } = openStore();
    store.index.wholeTermArticles = 0;
    const next = random(11);
    const topical = Array.from({ length: 20 }, (_, i) => `zq${String.fromCharCode(97 + i)}word`);
    const articles: Article[] = Array.from({ length: 700 }, (_, i) => ({
      id: `a${i}`,
      title: `Report ${i}`,
      tags: [],
      body: Array.from({ length: 1 + Math.floor(next() * 5) }, () => `${Array.from({ length: 3 + Math.floor(next() * 12) }, () => (next() < 0.3 ? topical[Math.floor(next() * 20)] : `filler${Math.floor(next() * 50)}`)).join(' ')}.`).join(' '),
      origin: `a${i}.md`,
    }));
    for (let i = 0; i < articles.length; i += 350) store.upsertMany(articles.slice(i, i + 350));
    const query = topical.map((word) => ({ term: stem(word), weight: 1 }));
    const about = articles.filter((item, i) => i % 7 === 0 && item.body.includes('zq'));
    const found = (mode: SearchMode) => {
      store.index.mode = mode;
      return about.filter((item) => store.index.search(query, { onlyArticle: item.id }).length > 0).length;
    };
    expect(about.length).toBeGreaterThan(50);
    expect(found('tiered')).toBe(found('exact'));
    expect(found('exact')).toBe(about.length);
    store.close();
  });

  it('keeps no head of an article once it is gone, in either tier', () => {
    const { store, data } = openStore();
    const articles = randomArticles(3, 150);
    store.upsertMany(articles);
    const db = new Database(join(data, ARCHIVE_FILE), { readonly: true });
    const rows = () => db.prepare('SELECT (SELECT count(*) FROM postings) + (SELECT count(*) FROM postings_rest) AS n').get() as { n: number };
    expect((db.prepare('SELECT count(*) AS n FROM postings_rest').get() as { n: number }).n).toBeGreaterThan(0);
    store.removeMany(articles.slice(0, 100).map((article) => article.id));
    expect(rows().n).toBeGreaterThan(0);
    store.removeMany(articles.slice(100).map((article) => article.id));
    expect(rows().n).toBe(0);
    db.close();
    store.close();
  });
});
