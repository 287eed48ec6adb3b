import { bm25Idf, bm25Norm } from '../knowledge/bm25.js';
import { forwardEntryAt, HEAD, HEAD_FIELDS, PARAGRAPH_BUCKETS, PARAGRAPH_ENTRY, SENTENCE_BUCKETS, SENTENCE_ENTRY } from './posting-records.js';
import { ArticleScores, type QueryScores, SentenceScores, widen } from './query-scores.js';
import type { Totals } from './stored-index.js';

/** Positions and paragraph numbers are 16-bit (posting-records.ts). */
const SPAN = 0x10000;
const INITIAL_RECORDS = 4096;

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
 *    BM25 at the record's largest tf and shortest length); `tighten` narrows an article's
 *    bounds to the terms that can share a sentence or paragraph (the heads' masks).
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
  /** Slot -> article index for the current question (valid where slotStamp is this question's). */
  private articleOfSlot = new Int32Array(0);
  private slotStamp = new Int32Array(0);
  private question = 0;
  /** Per record seen in pass 1: term, row, where its head starts, the article's next record. */
  private recordTerm = new Int32Array(INITIAL_RECORDS);
  private recordRow = new Int32Array(INITIAL_RECORDS);
  private recordHead = new Int32Array(INITIAL_RECORDS);
  private recordNext = new Int32Array(INITIAL_RECORDS);
  /** Per record: what it adds to its article's sentence and paragraph bounds (kept for `tighten`). */
  private recordSentencePart = new Float64Array(INITIAL_RECORDS);
  private recordParagraphPart = new Float64Array(INITIAL_RECORDS);
  /** Per record: its head's sentence and paragraph masks, beside the parts (tighten() reads only these). */
  private recordSentenceMask = new Int32Array(INITIAL_RECORDS);
  private recordParagraphMask = new Int32Array(INITIAL_RECORDS);
  /** Every question's articles, reused: a question over a big archive touches tens of thousands. */
  private readonly articles = new ArticleScores();
  private readonly sentenceBuckets = new Float64Array(SENTENCE_BUCKETS);
  private readonly paragraphBuckets = new Float64Array(PARAGRAPH_BUCKETS);
  private records = 0;
  private firstRecord = new Int32Array(INITIAL_RECORDS);
  private lastRecord = new Int32Array(INITIAL_RECORDS);
  private terms: QueryTermRows[] = [];
  private averageSentence = 0;
  private averageParagraph = 0;

  /** Pass 1: every article holding a query term, with its score and bounds. */
  collect(terms: QueryTermRows[], totals: Totals): QueryScores {
    this.terms = terms;
    this.question += 1;
    this.records = 0;
    const averageSentence = (this.averageSentence = totals.sentence_length / Math.max(1, totals.sentences));
    const averageParagraph = (this.averageParagraph = totals.paragraph_length / Math.max(1, totals.paragraphs));
    const averageArticle = totals.article_length / Math.max(1, totals.articles);
    const articles = this.articles;
    articles.count = 0;
    this.indexArticles(terms, articles);
    const articleOfSlot = this.articleOfSlot;
    let maxArticle = 1e-9;
    for (let t = 0; t < terms.length; t++) {
      const { heads: rows, sentenceIdf, paragraphIdf, articleIdf } = terms[t]!;
      for (let r = 0; r < rows.length; r++) {
        const heads = rows[r]!;
        for (let at = 0; at < heads.length; at += HEAD_FIELDS) {
          const slot = heads[at + HEAD.slotHigh]! * SPAN + heads[at + HEAD.slotLow]!;
          const a = articleOfSlot[slot]!;
          articles.score[a] = articles.score[a]! + articleIdf * bm25Norm(heads[at + HEAD.articleTf]!, heads[at + HEAD.articleLengthHigh]! * SPAN + heads[at + HEAD.articleLengthLow]!, averageArticle);
          const record = this.addRecord(a, t, r, at);
          const sentenceMask = (this.recordSentenceMask[record] = (heads[at + HEAD.sentenceMaskHigh]! << 16) | heads[at + HEAD.sentenceMaskLow]!);
          if (sentenceMask) {
            const part = (this.recordSentencePart[record] = sentenceIdf * bm25Norm(heads[at + HEAD.sentenceMaxTf]!, heads[at + HEAD.sentenceMinLength]!, averageSentence));
            articles.sentenceBound[a] = articles.sentenceBound[a]! + part;
          }
          const paragraphMask = (this.recordParagraphMask[record] = heads[at + HEAD.paragraphMask]!);
          if (paragraphMask) {
            const part = (this.recordParagraphPart[record] = paragraphIdf * bm25Norm(heads[at + HEAD.paragraphMaxTf]!, heads[at + HEAD.paragraphMinLength]!, averageParagraph));
            articles.paragraphBound[a] = articles.paragraphBound[a]! + part;
          }
        }
      }
    }
    for (let a = 0; a < articles.count; a++) {
      if (articles.score[a]! > maxArticle) maxArticle = articles.score[a]!;
    }
    return { sentences: new SentenceScores(), articles, maxSentence: 1e-9, maxParagraph: 1e-9, maxArticle };
  }

  /**
   * Narrows article `a`'s bounds: a sentence's terms all have its bucket (position mod
   * SENTENCE_BUCKETS) in their mask, so the sentence scores at most the sum over the terms
   * of that bucket, and so for paragraphs. Sums are in query-term order, like the scores.
   */
  tighten(a: number, articles: ArticleScores): void {
    const { sentenceBuckets, paragraphBuckets } = this;
    sentenceBuckets.fill(0);
    paragraphBuckets.fill(0);
    for (let record = this.firstRecord[a]!; record >= 0; record = this.recordNext[record]!) {
      // Each set bit of the masks is visited once (lowest first).
      let sentenceMask = this.recordSentenceMask[record]!;
      if (sentenceMask) {
        const part = this.recordSentencePart[record]!;
        for (; sentenceMask; sentenceMask &= sentenceMask - 1) {
          const b = 31 - Math.clz32(sentenceMask & -sentenceMask);
          sentenceBuckets[b] = sentenceBuckets[b]! + part;
        }
      }
      let paragraphMask = this.recordParagraphMask[record]!;
      if (paragraphMask) {
        const part = this.recordParagraphPart[record]!;
        for (; paragraphMask; paragraphMask &= paragraphMask - 1) {
          const b = 31 - Math.clz32(paragraphMask & -paragraphMask);
          paragraphBuckets[b] = paragraphBuckets[b]! + part;
        }
      }
    }
    articles.sentenceBound[a] = Math.min(articles.sentenceBound[a]!, largestOf(sentenceBuckets, 0, SENTENCE_BUCKETS));
    articles.paragraphBound[a] = Math.min(articles.paragraphBound[a]!, largestOf(paragraphBuckets, 0, PARAGRAPH_BUCKETS));
  }

  /** Pass 2: the sentences and paragraphs of article `a` (an index of `into.articles`), from its entries. */
  scoreArticle(a: number, into: QueryScores, entries: Uint16Array): void {
    const { sentenceSum, sentenceFirst, sentenceParagraph, sentenceSeen, paragraphSum, paragraphSeen, touchedSentences, touchedParagraphs, averageSentence, averageParagraph } = this;
    const generation = ++this.generation;
    const slot = into.articles.slot[a]!;
    let sentencesTouched = 0;
    let paragraphsTouched = 0;
    for (let record = this.firstRecord[a]!; record >= 0; record = this.recordNext[record]!) {
      const t = this.recordTerm[record]!;
      const term = this.terms[t]!;
      const heads = term.heads[this.recordRow[record]!]!;
      const headAt = this.recordHead[record]!;
      let i = forwardEntryAt(entries, heads[headAt + HEAD.termIndexHigh]! * SPAN + heads[headAt + HEAD.termIndexLow]!);
      const paragraphs = entries[i++]!;
      for (let p = 0; p < paragraphs; p++, i += PARAGRAPH_ENTRY) {
        const paragraph = entries[i]!;
        if (paragraphSeen[paragraph] !== generation) {
          paragraphSeen[paragraph] = generation;
          paragraphSum[paragraph] = 0;
          touchedParagraphs[paragraphsTouched++] = paragraph;
        }
        paragraphSum[paragraph] = paragraphSum[paragraph]! + term.paragraphIdf * bm25Norm(entries[i + 1]!, entries[i + 2]!, averageParagraph);
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
        sentenceSum[position] = sentenceSum[position]! + term.sentenceIdf * bm25Norm(entries[i + 2]!, entries[i + 3]!, averageSentence);
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

  /**
   * Gives every article holding a query term its index, in slot order: each term's heads
   * are in slot order too, so pass 1 then walks the per-article arrays forwards, term after
   * term, instead of hopping about arrays of a few megabytes (cache misses were most of its
   * time). The first term touching an article is noted on the way.
   */
  private indexArticles(terms: QueryTermRows[], articles: ArticleScores): void {
    const question = this.question;
    let firstSlot = Infinity;
    let lastSlot = -1;
    for (let t = 0; t < terms.length; t++) {
      for (const heads of terms[t]!.heads) {
        if (heads.length === 0) continue;
        const highest = heads[heads.length - HEAD_FIELDS + HEAD.slotHigh]! * SPAN + heads[heads.length - HEAD_FIELDS + HEAD.slotLow]!;
        if (highest >= this.slotStamp.length) {
          const size = Math.max(highest + 1, this.slotStamp.length * 2);
          this.slotStamp = widen(this.slotStamp, size);
          this.articleOfSlot = widen(this.articleOfSlot, size);
        }
        const { slotStamp, articleOfSlot } = this;
        for (let at = 0; at < heads.length; at += HEAD_FIELDS) {
          const slot = heads[at + HEAD.slotHigh]! * SPAN + heads[at + HEAD.slotLow]!;
          if (slotStamp[slot] === question) continue;
          slotStamp[slot] = question;
          articleOfSlot[slot] = t; // the first term, until the slot gets its index below
          if (slot < firstSlot) firstSlot = slot;
          if (slot > lastSlot) lastSlot = slot;
        }
      }
    }
    const { slotStamp, articleOfSlot } = this;
    for (let slot = firstSlot; slot <= lastSlot; slot++) {
      if (slotStamp[slot] !== question) continue;
      articleOfSlot[slot] = articles.add(slot, articleOfSlot[slot]!);
    }
    const count = articles.count;
    if (count > this.firstRecord.length) {
      const size = Math.max(count, this.firstRecord.length * 2);
      this.firstRecord = widen(this.firstRecord, size);
      this.lastRecord = widen(this.lastRecord, size);
    }
    this.firstRecord.fill(-1, 0, count);
  }

  private addRecord(a: number, t: number, r: number, headAt: number): number {
    if (this.records === this.recordTerm.length) {
      const size = this.records * 2;
      this.recordTerm = widen(this.recordTerm, size);
      this.recordRow = widen(this.recordRow, size);
      this.recordNext = widen(this.recordNext, size);
      this.recordSentencePart = widen(this.recordSentencePart, size);
      this.recordParagraphPart = widen(this.recordParagraphPart, size);
      this.recordSentenceMask = widen(this.recordSentenceMask, size);
      this.recordParagraphMask = widen(this.recordParagraphMask, size);
      this.recordHead = widen(this.recordHead, size);
    }
    const record = this.records++;
    this.recordTerm[record] = t;
    this.recordRow[record] = r;
    this.recordHead[record] = headAt;
    this.recordNext[record] = -1;
    if (this.firstRecord[a] === -1) this.firstRecord[a] = record;
    else this.recordNext[this.lastRecord[a]!] = record;
    this.lastRecord[a] = record;
    return record;
  }
}

function largestOf(values: Float64Array, from: number, count: number): number {
  let max = 0;
  for (let i = from; i < from + count; i++) if (values[i]! > max) max = values[i]!;
  return max;
}
