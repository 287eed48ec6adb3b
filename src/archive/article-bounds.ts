import type { QueryTermRows } from './article-scorer.js';
import { BoundNorms } from './bound-norms.js';
import { firstWide } from './head-fields.js';
import { restParagraphBound, restSentenceBound } from './impact-tiers.js';
import { NormTable } from './norm-table.js';
import { HEAD, HEAD_FIELDS, PARAGRAPH_BUCKETS, SEGMENT_ARTICLES, SENTENCE_BUCKETS } from './posting-records.js';
import { NO_MAX } from '../knowledge/bm25.js';
import { ArticleScores, type QueryScores, SentenceScores, widen } from './query-scores.js';
import type { Totals } from './stored-index.js';

/** Norms looked up (norm-table.ts) for articles' tfs and lengths; bounds' are all in their tables (bound-norms.ts). */
const ARTICLE_TF_LIMIT = 16;
const ARTICLE_LENGTH_LIMIT = 2048;
/**
 * Slots summed at once, one posting row's segment: the per-slot sums of a window (and the
 * bucket sums of tightening, 48 doubles a slot, 384 KB) stay in a core's cache, where
 * sums over all slots touched (~80,000 at 100,000 articles) would not. A window being a
 * segment, every head of a row is in its window, and a head's slot is the window's place.
 */
const WINDOW_SLOTS = SEGMENT_ARTICLES;

