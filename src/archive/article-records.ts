import { bm25Norm } from '../knowledge/bm25.js';
import { HEAD, HEAD_FIELDS } from './posting-records.js';
import { widen } from './query-scores.js';

const SPAN = 0x10000;
const INITIAL_RECORDS = 4096;
/**
 * Below this many articles, each article's heads are found by binary search in every
 * term's rows; from it on, one walk over all heads is cheaper (measured at 100,000
 * articles: a walk ~0.5 ms, a lookup ~3 µs per article).
 */
const WALK_FROM_ARTICLES = 128;

/** One query term as the records need it: its weighted idfs and its posting rows' heads (slot order). */
export interface RecordTerm {
  sentenceIdf: number;
  paragraphIdf: number;
  heads: Uint16Array[];
}

/** Where the query's articles are: per article index, its slot and its number of records. */
export interface RecordArticles {
  slotOf: (a: number) => number;
  recordCount: (a: number) => number;
  /** Article index of a slot the question touched. */
  articleOfSlot: Int32Array;
}

/**
 * The records (one per query term an article holds) of the articles a question must look
 * at closely, each article's together and in query-term order. Pass 1 of the scorer only
 * sums; pruning then needs the records of a few thousand articles at most, out of the
 * tens of thousands a common word touches, and reading them from one place (not chasing
 * them across every term's rows) is what makes tightening cheap.
 */
export class ArticleRecords {
  /** Per record: query term, the term's index in the article's entries, bound parts and masks. */
  term = new Int32Array(INITIAL_RECORDS);
  termIndex = new Int32Array(INITIAL_RECORDS);
  sentencePart = new Float64Array(INITIAL_RECORDS);
  paragraphPart = new Float64Array(INITIAL_RECORDS);
  sentenceMask = new Int32Array(INITIAL_RECORDS);
  paragraphMask = new Int32Array(INITIAL_RECORDS);
  /** Per article index: its records are [start, end) once gathered this question. */
  start = new Int32Array(0);
  end = new Int32Array(0);
  private gatheredIn = new Int32Array(0);
  private pendingIn = new Int32Array(0);
  /** Per slot: the gathering round its article is pending in (one look-up per head in a walk). */
  private pendingSlot = new Int32Array(0);
  private question = 0;
  private round = 0;
  private used = 0;
  private terms: RecordTerm[] = [];
  private articles!: RecordArticles;
  private averageSentence = 0;
  private averageParagraph = 0;

  /** A new question: nothing is gathered. */
  reset(terms: RecordTerm[], articles: RecordArticles, articleCount: number, averageSentence: number, averageParagraph: number): void {
    this.question += 1;
    this.used = 0;
    this.terms = terms;
    this.articles = articles;
    this.averageSentence = averageSentence;
    this.averageParagraph = averageParagraph;
    if (articleCount > this.start.length) {
      const size = Math.max(articleCount, this.start.length * 2);
      this.start = widen(this.start, size);
      this.end = widen(this.end, size);
      this.gatheredIn = widen(this.gatheredIn, size);
      this.pendingIn = widen(this.pendingIn, size);
    }
  }

  termOf(t: number): RecordTerm {
    return this.terms[t]!;
  }

  has(a: number): boolean {
    return this.gatheredIn[a] === this.question;
  }

  /** Gathers the records of these article indices (those already gathered are skipped). */
  gather(list: ArrayLike<number>, count = list.length): void {
    const round = ++this.round;
    let pending = 0;
    for (let i = 0; i < count; i++) {
      const a = list[i]!;
      if (this.gatheredIn[a] === this.question || this.pendingIn[a] === round) continue;
      this.pendingIn[a] = round;
      const slot = this.articles.slotOf(a);
      if (slot >= this.pendingSlot.length) this.pendingSlot = widen(this.pendingSlot, Math.max(slot + 1, this.pendingSlot.length * 2));
      this.pendingSlot[slot] = round;
      this.reserve(a);
      pending += 1;
    }
    if (pending === 0) return;
    if (pending < WALK_FROM_ARTICLES) {
      for (let i = 0; i < count; i++) if (this.pendingIn[list[i]!] === round) this.lookUp(list[i]!);
    } else this.walk(round);
    for (let i = 0; i < count; i++) this.gatheredIn[list[i]!] = this.question;
  }

