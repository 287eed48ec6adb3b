import { bm25Idf, bm25Norm } from '../knowledge/bm25.js';
import type { Totals } from './stored-index.js';

/** Positions and paragraph numbers are 16-bit (posting-records.ts). */
const SPAN = 0x10000;
const INITIAL_CAPACITY = 4096;

/** One query term: its posting rows (in slot order) and weighted idf per collection. */
export interface ScoredTerm {
  rows: Uint16Array[];
  sentenceIdf: number;
  paragraphIdf: number;
  articleIdf: number;
}

/** Every sentence a query term touched, in slot order, with its paragraph's and article's raw scores. */
export class SentenceScores {
  count = 0;
  raw = new Float64Array(INITIAL_CAPACITY);
  slot = new Float64Array(INITIAL_CAPACITY);
  position = new Int32Array(INITIAL_CAPACITY);
  /** Index of the first query term that touched it: with slot and position, the order an
   *  in-memory Map would have met it in, which breaks ties the same way. */
  firstTerm = new Int32Array(INITIAL_CAPACITY);
  paragraphKey = new Float64Array(INITIAL_CAPACITY);
  paragraphRaw = new Float64Array(INITIAL_CAPACITY);
  articleRaw = new Float64Array(INITIAL_CAPACITY);

  push(raw: number, slot: number, position: number, firstTerm: number, paragraphKey: number, paragraphRaw: number, articleRaw: number): void {
    if (this.count === this.raw.length) this.grow();
    const i = this.count++;
    this.raw[i] = raw;
    this.slot[i] = slot;
    this.position[i] = position;
    this.firstTerm[i] = firstTerm;
    this.paragraphKey[i] = paragraphKey;
    this.paragraphRaw[i] = paragraphRaw;
    this.articleRaw[i] = articleRaw;
  }

  private grow(): void {
    const size = this.raw.length * 2;
    const widen = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const array = make(size);
      array.set(old);
      return array;
    };
    this.raw = widen(this.raw, (n) => new Float64Array(n));
    this.slot = widen(this.slot, (n) => new Float64Array(n));
    this.position = widen(this.position, (n) => new Int32Array(n));
    this.firstTerm = widen(this.firstTerm, (n) => new Int32Array(n));
    this.paragraphKey = widen(this.paragraphKey, (n) => new Float64Array(n));
    this.paragraphRaw = widen(this.paragraphRaw, (n) => new Float64Array(n));
    this.articleRaw = widen(this.articleRaw, (n) => new Float64Array(n));
  }
}

/** Every article a query term touched, in slot order. */
export interface ArticleScores {
  count: number;
  slot: Float64Array;
  score: Float64Array;
  firstTerm: Int32Array;
}

export interface MergedScores {
  sentences: SentenceScores;
  articles: ArticleScores;
  /** The largest score of each collection, or a tiny positive number (the in-memory maxOf). */
  maxSentence: number;
  maxParagraph: number;
  maxArticle: number;
}

/**
 * BM25 over sentences, paragraphs and articles, one article at a time: every term's
 * posting rows are in slot order, so they are merged, and each article's sentences and
 * paragraphs are summed in small scratch arrays instead of a table over the whole
 * archive. Each document's contributions are added in query-term order, as the in-memory
 * index adds them, so the sums are the same to the last bit.
 */
