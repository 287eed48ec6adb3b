import { describe, expect, it } from 'vitest';
import { scoreAllArticles, scoreNeededArticles } from '../src/archive/article-pruning.js';
import { ArticleScorer, type QueryTermRows, termIdfs } from '../src/archive/article-scorer.js';
import { KthBest } from '../src/knowledge/kth-best.js';
import { ArticleEntries, forwardEntries, termHash } from '../src/archive/article-entries.js';
import { articlePostings, HEAD_FIELDS, segmentOf } from '../src/archive/posting-records.js';
import { type RankOptions, rankArticles, rankSentences, sentenceRanking } from '../src/archive/ranking.js';
import type { Totals } from '../src/archive/stored-index.js';
import type { ArticleKnowledge } from '../src/knowledge/article-knowledge.js';

/** A small deterministic PRNG: every run tests the same archives. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

/** Term i is drawn about 1/(i+1) as often as term 0: a few common words and a long tail, as in news. */
function zipfTerm(next: () => number, vocabulary: number): string {
  return `t${Math.floor(Math.exp(next() * Math.log(vocabulary + 1))) - 1}`;
}

type Sentences = { position: number; paragraph: number; terms: string[] }[];

/** Where the archive puts its i-th article: slots need not be consecutive. */
const SPREAD_SLOTS = (i: number): number => 1 + i * 3;

/** Articles indexed with the archive's own record builder: heads in rows of a segment, as stored, entries per article. */
function buildArchive(articles: { title: string[]; sentences: Sentences }[], slotOf: (i: number) => number = SPREAD_SLOTS) {
  const totals: Totals = { sentences: 0, sentence_length: 0, paragraphs: 0, paragraph_length: 0, articles: 0, article_length: 0 };
  const rows = new Map<string, Map<number, number[]>>();
  const df = new Map<string, { sentences: number; paragraphs: number; articles: number }>();
  const forward = new Map<number, ArticleEntries>();
  articles.forEach(({ title, sentences }, i) => {
    const slot = slotOf(i);
    const knowledge = { titleTerms: title, tagTerms: [], sentences } as unknown as ArticleKnowledge;
    const built = articlePostings(knowledge, slot);
    totals.sentences += built.totals.sentences;
    totals.sentence_length += built.totals.sentenceLength;
    totals.paragraphs += built.totals.paragraphs;
    totals.paragraph_length += built.totals.paragraphLength;
    totals.articles += 1;
    totals.article_length += built.totals.articleLength;
    forward.set(slot, new ArticleEntries(forwardEntries(built.records, built.totals.articleLength)));
    for (const [term, record] of built.records) {
      const termRows = rows.get(term) ?? new Map<number, number[]>();
      rows.set(term, termRows);
      const row = termRows.get(segmentOf(slot)) ?? [];
      termRows.set(segmentOf(slot), row);
      row.push(...record.head);
      const counts = df.get(term) ?? { sentences: 0, paragraphs: 0, articles: 0 };
      df.set(term, { sentences: counts.sentences + record.sentences, paragraphs: counts.paragraphs + record.paragraphs, articles: counts.articles + 1 });
    }
  });
  const query = (terms: { term: string; weight: number }[]): QueryTermRows[] =>
    terms.flatMap(({ term, weight }) => {
      const termRows = rows.get(term);
      // Slots are given in ascending order, so segments come ascending too.
      return termRows ? [{ ...termIdfs(df.get(term)!, totals, weight), hash: termHash(term), heads: [...termRows.values()].map((row) => Uint16Array.from(row)), segments: Int32Array.from(termRows.keys()), rests: new Uint32Array(termRows.size), unreadRest: 0 }] : [];
    });
  return { totals, query, forward };
}

/** Articles of random sentences over a vocabulary of Zipf-distributed terms. */
function randomArchive(next: () => number, articleCount: number, vocabulary: number, slotOf?: (i: number) => number) {
  return buildArchive(
    Array.from({ length: articleCount }, () => ({
      title: [zipfTerm(next, vocabulary)],
      sentences: Array.from({ length: 1 + Math.floor(next() * 40) }, (_, position) => ({
        position,
        paragraph: Math.floor(position / 2), // past 16 paragraphs and 32 sentences, buckets are shared
        terms: Array.from({ length: 2 + Math.floor(next() * 14) }, () => zipfTerm(next, vocabulary)),
      })),
    })),
    slotOf,
  );
}