/**
 * What a question's heads say of each article, for pruning (article-pruning.ts):
 *
 * - `collect` reads the heads pass 1 reads (all of a rare term's, tier 0 of a common one's,
 *   impact-tiers.ts): each article's score from them (exact when every head was read), and
 *   loose bounds of what its sentences and paragraphs can score (the sum over its
 *   terms of BM25 at the record's largest tf and shortest length, saturated at 255 as
 *   head-fields.ts says: never below the exact ones).
 * - `tighten` narrows the bounds of the articles pruning looks at closely: a sentence's
 *   terms all have its bucket (position mod SENTENCE_BUCKETS) in their masks, so it
 *   scores at most the sum over the terms of its bucket, and so for paragraphs.
 *
 * The heads are read a window of slots at a time (all terms' rows of a segment, then the
 * next), and tightening walks again only the rows of the windows of the articles it narrows. Terms
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
  /** Per window slot: the rests (below) of the terms whose heads it has. */
  private readonly windowSeenSentenceRest = new Float64Array(WINDOW_SLOTS);
  private readonly windowSeenParagraphRest = new Float64Array(WINDOW_SLOTS);
  private stamp = 0;
  /** Tightening's bucket sums, SENTENCE_BUCKETS (PARAGRAPH_BUCKETS) a window slot: zero outside the masks. */
  private readonly sentenceBuckets = new Float64Array(WINDOW_SLOTS * SENTENCE_BUCKETS);
  private readonly paragraphBuckets = new Float64Array(WINDOW_SLOTS * PARAGRAPH_BUCKETS);
  private readonly sentenceMasks = new Int32Array(WINDOW_SLOTS);
  private readonly paragraphMasks = new Int32Array(WINDOW_SLOTS);
  /** The question's terms, and per window it touched: its first slot and each term's row of it (-1: none). */
  terms: QueryTermRows[] = [];
  private windowBase = new Int32Array(0);
  private windowRow = new Int32Array(0);
  private windows = 0;
  /** Window number (segment) -> its index above, for the windows touched. */
  private windowIndex = new Int32Array(0);
  /** Per term, pass 1's place in its rows: the next row to sum. */
  private rowAt = new Int32Array(0);
  /** Per window slot: 1 while its article is being tightened. */
  private readonly pendingSlots = new Uint8Array(WINDOW_SLOTS);
  /** Per article index: the question it was tightened in. */
  private tightIn = new Int32Array(0);
  private pending = new Int32Array(0);
  private question = 0;
  /** Every question's articles, reused: a question over a big archive touches tens of thousands. */
  private readonly articles = new ArticleScores();
  averageSentence = 0;
  averageParagraph = 0;
  private readonly articleNorms = new NormTable(ARTICLE_TF_LIMIT, ARTICLE_LENGTH_LIMIT);
  private readonly sentenceNorms = new BoundNorms();
  private readonly paragraphNorms = new BoundNorms();

  /** Every article a read head names, with its score and loose bounds. */
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
    for (let segment = this.nextSegment(); segment >= 0; segment = this.nextSegment()) {
      const w = this.windows++;
      if (w >= this.windowBase.length) this.windowBase = widen(this.windowBase, 2 * (w + 1));
      if ((w + 1) * terms.length > this.windowRow.length) this.windowRow = widen(this.windowRow, 2 * (w + 1) * terms.length);
      this.windowBase[w] = segment * WINDOW_SLOTS;
      this.windowIndex[segment] = w;
      this.sumWindow(w, segment);
    }
    if (articles.count > this.tightIn.length) {
      const size = Math.max(articles.count, this.tightIn.length * 2);
      this.tightIn = widen(this.tightIn, size);
      this.pending = widen(this.pending, size);
    }
    let maxArticle = NO_MAX;
    for (let a = 0; a < articles.count; a++) {
      if (articles.score[a]! > maxArticle) maxArticle = articles.score[a]!;
    }
    return { sentences: new SentenceScores(), articles, maxSentence: NO_MAX, maxParagraph: NO_MAX, maxArticle };
  }

  /** The lowest segment some term has a row of not summed yet, or -1 when all are. */
  private nextSegment(): number {
    const { terms, rowAt } = this;
    let lowest = Infinity;
    for (let t = 0; t < terms.length; t++) {
      const { segments } = terms[t]!;
      if (rowAt[t]! < segments.length) lowest = Math.min(lowest, segments[rowAt[t]!]!);
    }
    return lowest === Infinity ? -1 : lowest;
  }

  /**
   * Sums every term's heads of this segment (window `w`), then adds the window's articles.
   * A bound's norm is added whether or not the term is in a sentence (paragraph): its tf
   * is then 0, so is the norm, and the sum does not change.
   */
  private sumWindow(w: number, segment: number): void {
    const stamp = ++this.stamp;
    const base = segment * WINDOW_SLOTS;
    const { terms, windowRow, windowStamp, windowScore, windowSentenceBound, windowParagraphBound, windowFirstTerm, windowSeenSentenceRest, windowSeenParagraphRest, articleNorms, rowAt } = this;
    const sentenceNorms = this.sentenceNorms.norms;
    const paragraphNorms = this.paragraphNorms.norms;
    // What the heads not read (tier 1) of the window's rows can add, all terms together.
    let sentenceRest = 0;
    let paragraphRest = 0;
    for (let t = 0; t < terms.length; t++) {
      const { heads: rows, segments, rests, sentenceIdf, paragraphIdf, articleIdf, unreadRest } = terms[t]!;
      const r = rowAt[t]!;
      if (r >= segments.length || segments[r] !== segment) {
        windowRow[w * terms.length + t] = -1;
        // A term none of whose heads is read may be in any of the window's articles.
        if (unreadRest) {
          sentenceRest += sentenceIdf * sentenceNorms[restSentenceBound(unreadRest)]!;
          paragraphRest += paragraphIdf * paragraphNorms[restParagraphBound(unreadRest)]!;
        }
        continue;
      }
      windowRow[w * terms.length + t] = r;
      rowAt[t] = r + 1;
      const heads = rows[r]!;
      for (let at = 0; at < heads.length; at += HEAD_FIELDS) {
        const local = heads[at + HEAD.slot]!;
        if (windowStamp[local] !== stamp) {
          windowStamp[local] = stamp;
          windowScore[local] = 0;
          windowSentenceBound[local] = 0;
          windowParagraphBound[local] = 0;
          windowFirstTerm[local] = t;
          windowSeenSentenceRest[local] = 0;
          windowSeenParagraphRest[local] = 0;
        }
        windowScore[local] = windowScore[local]! + articleIdf * articleNorms.norm(heads[at + HEAD.articleTf]!, firstWide(heads[at + HEAD.highs]!, heads[at + HEAD.articleLengthLow]!));
        windowSentenceBound[local] = windowSentenceBound[local]! + sentenceIdf * sentenceNorms[heads[at + HEAD.sentenceBound]!]!;
        windowParagraphBound[local] = windowParagraphBound[local]! + paragraphIdf * paragraphNorms[heads[at + HEAD.paragraphBound]!]!;
      }
      if (rests[r]) {
        // An article with a head of this term read has its own bound of it, not the rest's.
        const termSentenceRest = sentenceIdf * sentenceNorms[restSentenceBound(rests[r]!)]!;
        const termParagraphRest = paragraphIdf * paragraphNorms[restParagraphBound(rests[r]!)]!;
        sentenceRest += termSentenceRest;
        paragraphRest += termParagraphRest;
        for (let at = 0; at < heads.length; at += HEAD_FIELDS) {
          const local = heads[at + HEAD.slot]!;
          windowSeenSentenceRest[local] = windowSeenSentenceRest[local]! + termSentenceRest;
          windowSeenParagraphRest[local] = windowSeenParagraphRest[local]! + termParagraphRest;
        }
      }
    }
    const { articles } = this;
    articles.reserve(articles.count + WINDOW_SLOTS);
    const { slot: slots, score, sentenceBound, paragraphBound, sentenceRest: articleSentenceRest, paragraphRest: articleParagraphRest, firstTerm } = articles;
    let a = articles.count;
    for (let local = 0; local < WINDOW_SLOTS; local++) {
      if (windowStamp[local] !== stamp) continue;
      slots[a] = base + local;
      score[a] = windowScore[local]!;
      // Without tier 1 (an exact search) the rests are 0 and the bounds the heads' sums to the bit.
      articleSentenceRest[a] = Math.max(0, sentenceRest - windowSeenSentenceRest[local]!);
      articleParagraphRest[a] = Math.max(0, paragraphRest - windowSeenParagraphRest[local]!);
      sentenceBound[a] = windowSentenceBound[local]! + articleSentenceRest[a]!;
      paragraphBound[a] = windowParagraphBound[local]! + articleParagraphRest[a]!;
      firstTerm[a] = windowFirstTerm[local]!;
      a++;
    }
    articles.count = a;
  }

  /**
   * Narrows the bounds of the first `count` articles of `list` (those not narrowed
   * yet) to the largest bucket sum: one walk over the heads of the windows holding them. Sums are in query-term order, like the scores.
   */
  tighten(list: ArrayLike<number>, count = list.length): void {
    const { articles, tightIn, pending, question } = this;
    let pendingCount = 0;
    for (let i = 0; i < count; i++) {
      const a = list[i]!;
      if (tightIn[a] === question) continue;
      tightIn[a] = question;
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
      this.bucketWindow(w);
      for (; i < last; i++) {
        const a = ordered[i]!;
        const local = articles.slot[a]! - base;
        pendingSlots[local] = 0;
        // A term whose head was not read may share any bucket: its rest counts in each.
        articles.sentenceBound[a] = Math.min(articles.sentenceBound[a]!, takeLargest(this.sentenceMasks, this.sentenceBuckets, local, SENTENCE_BUCKETS) + articles.sentenceRest[a]!);
        articles.paragraphBound[a] = Math.min(articles.paragraphBound[a]!, takeLargest(this.paragraphMasks, this.paragraphBuckets, local, PARAGRAPH_BUCKETS) + articles.paragraphRest[a]!);
      }
    }
  }

  /** Adds the parts of window `w`'s heads of this round's articles to their buckets. */
  private bucketWindow(w: number): void {
    const { terms, windowRow, pendingSlots, sentenceBuckets, paragraphBuckets, sentenceMasks, paragraphMasks } = this;
    const sentenceNorms = this.sentenceNorms.norms;
    const paragraphNorms = this.paragraphNorms.norms;
    for (let t = 0; t < terms.length; t++) {
      const r = windowRow[w * terms.length + t]!;
      if (r < 0) continue;
      const { sentenceIdf, paragraphIdf } = terms[t]!;
      const heads = terms[t]!.heads[r]!;
      for (let at = 0; at < heads.length; at += HEAD_FIELDS) {
        const local = heads[at + HEAD.slot]!;
        if (!pendingSlots[local]) continue;
        const sentenceMask = (heads[at + HEAD.sentenceMaskHigh]! << 16) | heads[at + HEAD.sentenceMaskLow]!;
        if (sentenceMask) {
          sentenceMasks[local] = sentenceMasks[local]! | sentenceMask;
          addToBuckets(sentenceMask, sentenceIdf * sentenceNorms[heads[at + HEAD.sentenceBound]!]!, sentenceBuckets, local * SENTENCE_BUCKETS);
        }
        const paragraphMask = heads[at + HEAD.paragraphMask]!;
        if (paragraphMask) {
          paragraphMasks[local] = paragraphMasks[local]! | paragraphMask;
          addToBuckets(paragraphMask, paragraphIdf * paragraphNorms[heads[at + HEAD.paragraphBound]!]!, paragraphBuckets, local * PARAGRAPH_BUCKETS);
        }
      }
    }
  }

  /** bm25Norm of an article tf and length at this question's average, as pass 1 adds it up. */
  articleNorm(tf: number, length: number): number {
    return this.articleNorms.norm(tf, length);
  }

  /** Room for every segment the query's heads name, and for its terms' places. */
  private makeRoom(terms: QueryTermRows[]): void {
    if (terms.length > this.rowAt.length) this.rowAt = new Int32Array(terms.length * 2);
    let highest = -1;
    for (const { segments } of terms) if (segments.length > 0) highest = Math.max(highest, segments[segments.length - 1]!);
    if (highest >= this.windowIndex.length) this.windowIndex = widen(this.windowIndex, Math.max(highest + 1, this.windowIndex.length * 2));
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
