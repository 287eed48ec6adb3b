import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArchiveStore } from '../src/archive/archive-store.js';
import { ArticleScorer } from '../src/archive/article-scorer.js';
import type { Article } from '../src/content/article.js';
import { stem } from '../src/text/stem.js';

const MB = 1024 * 1024;
const article = (id: string, title: string, body: string): Article => ({ id, title, tags: [], body, origin: `${id}.md` });
const ARTICLES = [
  article('bridge', 'New bridge opens in Ganja', 'A new bridge opened in Ganja on Monday. It cost 12 million manats, the ministry said.'),
  article('harvest', 'Record cotton harvest', 'Farmers in Saatly gathered a record cotton harvest this year. Traders in Ganja bought most of it.'),
  article('festival', 'Jazz festival returns to Baku', 'The Baku jazz festival returns in October. Organisers from Ganja expect 20,000 visitors.'),
];
const query = (...words: string[]) => words.map((word) => ({ term: stem(word), weight: 1 }));

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function openArchive(): ArchiveStore {
  const dir = mkdtempSync(join(tmpdir(), 'kept-pass-'));
  dirs.push(dir);
  const archive = ArchiveStore.open({ dataDir: dir, memoryBytes: 16 * MB });
  archive.upsertAll(ARTICLES);
  return archive;
}

describe('pass 1 kept for the same query asked again within an answer', () => {
  it('ranking articles, then sentences, of the same terms reads the heads once, and finds what a fresh pass finds', () => {
    const archive = openArchive();
    const fresh = openArchive();
    const terms = query('ganja', 'bridge');
    const ranked = (index: ArchiveStore['index']) => index.searchArticles(terms).map(({ knowledge, score }) => [knowledge.article.id, score]);
    const hits = (index: ArchiveStore['index']) => index.search(terms).map((hit) => [hit.sentence.facts.text, hit.score]);
    // A fresh archive each way: what a pass of its own finds.
    const freshSentences = hits(fresh.index);
    fresh.close();
    const otherFresh = openArchive();
    const freshArticles = ranked(otherFresh.index);
    otherFresh.close();
    const collect = vi.spyOn(ArticleScorer.prototype, 'collect');
    expect(ranked(archive.index)).toEqual(freshArticles);
    expect(hits(archive.index)).toEqual(freshSentences);
    expect(collect).toHaveBeenCalledTimes(1);
    // Sentence ranking narrowed the kept pass's bounds: articles may still use it, sentences may not.
    expect(ranked(archive.index)).toEqual(freshArticles);
    expect(collect).toHaveBeenCalledTimes(1);
    expect(hits(archive.index)).toEqual(freshSentences);
    expect(collect).toHaveBeenCalledTimes(2);
    expect(freshSentences.length).toBeGreaterThan(1);
    archive.close();
  });

  it('other terms, other weights or a term supporting rather than its own make a new pass', () => {
    const archive = openArchive();
    const collect = vi.spyOn(ArticleScorer.prototype, 'collect');
    archive.index.searchArticles(query('ganja'));
    archive.index.search(query('ganja', 'bridge'));
    archive.index.searchArticles([{ term: stem('ganja'), weight: 0.5 }]);
    archive.index.searchArticles([{ term: stem('ganja'), weight: 0.5, supporting: true }]);
    expect(collect).toHaveBeenCalledTimes(4);
    archive.close();
  });

  it('a write between two searches is seen: the kept pass is forgotten', () => {
    const archive = openArchive();
    const terms = query('cotton');
    expect(archive.index.searchArticles(terms).map(({ knowledge }) => knowledge.article.id)).toEqual(['harvest']);
    archive.upsert(article('mill', 'Cotton mill reopens', 'The cotton mill in Mingachevir reopened on Friday.'));
    expect(archive.index.search(terms).map((hit) => hit.sentence.knowledge.article.id).sort()).toEqual(['harvest', 'mill']);
    archive.remove('harvest');
    expect(archive.index.searchArticles(terms).map(({ knowledge }) => knowledge.article.id)).toEqual(['mill']);
    archive.close();
  });
});