export function mergedScores(terms: ScoredTerm[], totals: Totals, withText: boolean): MergedScores {
  const averageSentence = totals.sentence_length / Math.max(1, totals.sentences);
  const averageParagraph = totals.paragraph_length / Math.max(1, totals.paragraphs);
  const averageArticle = totals.article_length / Math.max(1, totals.articles);
  const termCount = terms.length;
  // Per term: which row and where in it the cursor is, and the slot of the record there.
  const rowOf = new Int32Array(termCount);
  const atOf = new Int32Array(termCount);
  const slotAt = new Float64Array(termCount);
  const readSlot = (t: number): void => {
    const data = terms[t]!.rows[rowOf[t]!];
    slotAt[t] = data ? data[atOf[t]!]! * SPAN + data[atOf[t]! + 1]! : Infinity;
  };
  for (let t = 0; t < termCount; t++) readSlot(t);
  const sentenceSum = new Float64Array(SPAN);
  const sentenceFirst = new Int32Array(SPAN);
  const sentenceParagraph = new Int32Array(SPAN);
  const sentenceSeen = new Int32Array(SPAN);
  const paragraphSum = new Float64Array(SPAN);
  const paragraphSeen = new Int32Array(SPAN);
  const touchedSentences = new Int32Array(SPAN);
  const touchedParagraphs = new Int32Array(SPAN);
  const totalRecords = terms.reduce((sum, term) => sum + term.rows.length, 0);
  const articles: ArticleScores = { count: 0, slot: new Float64Array(INITIAL_CAPACITY), score: new Float64Array(INITIAL_CAPACITY), firstTerm: new Int32Array(INITIAL_CAPACITY) };
  const sentences = new SentenceScores();
  let maxSentence = 1e-9;
  let maxParagraph = 1e-9;
  let maxArticle = 1e-9;
  for (let generation = 1; totalRecords > 0; generation++) {
    let slot = Infinity;
    for (let t = 0; t < termCount; t++) if (slotAt[t]! < slot) slot = slotAt[t]!;
    if (slot === Infinity) break;
    let articleSum = 0;
    let articleFirst = -1;
    let sentencesTouched = 0;
    let paragraphsTouched = 0;
    for (let t = 0; t < termCount; t++) {
      if (slotAt[t] !== slot) continue;
      const term = terms[t]!;
      const data = term.rows[rowOf[t]!]!;
      let i = atOf[t]!;
      articleSum = articleSum + term.articleIdf * bm25Norm(data[i + 2]!, data[i + 3]! * SPAN + data[i + 4]!, averageArticle);
      if (articleFirst < 0) articleFirst = t;
      const paragraphCount = data[i + 5]!;
      i += 6;
      if (withText) {
        for (let p = 0; p < paragraphCount; p++, i += 3) {
          const paragraph = data[i]!;
          if (paragraphSeen[paragraph] !== generation) {
            paragraphSeen[paragraph] = generation;
            paragraphSum[paragraph] = 0;
            touchedParagraphs[paragraphsTouched++] = paragraph;
          }
          paragraphSum[paragraph] = paragraphSum[paragraph]! + term.paragraphIdf * bm25Norm(data[i + 1]!, data[i + 2]!, averageParagraph);
        }
      } else i += paragraphCount * 3;
      const sentenceCount = data[i++]!;
      if (withText) {
        for (let n = 0; n < sentenceCount; n++, i += 4) {
          const position = data[i]!;
          if (sentenceSeen[position] !== generation) {
            sentenceSeen[position] = generation;
            sentenceSum[position] = 0;
            sentenceFirst[position] = t;
            sentenceParagraph[position] = data[i + 1]!;
            touchedSentences[sentencesTouched++] = position;
          }
          sentenceSum[position] = sentenceSum[position]! + term.sentenceIdf * bm25Norm(data[i + 2]!, data[i + 3]!, averageSentence);
        }
      } else i += sentenceCount * 4;
      if (i >= data.length) {
        rowOf[t] = rowOf[t]! + 1;
        atOf[t] = 0;
      } else atOf[t] = i;
      readSlot(t);
    }
    if (articles.count === articles.slot.length) growArticles(articles);
    articles.slot[articles.count] = slot;
    articles.score[articles.count] = articleSum;
    articles.firstTerm[articles.count++] = articleFirst;
    if (articleSum > maxArticle) maxArticle = articleSum;
    for (let k = 0; k < paragraphsTouched; k++) if (paragraphSum[touchedParagraphs[k]!]! > maxParagraph) maxParagraph = paragraphSum[touchedParagraphs[k]!]!;
    for (let k = 0; k < sentencesTouched; k++) {
      const position = touchedSentences[k]!;
      const raw = sentenceSum[position]!;
      if (raw > maxSentence) maxSentence = raw;
      const paragraph = sentenceParagraph[position]!;
      sentences.push(raw, slot, position, sentenceFirst[position]!, slot * SPAN + paragraph, paragraphSum[paragraph]!, articleSum);
    }
  }
  return { sentences, articles, maxSentence, maxParagraph, maxArticle };
}

function growArticles(articles: ArticleScores): void {
  const size = articles.slot.length * 2;
  const slot = new Float64Array(size);
  slot.set(articles.slot);
  const score = new Float64Array(size);
  score.set(articles.score);
  const firstTerm = new Int32Array(size);
  firstTerm.set(articles.firstTerm);
  Object.assign(articles, { slot, score, firstTerm });
}

/** The weighted idfs of a term, as the in-memory index computes them. */
export function scoredTerm(rows: Uint16Array[], stats: { sentences: number; paragraphs: number; articles: number }, totals: Totals, weight: number): ScoredTerm {
  return {
    rows,
    sentenceIdf: bm25Idf(totals.sentences, stats.sentences) * weight,
    paragraphIdf: bm25Idf(totals.paragraphs, stats.paragraphs) * weight,
    articleIdf: bm25Idf(totals.articles, stats.articles) * weight,
  };
}
