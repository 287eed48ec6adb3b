import { bm25Idf, bm25Norm } from '../knowledge/bm25.js';
import type { ArticleEntries } from './article-entries.js';
import { ArticleBounds } from './article-bounds.js';
import { PARAGRAPH_ENTRY, SENTENCE_ENTRY } from './posting-records.js';
import type { QueryScores } from './query-scores.js';
import type { Totals } from './stored-index.js';

/** Positions and paragraph numbers are 16-bit (posting-records.ts). */
const SPAN = 0x10000;

/** One query term: its weighted idf per collection and its posting rows' heads (one row per segment, in slot order). */
export interface QueryTermRows {
  sentenceIdf: number;
  paragraphIdf: number;
  articleIdf: number;
  heads: Uint16Array[];
  /** termHash of the term: how its entries are found in an article (article-entries.ts). */
  hash: number;
  /** The segment of each row, ascending: a head stores its slot's place in it. */
  segments: Int32Array;
  /** Per row: the bounds of its heads not read (impact-tiers.ts restBounds), 0 when all are. */
  rests: Uint32Array;
  /** For a term none of whose rows is read: what it can add in any article (impact-tiers.ts ANY_HEAD_REST); else 0. */
  unreadRest: number;
}

/** The weighted idfs of a term, as the in-memory index computes them. */
export function termIdfs(stats: { sentences: number; paragraphs: number; articles: number }, totals: Totals, weight: number): Pick<QueryTermRows, 'sentenceIdf' | 'paragraphIdf' | 'articleIdf'> {
  return {
    sentenceIdf: bm25Idf(totals.sentences, stats.sentences) * weight,
    paragraphIdf: bm25Idf(totals.paragraphs, stats.paragraphs) * weight,
    articleIdf: bm25Idf(totals.articles, stats.articles) * weight,
  };
}

/**
 * BM25 over sentences, paragraphs and articles, as the in-memory index computes it, in
 * passes so that a question need not score every sentence holding a common word:
 *
 * 1. `collect`: every article's score and loose bounds of its sentences' and paragraphs'
 *    scores, from the record heads of the query's terms read (article-bounds.ts).
 * 2. `tighten`: narrower bounds for the articles pruning looks at closely.
 * 3. `scoreArticle`: one article's sentences and paragraphs, and its exact score, from
 *    its entries, with every query term it holds.
 *
 * article-pruning.ts decides which articles are tightened and scored. When pass 1 reads
 * every head (all tiers, impact-tiers.ts) its scores and bounds are exact, and so is the
 * whole; when it reads each row's top tier only, they are what those heads say, and
 * pass 3 still scores an article with all its terms. Terms are taken in query order in
 * every pass, so every document's contributions are added in the order the in-memory
 * index adds them, and the sums are the same to the last bit. Scratch
 * arrays live as long as the scorer: a question allocates little.
 */
export class ArticleScorer {
  private readonly sentenceSum = new Float64Array(SPAN);
  private readonly sentenceFirst = new Int32Array(SPAN);
  private readonly sentenceParagraph = new Int32Array(SPAN);
  private readonly sentenceSeen = new Int32Array(SPAN);
  private readonly paragraphSum = new Float64Array(SPAN);
  private readonly paragraphSeen = new Int32Array(SPAN);
  private readonly touchedSentences = new Int32Array(SPAN);
  private readonly touchedParagraphs = new Int32Array(SPAN);
  /** Marks which scratch entries belong to the article being scored; only grows. */
  private generation = 0;
  private readonly bounds = new ArticleBounds();

  /** Pass 1: every article holding a query term, with its score and loose bounds (article-bounds.ts). */
  collect(terms: QueryTermRows[], totals: Totals): QueryScores {
    return this.bounds.collect(terms, totals);
  }

  /** Pass 2: narrows the bounds of these articles (article-bounds.ts). */
  tighten(list: ArrayLike<number>, count = list.length): void {
    this.bounds.tighten(list, count);
  }

