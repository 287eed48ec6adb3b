import { bm25Idf, bm25Norm } from '../knowledge/bm25.js';
import type { ArticleEntries } from './article-entries.js';
import { ArticleBounds } from './article-bounds.js';
import type { ArticleRecords } from './article-records.js';
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
  /** The segment of each row, ascending: a head stores its slot's place in it. */
  segments: Int32Array;
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
 * 1. `collect`: every article's exact score and loose bounds of its sentences' and
 *    paragraphs' scores, from the record heads of the query's terms (article-bounds.ts).
 * 2. `tighten`: narrower bounds for the articles pruning looks at closely.
 * 3. `scoreArticle`: one article's sentences and paragraphs, from its entries.
 *
 * article-pruning.ts decides which articles are tightened and scored. Terms are taken in
 * query order in every pass, so every document's contributions are added in the order
 * the in-memory index adds them, and the sums are the same to the last bit. Scratch
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

  get records(): ArticleRecords {
    return this.bounds.records;
  }

  /** Pass 1: every article holding a query term, with its score and loose bounds (article-bounds.ts). */
  collect(terms: QueryTermRows[], totals: Totals): QueryScores {
    return this.bounds.collect(terms, totals);
  }

  /** Pass 2: narrows the bounds of these articles, and gathers what scoring them needs (article-bounds.ts). */
  tighten(list: ArrayLike<number>, count = list.length): void {
    this.bounds.tighten(list, count);
  }

  /** Pass 3: the sentences and paragraphs of article `a` (an index of `into.articles`), from its entries. */
  scoreArticle(a: number, into: QueryScores, stored: ArticleEntries): void {
    const { sentenceSum, sentenceFirst, sentenceParagraph, sentenceSeen, paragraphSum, paragraphSeen, touchedSentences, touchedParagraphs, bounds } = this;
    if (!bounds.isTight(a)) bounds.tighten([a]);
    const { averageSentence, averageParagraph, records, terms } = bounds;
    const generation = ++this.generation;
    const entries = stored.values;
    const slot = into.articles.slot[a]!;
    let sentencesTouched = 0;
    let paragraphsTouched = 0;
    for (let record = records.start[a]!, end = records.end[a]!; record < end; record++) {
      const t = records.term[record]!;
      const { sentenceIdf, paragraphIdf } = terms[t]!;
      let i = stored.startOf(records.termIndex[record]!);
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
    const articleSum = into.articles.score[a]!;
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
}
