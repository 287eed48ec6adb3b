import { ArticleRecords } from './article-records.js';
import type { QueryTermRows } from './article-scorer.js';
import { NormTable } from './norm-table.js';
import { HEAD, HEAD_FIELDS, PARAGRAPH_BUCKETS, SENTENCE_BUCKETS, slotAt, U16 } from './posting-records.js';
import { ArticleScores, type QueryScores, SentenceScores, widen } from './query-scores.js';
import type { Totals } from './stored-index.js';

/** Norms looked up (norm-table.ts): articles' tfs and lengths, and sentences' and paragraphs' largest tfs and shortest lengths. */
const ARTICLE_TF_LIMIT = 16;
const ARTICLE_LENGTH_LIMIT = 2048;
const BOUND_TF_LIMIT = 8;
const BOUND_LENGTH_LIMIT = 512;
/**
 * Slots summed at once: the per-slot sums of a window (and the bucket sums of tightening,
 * 48 doubles a slot, 384 KB) stay in a core's cache, where sums over all slots
 * touched (~80,000 at 100,000 articles) would not.
 */
const WINDOW_SLOTS = 1024;

/**
 * What a question's heads say of each article, for pruning (article-pruning.ts):
 *
 * - `collect` reads every record head of the query's terms: each article's exact score,
 *   and loose bounds of what its sentences and paragraphs can score (the sum over its
 *   terms of BM25 at the record's largest tf and shortest length).
 * - `tighten` narrows the bounds of the articles pruning looks at closely: a sentence's
 *   terms all have its bucket (position mod SENTENCE_BUCKETS) in their masks, so it
 *   scores at most the sum over the terms of its bucket, and so for paragraphs. It also
 *   gathers their records (article-records.ts), which scoring them needs.
 *
 * The heads are read a window of slots at a time (all terms' heads of a window, then the
 * next), and tightening walks again only the windows of the articles it narrows. Terms
 * are taken in query order throughout: an article's score is added up in the order the
 * in-memory index adds it, to the last bit, and a bucket sum adds the same parts as a
 * sentence's score, each at least as large, in the same order.
 */
export class ArticleBounds {
  /** Per slot of the window being summed (valid where windowStamp is this window's): pass 1's sums. */
  private readonly windowStamp = new Int32Array(WINDOW_SLOTS);
  private readonly windowScore = new Float64Array(WINDOW_SLOTS);
  private readonly windowSentenceBound = new Float64Array(WINDOW_SLOTS);
  private readonly windowParagraphBound = new Float64Array(WINDOW_SLOTS);
  private readonly windowFirstTerm = new Int32Array(WINDOW_SLOTS);
  private readonly windowRecords = new Int32Array(WINDOW_SLOTS);
  private stamp = 0;
  /** Tightening's bucket sums, SENTENCE_BUCKETS (PARAGRAPH_BUCKETS) a window slot: zero outside the masks. */
  private readonly sentenceBuckets = new Float64Array(WINDOW_SLOTS * SENTENCE_BUCKETS);
  private readonly paragraphBuckets = new Float64Array(WINDOW_SLOTS * PARAGRAPH_BUCKETS);
  private readonly sentenceMasks = new Int32Array(WINDOW_SLOTS);
  private readonly paragraphMasks = new Int32Array(WINDOW_SLOTS);
  /** The question's terms, and per window it touched: its first slot and where each term's heads of it begin. */
  terms: QueryTermRows[] = [];
  private windowBase = new Int32Array(0);
  private windowRow = new Int32Array(0);
  private windowHead = new Int32Array(0);
  private windows = 0;
  /** Window number (slot / WINDOW_SLOTS) -> its index above, for the windows touched. */
  private windowIndex = new Int32Array(0);
  /** Per term, pass 1's place in its rows: row index and head offset. */
  private rowAt = new Int32Array(0);
  private headAt = new Int32Array(0);
  /** Slot -> article index, for the slots this question touched. */
  private articleOfSlot = new Int32Array(0);
  /** Per window slot: 1 while its article is being tightened. */
  private readonly pendingSlots = new Uint8Array(WINDOW_SLOTS);
  /** Per article index: its record count, and the question it was tightened in. */
  private recordCount = new Int32Array(0);
  private tightIn = new Int32Array(0);
  private pending = new Int32Array(0);
  private question = 0;
  /** Every question's articles, reused: a question over a big archive touches tens of thousands. */
  private readonly articles = new ArticleScores();
  readonly records = new ArticleRecords();
  averageSentence = 0;
  averageParagraph = 0;
  private readonly articleNorms = new NormTable(ARTICLE_TF_LIMIT, ARTICLE_LENGTH_LIMIT);
  private readonly sentenceNorms = new NormTable(BOUND_TF_LIMIT, BOUND_LENGTH_LIMIT);
  private readonly paragraphNorms = new NormTable(BOUND_TF_LIMIT, BOUND_LENGTH_LIMIT);

