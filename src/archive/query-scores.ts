const INITIAL_CAPACITY = 1024;

/** Every sentence scored for a question, with its paragraph's and article's raw scores. */
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
    this.raw = widen(this.raw, size);
    this.slot = widen(this.slot, size);
    this.position = widen(this.position, size);
    this.firstTerm = widen(this.firstTerm, size);
    this.paragraphKey = widen(this.paragraphKey, size);
    this.paragraphRaw = widen(this.paragraphRaw, size);
    this.articleRaw = widen(this.articleRaw, size);
  }
}

/** Every article a read head names, with its raw score and per-article bounds. */
export class ArticleScores {
  count = 0;
  slot = new Float64Array(INITIAL_CAPACITY);
  score = new Float64Array(INITIAL_CAPACITY);
  firstTerm = new Int32Array(INITIAL_CAPACITY);
  /** The most any of its sentences and paragraphs can score (article-pruning.ts). */
  sentenceBound = new Float64Array(INITIAL_CAPACITY);
  paragraphBound = new Float64Array(INITIAL_CAPACITY);
  /** Of those bounds, what the terms whose heads in it were not read (tier 1) can add: tightening keeps it. */
  sentenceRest = new Float64Array(INITIAL_CAPACITY);
  paragraphRest = new Float64Array(INITIAL_CAPACITY);

  /** The index of the article at `slot`, or -1 if none of its heads was read (articles are in slot order). */
  indexOf(slot: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.slot[middle] === slot) return middle;
      if (this.slot[middle]! < slot) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** Adds the article at `slot` after the others, once pruning is done (the slot order no longer holds); returns its index. */
  append(slot: number, firstTerm: number): number {
    this.reserve(this.count + 1);
    const a = this.count++;
    this.slot[a] = slot;
    this.score[a] = 0;
    this.firstTerm[a] = firstTerm;
    this.sentenceBound[a] = this.paragraphBound[a] = this.sentenceRest[a] = this.paragraphRest[a] = 0;
    return a;
  }

  /** Room for `count` articles in all: the scorer then writes them in place. */
  reserve(count: number): void {
    if (count > this.slot.length) this.grow(Math.max(count, this.slot.length * 2));
  }

  private grow(size: number): void {
    this.slot = widen(this.slot, size);
    this.score = widen(this.score, size);
    this.firstTerm = widen(this.firstTerm, size);
    this.sentenceBound = widen(this.sentenceBound, size);
    this.paragraphBound = widen(this.paragraphBound, size);
    this.sentenceRest = widen(this.sentenceRest, size);
    this.paragraphRest = widen(this.paragraphRest, size);
  }
}

/** What a question's scoring found. */
export interface QueryScores {
  sentences: SentenceScores;
  articles: ArticleScores;
  /** The largest score of each collection, or a tiny positive number (NO_MAX). */
  maxSentence: number;
  maxParagraph: number;
  maxArticle: number;
}

export function widen<T extends Float64Array | Int32Array>(old: T, size: number): T {
  const array = new (old.constructor as new (n: number) => T)(size);
  array.set(old);
  return array;
}