function search(scorer: ArticleScorer, archive: ReturnType<typeof buildArchive>, rows: QueryTermRows[], rank: RankOptions, prune: boolean) {
  const scores = scorer.collect(rows, archive.totals);
  let scored = 0;
  const work = {
    score: (a: number): void => {
      scored += 1;
      scorer.scoreArticle(a, scores, archive.forward.get(scores.articles.slot[a]!)!);
    },
    tighten: (list: Int32Array, count: number): void => scorer.tighten(list, count),
  };
  if (prune) scoreNeededArticles(scores, work, sentenceRanking(rank));
  else scoreAllArticles(scores, work);
  return { hits: rankSentences(scores, rank), articles: rankArticles(scores, 5), maxima: [scores.maxSentence, scores.maxParagraph, scores.maxArticle], scored };
}

/** A query as the answer engine asks: up to `maxTerms` terms of a Zipf vocabulary, every third (a related word) at half weight. */
function randomQuery(next: () => number, maxTerms: number, vocabulary: number): { term: string; weight: number }[] {
  return Array.from({ length: 1 + Math.floor(next() * maxTerms) }, (_, i) => ({ term: zipfTerm(next, vocabulary), weight: i % 3 === 2 ? 0.5 : 1 }));
}

/** Pruning and scoring everything give the same sentences, maxima and articles; how many articles each scored. */
function expectPrunedAsEverything(scorer: ArticleScorer, archive: ReturnType<typeof buildArchive>, rows: QueryTermRows[], rank: RankOptions): { scored: number; of: number } {
  const pruned = search(scorer, archive, rows, rank, true);
  const everything = search(scorer, archive, rows, rank, false);
  expect(pruned.hits).toEqual(everything.hits);
  expect(pruned.maxima).toEqual(everything.maxima);
  expect(pruned.articles).toEqual(everything.articles);
  return { scored: pruned.scored, of: everything.scored };
}

describe('pruning articles whose sentences cannot make the top k', () => {
  it('returns exactly the sentences, scores and order of scoring every article, on random archives and queries', () => {
    const scorer = new ArticleScorer();
    let scored = 0;
    let of = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const next = random(seed);
      const archive = randomArchive(next, 400, 300);
      for (let q = 0; q < 15; q++) {
        const rows = archive.query(randomQuery(next, 20, 400));
        const rank: RankOptions = { limit: [1, 5, 30][q % 3]!, boost: 0 };
        if (q % 5 === 3) Object.assign(rank, { boostSlot: 1 + 3 * Math.floor(next() * 400), boost: 0.3 });
        if (q % 7 === 4) rank.onlySlot = 1 + 3 * Math.floor(next() * 400);
        const counts = expectPrunedAsEverything(scorer, archive, rows, rank);
        scored += counts.scored;
        of += counts.of;
      }
    }
    // The mechanism is exercised: most articles are passed over.
    expect(scored).toBeLessThan(of / 2);
  });

  it('the same across many windows of slots: sparse slots, and a jump past the 65,536 a head\'s low half holds', () => {
    const scorer = new ArticleScorer();
    const layouts = [(i: number): number => i * 997 + 5, (i: number): number => (i < 200 ? i : 70_000 + i * 5)];
    for (let seed = 1; seed <= 4; seed++) {
      const next = random(seed);
      const archive = randomArchive(next, 1_000, 300, layouts[seed % layouts.length]);
      for (let q = 0; q < 10; q++) {
        expectPrunedAsEverything(scorer, archive, archive.query(randomQuery(next, 20, 400)), { limit: [1, 5, 30][q % 3]!, boost: 0 });
      }
    }
  });

  it('keeps ties: articles whose sentences all score the same are ranked as scoring everything ranks them', () => {
    const scorer = new ArticleScorer();
    const archive = buildArchive(Array.from({ length: 50 }, () => ({ title: ['other'], sentences: [{ position: 0, paragraph: 0, terms: ['same', 'words', 'here'] }] })));
    const rows = archive.query([{ term: 'same', weight: 1 }]);
    const rank: RankOptions = { limit: 10, boost: 0 };
    const pruned = search(scorer, archive, rows, rank, true);
    expect(pruned.hits).toEqual(search(scorer, archive, rows, rank, false).hits);
    expect(pruned.hits.map((hit) => hit.slot)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28]);
    expect(rows[0]!.heads.reduce((sum, row) => sum + row.length, 0)).toBe(50 * HEAD_FIELDS);
  });
});