  /** Every article holding a query term, with its score and loose bounds. */
  collect(terms: QueryTermRows[], totals: Totals): QueryScores {
    this.question += 1;
    this.terms = terms;
    this.averageSentence = totals.sentence_length / Math.max(1, totals.sentences);
    this.averageParagraph = totals.paragraph_length / Math.max(1, totals.paragraphs);
    this.articleNorms.prepare(totals.article_length / Math.max(1, totals.articles));
    this.sentenceNorms.prepare(this.averageSentence);
    this.paragraphNorms.prepare(this.averageParagraph);
    this.makeRoom(terms);
    const { articles } = this;
    articles.count = 0;
    this.windows = 0;
    this.rowAt.fill(0, 0, terms.length);
    this.headAt.fill(0, 0, terms.length);
    for (let base = this.nextWindow(); base >= 0; base = this.nextWindow()) {
      const w = this.windows++;
      if (w >= this.windowBase.length) this.windowBase = widen(this.windowBase, 2 * (w + 1));
      if ((w + 1) * terms.length > this.windowRow.length) {
        this.windowRow = widen(this.windowRow, 2 * (w + 1) * terms.length);
        this.windowHead = widen(this.windowHead, 2 * (w + 1) * terms.length);
      }
      this.windowBase[w] = base;
      this.windowIndex[base / WINDOW_SLOTS] = w;
      this.windowRow.set(this.rowAt.subarray(0, terms.length), w * terms.length);
      this.windowHead.set(this.headAt.subarray(0, terms.length), w * terms.length);
      this.sumWindow(base);
    }
    if (articles.count > this.tightIn.length) {
      const size = Math.max(articles.count, this.tightIn.length * 2);
      this.tightIn = widen(this.tightIn, size);
      this.pending = widen(this.pending, size);
    }
    this.records.reset(articles.count);
    let maxArticle = 1e-9;
    for (let a = 0; a < articles.count; a++) {
      if (articles.score[a]! > maxArticle) maxArticle = articles.score[a]!;
    }
    return { sentences: new SentenceScores(), articles, maxSentence: 1e-9, maxParagraph: 1e-9, maxArticle };
  }

  /** The first slot of the window holding the lowest slot not summed yet, or -1 when all are. */
  private nextWindow(): number {
    const { terms } = this;
    let lowest = Infinity;
    for (let t = 0; t < terms.length; t++) {
      const rows = terms[t]!.heads;
      let r = this.rowAt[t]!;
      let at = this.headAt[t]!;
      // An empty row (none are written today, but nothing forbids one) holds no slot to read.
      while (r < rows.length && at >= rows[r]!.length) {
        r += 1;
        at = 0;
      }
      if (r < rows.length) lowest = Math.min(lowest, slotAt(rows[r]!, at));
    }
    return lowest === Infinity ? -1 : lowest - (lowest % WINDOW_SLOTS);
  }

