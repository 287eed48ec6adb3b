import { widen } from './query-scores.js';

const INITIAL_RECORDS = 4096;

/**
 * The records (one per query term an article holds) of the articles a question looks at
 * closely, each article's together and in query-term order: which term, and where its
 * entries are in the article's (termIndex). They are gathered while bounds are tightened
 * (article-scorer.ts), for a few thousand articles at most out of the tens of thousands a
 * common word touches, and read again when an article is scored.
 */
export class ArticleRecords {
  term = new Int32Array(INITIAL_RECORDS);
  termIndex = new Int32Array(INITIAL_RECORDS);
  /** Per article index: its records are [start, end) once gathered. */
  start = new Int32Array(0);
  end = new Int32Array(0);
  private used = 0;

  /** A new question of `articleCount` articles: nothing is gathered. */
  reset(articleCount: number): void {
    this.used = 0;
    if (articleCount > this.start.length) {
      const size = Math.max(articleCount, this.start.length * 2);
      this.start = widen(this.start, size);
      this.end = widen(this.end, size);
    }
  }

  /** Room for `count` records of article `a`; `end` is its write cursor while they are added. */
  reserve(a: number, count: number): void {
    if (this.used + count > this.term.length) this.grow(Math.max(this.used + count, this.term.length * 2));
    this.start[a] = this.used;
    this.end[a] = this.used;
    this.used += count;
  }

  add(a: number, term: number, termIndex: number): void {
    const record = this.end[a]!;
    this.end[a] = record + 1;
    this.term[record] = term;
    this.termIndex[record] = termIndex;
  }

  private grow(size: number): void {
    this.term = widen(this.term, size);
    this.termIndex = widen(this.termIndex, size);
  }
}