describe('pruning with bounds past what a head\'s bytes hold', () => {
  it('returns exactly what scoring everything returns when sentences are long and words repeat hundreds of times', () => {
    const scorer = new ArticleScorer();
    for (let seed = 1; seed <= 3; seed++) {
      const next = random(seed);
      // Some sentences of 250-700 terms, some a few hundred times the same word: lengths and tfs saturate.
      const archive = buildArchive(Array.from({ length: 300 }, () => ({
        title: [zipfTerm(next, 200)],
        sentences: Array.from({ length: 1 + Math.floor(next() * 12) }, (_, position) => {
          const long = next() < 0.3;
          const repeated = zipfTerm(next, 200);
          return {
            position,
            paragraph: Math.floor(position / 3),
            terms: Array.from({ length: long ? 250 + Math.floor(next() * 450) : 2 + Math.floor(next() * 10) }, () => (long && next() < 0.6 ? repeated : zipfTerm(next, 200))),
          };
        }),
      })));
      for (let q = 0; q < 12; q++) {
        expectPrunedAsEverything(scorer, archive, archive.query(randomQuery(next, 12, 250)), { limit: [1, 5, 30][q % 3]!, boost: 0 });
      }
    }
  });
});

describe('tightening the bounds of the articles pruning looks at', () => {
  it('narrows each article alike when many are tightened at once as one at a time', () => {
    const next = random(11);
    const archive = randomArchive(next, 600, 300);
    const rows = archive.query(Array.from({ length: 18 }, (_, i) => ({ term: zipfTerm(next, 400), weight: i % 2 ? 0.5 : 1 })));
    const together = new ArticleScorer();
    const alone = new ArticleScorer();
    const scores = together.collect(rows, archive.totals);
    const count = scores.articles.count;
    const loose = [Float64Array.from(scores.articles.sentenceBound.subarray(0, count)), Float64Array.from(scores.articles.paragraphBound.subarray(0, count))];
    const aloneScores = alone.collect(rows, archive.totals);
    expect(aloneScores.articles.count).toBe(count);
    const chosen = Int32Array.from({ length: count }, (_, a) => a).filter(() => next() < 0.5);
    together.tighten(chosen.slice().reverse(), chosen.length); // in any order
    for (const a of chosen) alone.tighten([a]);
    let narrowed = 0;
    for (const a of chosen) {
      expect(scores.articles.sentenceBound[a]).toBe(aloneScores.articles.sentenceBound[a]);
      expect(scores.articles.paragraphBound[a]).toBe(aloneScores.articles.paragraphBound[a]);
      expect(scores.articles.sentenceBound[a]).toBeLessThanOrEqual(loose[0]![a]!);
      if (scores.articles.sentenceBound[a]! < loose[0]![a]!) narrowed += 1;
    }
    expect(narrowed).toBeGreaterThan(chosen.length / 4);
  });
});

describe('the k-th best score', () => {
  it('is what sorting all scores says, as scores come in any order', () => {
    const next = random(7);
    for (const k of [1, 3, 30]) {
      const kth = new KthBest(k);
      const seen: number[] = [];
      for (let i = 0; i < 200; i++) {
        const score = Math.floor(next() * 50) / 7;
        kth.add(score);
        seen.push(score);
        const sorted = [...seen].sort((a, b) => b - a);
        expect(kth.threshold).toBe(sorted.length < k ? -Infinity : sorted[k - 1]);
      }
    }
  });
});