  /** Sums every term's heads of slots [base, base + WINDOW_SLOTS), then adds the window's articles. */
  private sumWindow(base: number): void {
    const stamp = ++this.stamp;
    const { terms, windowStamp, windowScore, windowSentenceBound, windowParagraphBound, windowFirstTerm, windowRecords, articleNorms, sentenceNorms, paragraphNorms, rowAt, headAt } = this;
    for (let t = 0; t < terms.length; t++) {
      const { heads: rows, sentenceIdf, paragraphIdf, articleIdf } = terms[t]!;
      let r = rowAt[t]!;
      let at = headAt[t]!;
      for (; r < rows.length; r++, at = 0) {
        const heads = rows[r]!;
        for (; at < heads.length; at += HEAD_FIELDS) {
          const local = heads[at + HEAD.slotHigh]! * U16 + heads[at + HEAD.slotLow]! - base;
          if (local >= WINDOW_SLOTS) break;
          if (windowStamp[local] !== stamp) {
            windowStamp[local] = stamp;
            windowScore[local] = 0;
            windowSentenceBound[local] = 0;
            windowParagraphBound[local] = 0;
            windowFirstTerm[local] = t;
            windowRecords[local] = 0;
          }
          windowScore[local] = windowScore[local]! + articleIdf * articleNorms.norm(heads[at + HEAD.articleTf]!, heads[at + HEAD.articleLengthHigh]! * U16 + heads[at + HEAD.articleLengthLow]!);
          windowRecords[local] = windowRecords[local]! + 1;
          if (heads[at + HEAD.sentenceMaskHigh]! | heads[at + HEAD.sentenceMaskLow]!) {
            windowSentenceBound[local] = windowSentenceBound[local]! + sentenceIdf * sentenceNorms.norm(heads[at + HEAD.sentenceMaxTf]!, heads[at + HEAD.sentenceMinLength]!);
          }
          if (heads[at + HEAD.paragraphMask]!) {
            windowParagraphBound[local] = windowParagraphBound[local]! + paragraphIdf * paragraphNorms.norm(heads[at + HEAD.paragraphMaxTf]!, heads[at + HEAD.paragraphMinLength]!);
          }
        }
        if (at < heads.length) break; // the rest of the row is past the window
      }
      rowAt[t] = r;
      headAt[t] = at;
    }
    const { articles, articleOfSlot } = this;
    articles.reserve(articles.count + WINDOW_SLOTS);
    if (articles.count + WINDOW_SLOTS > this.recordCount.length) this.recordCount = widen(this.recordCount, Math.max(articles.count + WINDOW_SLOTS, this.recordCount.length * 2));
    const { slot: slots, score, sentenceBound, paragraphBound, firstTerm } = articles;
    const { recordCount } = this;
    let a = articles.count;
    for (let local = 0; local < WINDOW_SLOTS; local++) {
      if (windowStamp[local] !== stamp) continue;
      slots[a] = base + local;
      score[a] = windowScore[local]!;
      sentenceBound[a] = windowSentenceBound[local]!;
      paragraphBound[a] = windowParagraphBound[local]!;
      firstTerm[a] = windowFirstTerm[local]!;
      recordCount[a] = windowRecords[local]!;
      articleOfSlot[base + local] = a++;
    }
    articles.count = a;
  }

  /**
   * Narrows the bounds of the first `count` articles of `list` (those not narrowed
   * yet) to the largest bucket sum, and gathers their records: one walk over the heads of
   * the windows holding them. Sums are in query-term order, like the scores.
   */
  tighten(list: ArrayLike<number>, count = list.length): void {
    const { articles, records, tightIn, pending, question } = this;
    let pendingCount = 0;
    for (let i = 0; i < count; i++) {
      const a = list[i]!;
      if (tightIn[a] === question) continue;
      tightIn[a] = question;
      records.reserve(a, this.recordCount[a]!);
      pending[pendingCount++] = a;
    }
    // Article indices are in slot order: sorted, the articles of a window come together.
    const ordered = pending.subarray(0, pendingCount).sort();
    const { pendingSlots } = this;
    for (let i = 0; i < pendingCount; ) {
      const w = this.windowIndex[Math.floor(articles.slot[ordered[i]!]! / WINDOW_SLOTS)]!;
      const base = this.windowBase[w]!;
      let last = i;
      for (; last < pendingCount && articles.slot[ordered[last]!]! < base + WINDOW_SLOTS; last++) pendingSlots[articles.slot[ordered[last]!]! - base] = 1;
      this.bucketWindow(w, base);
      for (; i < last; i++) {
        const a = ordered[i]!;
        const local = articles.slot[a]! - base;
        pendingSlots[local] = 0;
        articles.sentenceBound[a] = Math.min(articles.sentenceBound[a]!, takeLargest(this.sentenceMasks, this.sentenceBuckets, local, SENTENCE_BUCKETS));
        articles.paragraphBound[a] = Math.min(articles.paragraphBound[a]!, takeLargest(this.paragraphMasks, this.paragraphBuckets, local, PARAGRAPH_BUCKETS));
      }
    }
  }