  /**
   * Pass 3: the sentences and paragraphs of article `a` (an index of `into.articles`), and
   * its exact score, from its entries: every query term it holds counts, whether or not
   * pass 1 read the term's head in it (impact-tiers.ts).
   */
  scoreArticle(a: number, into: QueryScores, stored: ArticleEntries): void {
    const { sentenceSum, sentenceFirst, sentenceParagraph, sentenceSeen, paragraphSum, paragraphSeen, touchedSentences, touchedParagraphs, bounds } = this;
    const { averageSentence, averageParagraph, terms } = bounds;
    const generation = ++this.generation;
    const entries = stored.values;
    const slot = into.articles.slot[a]!;
    let sentencesTouched = 0;
    let paragraphsTouched = 0;
    let articleSum = 0;
    for (let t = 0; t < terms.length; t++) {
      const { sentenceIdf, paragraphIdf, articleIdf, hash } = terms[t]!;
      const termIndex = stored.find(hash);
      if (termIndex < 0) continue;
      let i = stored.startOf(termIndex);
      articleSum += articleIdf * bounds.articleNorm(entries[i++]!, stored.articleLength);
      const paragraphs = entries[i++]!;
      for (let p = 0; p < paragraphs; p++, i += PARAGRAPH_ENTRY) {
        const paragraph = entries[i]!;
        if (paragraphSeen[paragraph] !== generation) {
          paragraphSeen[paragraph] = generation;
          paragraphSum[paragraph] = 0;
          touchedParagraphs[paragraphsTouched++] = paragraph;
        }
        paragraphSum[paragraph] = paragraphSum[paragraph]! + paragraphIdf * bm25Norm(entries[i + 1]!, entries[i + 2]!, averageParagraph);
      }
      const sentences = entries[i++]!;
      for (let n = 0; n < sentences; n++, i += SENTENCE_ENTRY) {
        const position = entries[i]!;
        if (sentenceSeen[position] !== generation) {
          sentenceSeen[position] = generation;
          sentenceSum[position] = 0;
          sentenceFirst[position] = t;
          sentenceParagraph[position] = entries[i + 1]!;
          touchedSentences[sentencesTouched++] = position;
        }
        sentenceSum[position] = sentenceSum[position]! + sentenceIdf * bm25Norm(entries[i + 2]!, entries[i + 3]!, averageSentence);
      }
    }
    setArticleScore(into, a, articleSum);
    let { maxSentence, maxParagraph } = into;
    for (let k = 0; k < paragraphsTouched; k++) if (paragraphSum[touchedParagraphs[k]!]! > maxParagraph) maxParagraph = paragraphSum[touchedParagraphs[k]!]!;
    for (let k = 0; k < sentencesTouched; k++) {
      const position = touchedSentences[k]!;
      const raw = sentenceSum[position]!;
      if (raw > maxSentence) maxSentence = raw;
      const paragraph = sentenceParagraph[position]!;
      into.sentences.push(raw, slot, position, sentenceFirst[position]!, slot * SPAN + paragraph, paragraphSum[paragraph]!, articleSum);
    }
    into.maxSentence = maxSentence;
    into.maxParagraph = maxParagraph;
  }

  /**
   * The article at `slot` scored from its entries, when pass 1 read none of its heads
   * (all in tier 1) but the search is about it (a follow-up's article, a boosted one).
   * Only once pruning is done: it is added after the articles in slot order.
   */
  scoreUnread(slot: number, into: QueryScores, stored: ArticleEntries): void {
    this.scoreArticle(into.articles.append(slot, this.bounds.terms.length), into, stored);
  }

  /** Article `a`'s exact score from its entries (pass 1 may have read only some of its terms' heads). */
  completeArticle(a: number, into: QueryScores, stored: ArticleEntries): void {
    const { bounds } = this;
    let articleSum = 0;
    for (const { articleIdf, hash } of bounds.terms) {
      const termIndex = stored.find(hash);
      if (termIndex >= 0) articleSum += articleIdf * bounds.articleNorm(stored.values[stored.startOf(termIndex)]!, stored.articleLength);
    }
    setArticleScore(into, a, articleSum);
  }
}

/**
 * An article's exact score, summed in query-term order as pass 1 sums it: the same to the
 * bit where pass 1 read every head, never below where it read only some.
 */
function setArticleScore(into: QueryScores, a: number, score: number): void {
  into.articles.score[a] = score;
  if (score > into.maxArticle) into.maxArticle = score;
}
