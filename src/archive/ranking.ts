import { ARTICLE_WEIGHT, PARAGRAPH_WEIGHT } from '../knowledge/bm25.js';
import type { SentenceRanking } from './article-pruning.js';
import type { QueryScores } from './query-scores.js';
import { scoreAtRank, topK } from '../knowledge/top-k.js';

/** How a search ranks sentences (the in-memory SearchIndex's options). */
export interface RankOptions {
  limit: number;
  /** Only this article's sentences (a follow-up about it). */
  onlySlot?: number;
  /** Add `boost` to this article's sentences. */
  boostSlot?: number;
  boost: number;
}

export interface RankedSentence {
  slot: number;
  firstTerm: number;
  position: number;
  paragraphKey: number;
  score: number;
  sentenceScore: number;
  articleScore: number;
}

/** The in-memory index's combined score: raw scores over the largest of their kind. */
export function combinedScore(sentenceRaw: number, paragraphRaw: number, articleRaw: number, bonus: number, m: QueryScores): number {
  return sentenceRaw / m.maxSentence + (PARAGRAPH_WEIGHT * paragraphRaw) / m.maxParagraph + ARTICLE_WEIGHT * (articleRaw / m.maxArticle) + bonus;
}

/** The same ranking, as article-pruning.ts needs it (-Infinity: a sentence not wanted). */
export function sentenceRanking(options: RankOptions, maxScored?: number): SentenceRanking {
  const { limit, onlySlot, boostSlot, boost } = options;
  return {
    limit,
    ...(maxScored === undefined ? {} : { maxScored }),
    ...(onlySlot === undefined ? {} : { onlySlot }),
    combined: (sentenceRaw, paragraphRaw, articleRaw, slot, m) =>
      onlySlot !== undefined && slot !== onlySlot ? -Infinity : combinedScore(sentenceRaw, paragraphRaw, articleRaw, slot === boostSlot ? boost : 0, m),
  };
}

/** The best `limit` sentences of those scored, in the in-memory index's order. */
export function rankSentences(scores: QueryScores, options: RankOptions): RankedSentence[] {
  const { limit, onlySlot, boostSlot, boost } = options;
  const { sentences, maxSentence, maxArticle } = scores;
  // Combined scores in one typed array first: only the few that can make the top
  // become objects (a common word scores many thousands of sentences).
  const combined = new Float64Array(sentences.count);
  for (let i = 0; i < sentences.count; i++) {
    const slot = sentences.slot[i]!;
    combined[i] = onlySlot !== undefined && slot !== onlySlot ? -Infinity : combinedScore(sentences.raw[i]!, sentences.paragraphRaw[i]!, sentences.articleRaw[i]!, slot === boostSlot ? boost : 0, scores);
  }
  const threshold = scoreAtRank(combined, limit);
  const candidates: RankedSentence[] = [];
  for (let i = 0; i < sentences.count; i++) {
    if (combined[i]! < threshold || combined[i] === -Infinity) continue;
    candidates.push({
      slot: sentences.slot[i]!,
      position: sentences.position[i]!,
      firstTerm: sentences.firstTerm[i]!,
      paragraphKey: sentences.paragraphKey[i]!,
      score: combined[i]!,
      sentenceScore: sentences.raw[i]! / maxSentence,
      articleScore: sentences.articleRaw[i]! / maxArticle,
    });
  }
  // Score, then position (the in-memory comparator), then the order a Map would have
  // met the sentences in: first query term that touched it, then load order.
  return topK(candidates, (c) => c.score, (a, b) => b.score - a.score || a.position - b.position || a.firstTerm - b.firstTerm || a.slot - b.slot, limit);
}

/** The best `limit` articles of those scored, by raw article score, in the in-memory order. */
export function rankArticles(scores: QueryScores, limit: number): { slot: number; score: number }[] {
  const { articles } = scores;
  const threshold = scoreAtRank(articles.score.subarray(0, articles.count), limit);
  const found: { slot: number; score: number; firstTerm: number }[] = [];
  for (let i = 0; i < articles.count; i++) {
    if (articles.score[i]! >= threshold) found.push({ slot: articles.slot[i]!, score: articles.score[i]!, firstTerm: articles.firstTerm[i]! });
  }
  return topK(found, (a) => a.score, (a, b) => b.score - a.score || a.firstTerm - b.firstTerm || a.slot - b.slot, limit).map(({ slot, score }) => ({ slot, score }));
}
