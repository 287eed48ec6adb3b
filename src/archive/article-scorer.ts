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
    const articles = new ArticleScores();
    let maxArticle = 1e-9;
    for (let t = 0; t < terms.length; t++) {
      const { heads: rows, sentenceIdf, paragraphIdf, articleIdf } = terms[t]!;
      for (let r = 0; r < rows.length; r++) {
        const heads = rows[r]!;
        for (let at = 0; at < heads.length; at += HEAD_FIELDS) {
          const slot = heads[at + HEAD.slotHigh]! * SPAN + heads[at + HEAD.slotLow]!;
          const a = this.articleAt(slot, t, articles);
          articles.score[a] = articles.score[a]! + articleIdf * bm25Norm(heads[at + HEAD.articleTf]!, heads[at + HEAD.articleLengthHigh]! * SPAN + heads[at + HEAD.articleLengthLow]!, averageArticle);
          if (heads[at + HEAD.sentenceMaskHigh]! | heads[at + HEAD.sentenceMaskLow]!) {
            articles.sentenceBound[a] = articles.sentenceBound[a]! + sentenceIdf * bm25Norm(heads[at + HEAD.sentenceMaxTf]!, heads[at + HEAD.sentenceMinLength]!, averageSentence);
          }
          if (heads[at + HEAD.paragraphMask]!) {
            articles.paragraphBound[a] = articles.paragraphBound[a]! + paragraphIdf * bm25Norm(heads[at + HEAD.paragraphMaxTf]!, heads[at + HEAD.paragraphMinLength]!, averageParagraph);
          }
          this.addRecord(a, t, r, at);
        }
      }
    }
    for (let a = 0; a < articles.count; a++) if (articles.score[a]! > maxArticle) maxArticle = articles.score[a]!;
    return { sentences: new SentenceScores(), articles, maxSentence: 1e-9, maxParagraph: 1e-9, maxArticle };
  }

  /**
   * Narrows article `a`'s bounds: a sentence's terms all have its bucket (position mod
   * SENTENCE_BUCKETS) in their mask, so the sentence scores at most the sum over the terms
   * of that bucket, and so for paragraphs. Sums are in query-term order, like the scores.
   */
  tighten(a: number, articles: ArticleScores): void {
    const { sentenceBuckets, paragraphBuckets, averageSentence, averageParagraph } = this;
    sentenceBuckets.fill(0);
    paragraphBuckets.fill(0);
    for (let record = this.firstRecord[a]!; record >= 0; record = this.recordNext[record]!) {
      const term = this.terms[this.recordTerm[record]!]!;
      const heads = term.heads[this.recordRow[record]!]!;
      const at = this.recordHead[record]!;
      // Masks as 32-bit integers; each set bit is visited once (lowest first).
      let sentenceMask = (heads[at + HEAD.sentenceMaskHigh]! << 16) | heads[at + HEAD.sentenceMaskLow]!;
      if (sentenceMask) {
        const part = term.sentenceIdf * bm25Norm(heads[at + HEAD.sentenceMaxTf]!, heads[at + HEAD.sentenceMinLength]!, averageSentence);
        for (; sentenceMask; sentenceMask &= sentenceMask - 1) {
          const b = 31 - Math.clz32(sentenceMask & -sentenceMask);
          sentenceBuckets[b] = sentenceBuckets[b]! + part;
        }
      }
      let paragraphMask = heads[at + HEAD.paragraphMask]!;
      if (paragraphMask) {
        const part = term.paragraphIdf * bm25Norm(heads[at + HEAD.paragraphMaxTf]!, heads[at + HEAD.paragraphMinLength]!, averageParagraph);
        for (; paragraphMask; paragraphMask &= paragraphMask - 1) {
          const b = 31 - Math.clz32(paragraphMask & -paragraphMask);
          paragraphBuckets[b] = paragraphBuckets[b]! + part;
        }
      }
    }
    articles.sentenceBound[a] = Math.min(articles.sentenceBound[a]!, largest(sentenceBuckets));
    articles.paragraphBound[a] = Math.min(articles.paragraphBound[a]!, largest(paragraphBuckets));
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

  private articleAt(slot: number, t: number, articles: ArticleScores): number {
    if (slot >= this.slotStamp.length) {
      const size = Math.max(slot + 1, this.slotStamp.length * 2);
      this.slotStamp = widen(this.slotStamp, size);
      this.articleOfSlot = widen(this.articleOfSlot, size);
    }
    if (this.slotStamp[slot] === this.question) return this.articleOfSlot[slot]!;
    this.slotStamp[slot] = this.question;
    const a = articles.add(slot, t);
    if (a >= this.firstRecord.length) {
      this.firstRecord = widen(this.firstRecord, this.firstRecord.length * 2);
      this.lastRecord = widen(this.lastRecord, this.lastRecord.length * 2);
    }
    this.firstRecord[a] = -1;
    this.articleOfSlot[slot] = a;
    return a;
  }

  private addRecord(a: number, t: number, r: number, headAt: number): void {
    if (this.records === this.recordTerm.length) {
      const size = this.records * 2;
      this.recordTerm = widen(this.recordTerm, size);
      this.recordRow = widen(this.recordRow, size);
      this.recordNext = widen(this.recordNext, size);
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
  }
}

function largest(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}