  /** Adds the parts of window `w`'s heads of this round's articles to their buckets, and gathers their records. */
  private bucketWindow(w: number, base: number): void {
    const { terms, pendingSlots, articleOfSlot, records, sentenceBuckets, paragraphBuckets, sentenceMasks, paragraphMasks, sentenceNorms, paragraphNorms } = this;
    for (let t = 0; t < terms.length; t++) {
      const { heads: rows, sentenceIdf, paragraphIdf } = terms[t]!;
      let at = this.windowHead[w * terms.length + t]!;
      for (let r = this.windowRow[w * terms.length + t]!; r < rows.length; r++, at = 0) {
        const heads = rows[r]!;
        for (; at < heads.length; at += HEAD_FIELDS) {
          const local = heads[at + HEAD.slotHigh]! * U16 + heads[at + HEAD.slotLow]! - base;
          if (local >= WINDOW_SLOTS) break;
          if (!pendingSlots[local]) continue;
          records.add(articleOfSlot[base + local]!, t, heads[at + HEAD.termIndexHigh]! * U16 + heads[at + HEAD.termIndexLow]!);
          const sentenceMask = (heads[at + HEAD.sentenceMaskHigh]! << 16) | heads[at + HEAD.sentenceMaskLow]!;
          if (sentenceMask) {
            sentenceMasks[local] = sentenceMasks[local]! | sentenceMask;
            addToBuckets(sentenceMask, sentenceIdf * sentenceNorms.norm(heads[at + HEAD.sentenceMaxTf]!, heads[at + HEAD.sentenceMinLength]!), sentenceBuckets, local * SENTENCE_BUCKETS);
          }
          const paragraphMask = heads[at + HEAD.paragraphMask]!;
          if (paragraphMask) {
            paragraphMasks[local] = paragraphMasks[local]! | paragraphMask;
            addToBuckets(paragraphMask, paragraphIdf * paragraphNorms.norm(heads[at + HEAD.paragraphMaxTf]!, heads[at + HEAD.paragraphMinLength]!), paragraphBuckets, local * PARAGRAPH_BUCKETS);
          }
        }
        if (at < heads.length) break; // the rest of the row is past the window
      }
    }
  }

  /** Whether article `a`'s bounds are narrowed and its records gathered. */
  isTight(a: number): boolean {
    return this.tightIn[a] === this.question;
  }

  /** Room for every slot the query's heads name, and for its terms' places. */
  private makeRoom(terms: QueryTermRows[]): void {
    if (terms.length > this.rowAt.length) {
      this.rowAt = new Int32Array(terms.length * 2);
      this.headAt = new Int32Array(terms.length * 2);
    }
    let highest = -1;
    for (const { heads: rows } of terms) {
      const last = rows.at(-1);
      if (last && last.length > 0) highest = Math.max(highest, slotAt(last, last.length - HEAD_FIELDS));
    }
    if (highest < this.articleOfSlot.length) return;
    const size = Math.max(highest + 1, this.articleOfSlot.length * 2);
    this.articleOfSlot = widen(this.articleOfSlot, size);
    this.windowIndex = widen(this.windowIndex, Math.ceil(size / WINDOW_SLOTS));
  }
}

/** The largest bucket (0 for none) of window slot `local`'s mask, whose buckets and mask are then reset to 0. */
function takeLargest(masks: Int32Array, buckets: Float64Array, local: number, perSlot: number): number {
  let max = 0;
  for (let rest = masks[local]!; rest; rest &= rest - 1) {
    const b = local * perSlot + 31 - Math.clz32(rest & -rest);
    if (buckets[b]! > max) max = buckets[b]!;
    buckets[b] = 0;
  }
  masks[local] = 0;
  return max;
}

/** Adds `part` to the bucket (from `at`) of each set bit of `mask`, each visited once (lowest first). */
function addToBuckets(mask: number, part: number, buckets: Float64Array, at: number): void {
  for (let rest = mask; rest; rest &= rest - 1) {
    const b = at + 31 - Math.clz32(rest & -rest);
    buckets[b] = buckets[b]! + part;
  }
}
