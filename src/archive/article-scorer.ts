import { bm25Idf, bm25Norm } from '../knowledge/bm25.js';
import { ArticleRecords } from './article-records.js';
import type { ArticleEntries } from './article-entries.js';
import { HEAD, HEAD_FIELDS, PARAGRAPH_BUCKETS, PARAGRAPH_ENTRY, SENTENCE_BUCKETS, SENTENCE_ENTRY } from './posting-records.js';
import { ArticleScores, type QueryScores, SentenceScores, widen } from './query-scores.js';
import type { Totals } from './stored-index.js';

/** Positions and paragraph numbers are 16-bit (posting-records.ts). */
const SPAN = 0x10000;

/** One query term: its weighted idf per collection and its posting rows' heads (one row per segment, in slot order). */
export interface QueryTermRows {
  sentenceIdf: number;
  paragraphIdf: number;
  articleIdf: number;
  heads: Uint16Array[];
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
 * BM25 over sentences, paragraphs and articles, as the in-memory index computes it, in two
 * passes so that a question need not score every sentence holding a common word:
 *
 * 1. `collect` reads every record head of the query's terms: each article's exact score,
 *    and bounds of what its sentences and paragraphs can score (the sum over its terms of
 *    BM25 at the record's largest tf and shortest length). It only sums, per article slot:
 *    the records themselves are gathered later (article-records.ts) for the articles
 *    pruning looks at closely, and `tighten` narrows their bounds to the terms that can
 *    share a sentence or paragraph (the heads' masks).
 * 2. `scoreArticle` scores one article's sentences and paragraphs from its entries;
 *    article-pruning.ts decides which articles.
 *
 * Terms are taken in query order in both passes, so every document's contributions are
 * added in the order the in-memory index adds them, and the sums are the same to the last
 * bit. Scratch arrays live as long as the scorer: a question allocates little.
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
  /** Per article slot, for the current question (valid where slotStamp is this question's): pass 1's sums. */
  private slotStamp = new Int32Array(0);
  private slotScore = new Float64Array(0);
  private slotSentenceBound = new Float64Array(0);
  private slotParagraphBound = new Float64Array(0);
  private slotFirstTerm = new Int32Array(0);
  private slotRecords = new Int32Array(0);
  /** Slot -> article index (in slot order), and per article index its record count. */
  private articleOfSlot = new Int32Array(0);
  private articleRecords = new Int32Array(0);
  private question = 0;
  /** Every question's articles, reused: a question over a big archive touches tens of thousands. */
  private readonly articles = new ArticleScores();
  readonly records = new ArticleRecords();
  private readonly sentenceBuckets = new Float64Array(SENTENCE_BUCKETS);
  private readonly paragraphBuckets = new Float64Array(PARAGRAPH_BUCKETS);
  private readonly recordArticles = {
    slotOf: (a: number): number => this.articles.slot[a]!,
    recordCount: (a: number): number => this.articleRecords[a]!,
    articleOfSlot: new Int32Array(0),
  };
  private averageSentence = 0;
  private averageParagraph = 0;

  /** Pass 1: every article holding a query term, with its score and bounds. */
  collect(terms: QueryTermRows[], totals: Totals): QueryScores {
    const question = ++this.question;
    const averageSentence = (this.averageSentence = totals.sentence_length / Math.max(1, totals.sentences));
    const averageParagraph = (this.averageParagraph = totals.paragraph_length / Math.max(1, totals.paragraphs));
    const averageArticle = totals.article_length / Math.max(1, totals.articles);
    this.makeRoom(terms);
    const { slotStamp, slotScore, slotSentenceBound, slotParagraphBound, slotFirstTerm, slotRecords } = this;
    let firstSlot = Infinity;
    let lastSlot = -1;
    for (let t = 0; t < terms.length; t++) {
      const { heads: rows, sentenceIdf, paragraphIdf, articleIdf } = terms[t]!;
      for (let r = 0; r < rows.length; r++) {
        const heads = rows[r]!;
        for (let at = 0; at < heads.length; at += HEAD_FIELDS) {
          const slot = heads[at + HEAD.slotHigh]! * SPAN + heads[at + HEAD.slotLow]!;
          if (slotStamp[slot] !== question) {
            slotStamp[slot] = question;
            slotScore[slot] = 0;
            slotSentenceBound[slot] = 0;
            slotParagraphBound[slot] = 0;
            slotFirstTerm[slot] = t;
            slotRecords[slot] = 0;
            if (slot < firstSlot) firstSlot = slot;
            if (slot > lastSlot) lastSlot = slot;
          }
          slotScore[slot] = slotScore[slot]! + articleIdf * bm25Norm(heads[at + HEAD.articleTf]!, heads[at + HEAD.articleLengthHigh]! * SPAN + heads[at + HEAD.articleLengthLow]!, averageArticle);
          slotRecords[slot] = slotRecords[slot]! + 1;
          if (heads[at + HEAD.sentenceMaskHigh]! | heads[at + HEAD.sentenceMaskLow]!) {
            slotSentenceBound[slot] = slotSentenceBound[slot]! + sentenceIdf * bm25Norm(heads[at + HEAD.sentenceMaxTf]!, heads[at + HEAD.sentenceMinLength]!, averageSentence);
          }
          if (heads[at + HEAD.paragraphMask]!) {
            slotParagraphBound[slot] = slotParagraphBound[slot]! + paragraphIdf * bm25Norm(heads[at + HEAD.paragraphMaxTf]!, heads[at + HEAD.paragraphMinLength]!, averageParagraph);
          }
        }
      }
    }
    const articles = this.indexArticles(firstSlot, lastSlot);
    this.records.reset(terms, this.recordArticles, articles.count, averageSentence, averageParagraph);
    let maxArticle = 1e-9;
    for (let a = 0; a < articles.count; a++) {
      if (articles.score[a]! > maxArticle) maxArticle = articles.score[a]!;
    }
    return { sentences: new SentenceScores(), articles, maxSentence: 1e-9, maxParagraph: 1e-9, maxArticle };
  }

  /** The records of these articles will be needed (tighten, scoreArticle): gathered at once. */
  gather(list: ArrayLike<number>, count = list.length): void {
    this.records.gather(list, count);
  }

  /**
   * Narrows article `a`'s bounds: a sentence's terms all have its bucket (position mod
   * SENTENCE_BUCKETS) in their mask, so the sentence scores at most the sum over the terms
   * of that bucket, and so for paragraphs. Sums are in query-term order, like the scores.
   */
  tighten(a: number, articles: ArticleScores): void {
    const { sentenceBuckets, paragraphBuckets, records } = this;
    if (!records.has(a)) records.gather([a]);
    sentenceBuckets.fill(0);
    paragraphBuckets.fill(0);
    const { sentenceMask: sentenceMasks, paragraphMask: paragraphMasks, sentencePart, paragraphPart } = records;
    for (let record = records.start[a]!, end = records.end[a]!; record < end; record++) {
      addToBuckets(sentenceMasks[record]!, sentencePart[record]!, sentenceBuckets);
      addToBuckets(paragraphMasks[record]!, paragraphPart[record]!, paragraphBuckets);
    }
    articles.sentenceBound[a] = Math.min(articles.sentenceBound[a]!, largestOf(sentenceBuckets, 0, SENTENCE_BUCKETS));
    articles.paragraphBound[a] = Math.min(articles.paragraphBound[a]!, largestOf(paragraphBuckets, 0, PARAGRAPH_BUCKETS));
  }

  /** Pass 2: the sentences and paragraphs of article `a` (an index of `into.articles`), from its entries. */
  scoreArticle(a: number, into: QueryScores, stored: ArticleEntries): void {
    const { sentenceSum, sentenceFirst, sentenceParagraph, sentenceSeen, paragraphSum, paragraphSeen, touchedSentences, touchedParagraphs, averageSentence, averageParagraph, records } = this;
    if (!records.has(a)) records.gather([a]);
    const generation = ++this.generation;
    const entries = stored.values;
    const slot = into.articles.slot[a]!;
    let sentencesTouched = 0;
    let paragraphsTouched = 0;
    for (let record = records.start[a]!, end = records.end[a]!; record < end; record++) {
      const t = records.term[record]!;
      const { sentenceIdf, paragraphIdf } = records.termOf(t);
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

  /** Per-slot arrays big enough for every slot the query's heads name. */
  private makeRoom(terms: QueryTermRows[]): void {
    let highest = -1;
    for (const { heads: rows } of terms) {
      const last = rows.at(-1);
      if (last && last.length > 0) highest = Math.max(highest, last[last.length - HEAD_FIELDS + HEAD.slotHigh]! * SPAN + last[last.length - HEAD_FIELDS + HEAD.slotLow]!);
    }
    if (highest < this.slotStamp.length) return;
    const size = Math.max(highest + 1, this.slotStamp.length * 2);
    this.slotStamp = widen(this.slotStamp, size);
    this.slotScore = widen(this.slotScore, size);
    this.slotSentenceBound = widen(this.slotSentenceBound, size);
    this.slotParagraphBound = widen(this.slotParagraphBound, size);
    this.slotFirstTerm = widen(this.slotFirstTerm, size);
    this.slotRecords = widen(this.slotRecords, size);
    this.articleOfSlot = widen(this.articleOfSlot, size);
    this.recordArticles.articleOfSlot = this.articleOfSlot;
  }

  /** The articles pass 1 touched, in slot order, with their sums. */
  private indexArticles(firstSlot: number, lastSlot: number): ArticleScores {
    const { articles, slotStamp, question, articleOfSlot } = this;
    articles.count = 0;
    for (let slot = firstSlot; slot <= lastSlot; slot++) {
      if (slotStamp[slot] !== question) continue;
      const a = articles.add(slot, this.slotFirstTerm[slot]!);
      articles.score[a] = this.slotScore[slot]!;
      articles.sentenceBound[a] = this.slotSentenceBound[slot]!;
      articles.paragraphBound[a] = this.slotParagraphBound[slot]!;
      articleOfSlot[slot] = a;
    }
    if (articles.count > this.articleRecords.length) this.articleRecords = widen(this.articleRecords, Math.max(articles.count, this.articleRecords.length * 2));
    for (let a = 0; a < articles.count; a++) this.articleRecords[a] = this.slotRecords[articles.slot[a]!]!;
    return articles;
  }
}

function largestOf(values: Float64Array, from: number, count: number): number {
  let max = 0;
  for (let i = from; i < from + count; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/** Adds `part` to the bucket of each set bit of `mask`, each visited once (lowest first). */
function addToBuckets(mask: number, part: number, buckets: Float64Array): void {
  for (let rest = mask; rest; rest &= rest - 1) {
    const b = 31 - Math.clz32(rest & -rest);
    buckets[b] = buckets[b]! + part;
  }
}