  /** Room for the article's records; `end` is its write cursor until it is gathered. */
  private reserve(a: number): void {
    const count = this.articles.recordCount(a);
    if (this.used + count > this.term.length) this.grow(Math.max(this.used + count, this.term.length * 2));
    this.start[a] = this.used;
    this.end[a] = this.used;
    this.used += count;
  }

  /** One pass over every head of the query, keeping those of pending articles. */
  private walk(round: number): void {
    const { pendingSlot, terms } = this;
    const articleOfSlot = this.articles.articleOfSlot;
    for (let t = 0; t < terms.length; t++) {
      const rows = terms[t]!.heads;
      for (let r = 0; r < rows.length; r++) {
        const heads = rows[r]!;
        for (let at = 0; at < heads.length; at += HEAD_FIELDS) {
          const slot = heads[at + HEAD.slotHigh]! * SPAN + heads[at + HEAD.slotLow]!;
          if (pendingSlot[slot] === round) this.add(articleOfSlot[slot]!, t, heads, at);
        }
      }
    }
  }

  /** Finds the article's head in each term's rows by binary search (rows and heads are in slot order). */
  private lookUp(a: number): void {
    const slot = this.articles.slotOf(a);
    for (let t = 0; t < this.terms.length; t++) {
      const rows = this.terms[t]!.heads;
      let low = 0;
      let high = rows.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const heads = rows[middle]!;
        if (heads.length === 0 || slotAt(heads, heads.length - HEAD_FIELDS) < slot) low = middle + 1;
        else if (slotAt(heads, 0) > slot) high = middle - 1;
        else {
          const at = findHead(heads, slot);
          if (at >= 0) this.add(a, t, heads, at);
          break;
        }
      }
    }
  }

  private add(a: number, t: number, heads: Uint16Array, at: number): void {
    const record = this.end[a]!;
    this.end[a] = record + 1;
    const term = this.terms[t]!;
    this.term[record] = t;
    this.termIndex[record] = heads[at + HEAD.termIndexHigh]! * SPAN + heads[at + HEAD.termIndexLow]!;
    const sentenceMask = (heads[at + HEAD.sentenceMaskHigh]! << 16) | heads[at + HEAD.sentenceMaskLow]!;
    const paragraphMask = heads[at + HEAD.paragraphMask]!;
    this.sentenceMask[record] = sentenceMask;
    this.paragraphMask[record] = paragraphMask;
    // The same parts, computed the same way, as pass 1 added to the article's bounds.
    this.sentencePart[record] = sentenceMask ? term.sentenceIdf * bm25Norm(heads[at + HEAD.sentenceMaxTf]!, heads[at + HEAD.sentenceMinLength]!, this.averageSentence) : 0;
    this.paragraphPart[record] = paragraphMask ? term.paragraphIdf * bm25Norm(heads[at + HEAD.paragraphMaxTf]!, heads[at + HEAD.paragraphMinLength]!, this.averageParagraph) : 0;
  }

  private grow(size: number): void {
    this.term = widen(this.term, size);
    this.termIndex = widen(this.termIndex, size);
    this.sentencePart = widen(this.sentencePart, size);
    this.paragraphPart = widen(this.paragraphPart, size);
    this.sentenceMask = widen(this.sentenceMask, size);
    this.paragraphMask = widen(this.paragraphMask, size);
  }
}

function slotAt(heads: Uint16Array, at: number): number {
  return heads[at + HEAD.slotHigh]! * SPAN + heads[at + HEAD.slotLow]!;
}

/** Where the head of `slot` starts in a row, or -1. */
function findHead(heads: Uint16Array, slot: number): number {
  let low = 0;
  let high = heads.length / HEAD_FIELDS - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = slotAt(heads, middle * HEAD_FIELDS);
    if (found < slot) low = middle + 1;
    else if (found > slot) high = middle - 1;
    else return middle * HEAD_FIELDS;
  }
  return -1;
}
