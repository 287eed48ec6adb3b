import type { ArticleKnowledge, SentenceFacts } from './article-knowledge.js';

/** Okapi BM25 constants, the usual defaults. */
const K1 = 1.2;
const B = 0.75;
/** How much a sentence's paragraph and article count next to the sentence itself. */
const PARAGRAPH_WEIGHT = 0.8;
const ARTICLE_WEIGHT = 0.45;

/** One scored collection (sentences, paragraphs or articles): postings, lengths, df. */
class Bm25Collection {
  private readonly postings = new Map<string, number[]>(); // flattened [docId, tf, docId, tf, ...]
  private readonly lengths: number[] = [];
  private readonly alive: boolean[] = [];
  private totalLength = 0;
  private liveCount = 0;

  add(terms: string[]): number {
    const id = this.lengths.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push(id, tf);
    }
    this.lengths.push(terms.length);
    this.alive.push(true);
    this.totalLength += terms.length;
    this.liveCount += 1;
    return id;
  }

  remove(id: number): void {
    if (!this.alive[id]) return;
    this.alive[id] = false;
    this.totalLength -= this.lengths[id]!;
    this.liveCount -= 1;
  }

  get size(): number {
    return this.liveCount;
  }

  /** Inverse document frequency; dead documents still count in df, which is harmless. */
  idf(term: string): number {
    const df = (this.postings.get(term)?.length ?? 0) / 2;
    return Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }


  /** Adds weight x BM25 contribution of each term into `scores`; returns touched ids. */
  score(terms: { term: string; weight: number }[], scores: Map<number, number>): void {
    const average = this.totalLength / Math.max(1, this.liveCount);
    for (const { term, weight } of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term) * weight;
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i]!;
        if (!this.alive[id]) continue;
        const tf = list[i + 1]!;
        const norm = tf * (K1 + 1) / (tf + K1 * (1 - B + (B * this.lengths[id]!) / average));
        scores.set(id, (scores.get(id) ?? 0) + idf * norm);
      }
    }
  }
}

/** Stems that share this many first letters, one extending the other, are related forms. */
const PREFIX_CHARS = 5;

export interface IndexedSentence {
  facts: SentenceFacts;
  knowledge: ArticleKnowledge;
  paragraphId: number;
  articleSlot: number;
}

export interface SentenceHit {
  sentence: IndexedSentence;
  score: number;
  sentenceScore: number;
  articleScore: number;
}

export interface SearchOptions {
  limit?: number;
  /** Search one article only. */
  onlyArticle?: string;
  /** Add `boost` to the sentences of this article (the one a chat is discussing). */
  boostArticle?: string;
  boost?: number;
}

export interface QueryTerm {
  term: string;
  weight: number;
}

/**
 * Sentence retrieval across all articles. A sentence's score blends its own BM25 with
 * its paragraph's and its article's, because the words of a question are often spread
 * over the passage around the answer (SQuAD: 56.7% for sentence-only BM25).
 */
export class SearchIndex {
  private readonly sentenceDocs = new Bm25Collection();
  private readonly paragraphDocs = new Bm25Collection();
  private readonly articleDocs = new Bm25Collection();
  private readonly sentences: IndexedSentence[] = [];
  private readonly slots = new Map<string, { slot: number; sentenceIds: number[]; paragraphIds: number[] }>();
  private readonly knowledgeBySlot = new Map<number, ArticleKnowledge>();

  add(knowledge: ArticleKnowledge): void {
    this.remove(knowledge.article.id);
    const articleTerms = [
      ...knowledge.titleTerms, ...knowledge.titleTerms, ...knowledge.titleTerms,
      ...knowledge.tagTerms, ...knowledge.tagTerms,
      ...knowledge.sentences.flatMap((sentence) => sentence.terms),
    ];
    const slot = this.articleDocs.add(articleTerms);
    const sentenceIds: number[] = [];
    const paragraphIds: number[] = [];
    let paragraphNumber = -1;
    let paragraphId = -1;
    for (const facts of knowledge.sentences) {
      if (facts.paragraph !== paragraphNumber) {
        paragraphNumber = facts.paragraph;
        const paragraphTerms = knowledge.sentences.filter((s) => s.paragraph === paragraphNumber).flatMap((s) => s.terms);
        paragraphId = this.paragraphDocs.add(paragraphTerms);
        paragraphIds.push(paragraphId);
      }
      const id = this.sentenceDocs.add(facts.terms);
      this.rememberPrefixes(facts.terms);
      this.sentences[id] = { facts, knowledge, paragraphId, articleSlot: slot };
      sentenceIds.push(id);
    }
    this.slots.set(knowledge.article.id, { slot, sentenceIds, paragraphIds });
    this.knowledgeBySlot.set(slot, knowledge);
  }

  remove(articleId: string): void {
    const known = this.slots.get(articleId);
    if (!known) return;
    this.articleDocs.remove(known.slot);
    for (const id of known.sentenceIds) this.sentenceDocs.remove(id);
    for (const id of known.paragraphIds) this.paragraphDocs.remove(id);
    this.slots.delete(articleId);
    this.knowledgeBySlot.delete(known.slot);
  }

  /** Indexed stems by their first letters, kept up to date as articles are added. */
  private readonly byPrefix = new Map<string, Set<string>>();

  /**
   * Other indexed stems that begin like this one ("marri" ~ "marriag", "found" ~
   * "foundat"): the stemmer leaves such derivations apart.
   */
  relatedStems(term: string): string[] {
    if (term.length < PREFIX_CHARS) return [];
    const candidates = this.byPrefix.get(term.slice(0, PREFIX_CHARS)) ?? [];
    return [...candidates].filter((known) => known !== term && (known.startsWith(term) || term.startsWith(known)));
  }

  private rememberPrefixes(terms: string[]): void {
    for (const term of terms) {
      if (term.length < PREFIX_CHARS) continue;
      const key = term.slice(0, PREFIX_CHARS);
      let set = this.byPrefix.get(key);
      if (!set) this.byPrefix.set(key, (set = new Set()));
      set.add(term);
    }
  }

  /** True when some live article uses the term. */
  knows(term: string): boolean {
    return this.sentenceDocs.has(term) || this.articleDocs.has(term);
  }

  /** How informative a term is across sentences (0 for an unknown one). */
  idf(term: string): number {
    return this.sentenceDocs.has(term) ? this.sentenceDocs.idf(term) : 0;
  }

  /** Rarest-possible idf: what an unknown word would weigh. */
  maxIdf(): number {
    return Math.log(1 + (this.sentenceDocs.size + 0.5) / 0.5);
  }

  search(terms: QueryTerm[], options: SearchOptions = {}): SentenceHit[] {
    const { limit = 30, onlyArticle, boostArticle, boost = 0 } = options;
    const sentenceScores = new Map<number, number>();
    const paragraphScores = new Map<number, number>();
    const articleScores = new Map<number, number>();
    this.sentenceDocs.score(terms, sentenceScores);
    this.paragraphDocs.score(terms, paragraphScores);
    this.articleDocs.score(terms, articleScores);
    const onlySlot = onlyArticle === undefined ? undefined : this.slots.get(onlyArticle)?.slot;
    const boostSlot = boostArticle === undefined ? undefined : this.slots.get(boostArticle)?.slot;
    if (onlyArticle !== undefined && onlySlot === undefined) return [];
    const maxOf = (scores: Map<number, number>): number => {
      let max = 1e-9;
      for (const value of scores.values()) if (value > max) max = value;
      return max;
    };
    const maxSentence = maxOf(sentenceScores);
    const maxParagraph = maxOf(paragraphScores);
    const maxArticle = maxOf(articleScores);
    const hits: SentenceHit[] = [];
    for (const [id, raw] of sentenceScores) {
      const sentence = this.sentences[id]!;
      if (onlySlot !== undefined && sentence.articleSlot !== onlySlot) continue;
      const articleScore = (articleScores.get(sentence.articleSlot) ?? 0) / maxArticle;
      const score =
        raw / maxSentence +
        (PARAGRAPH_WEIGHT * (paragraphScores.get(sentence.paragraphId) ?? 0)) / maxParagraph +
        ARTICLE_WEIGHT * articleScore +
        (sentence.articleSlot === boostSlot ? boost : 0);
      hits.push({ sentence, score, sentenceScore: raw / maxSentence, articleScore });
    }
    hits.sort((a, b) => b.score - a.score || a.sentence.facts.position - b.sentence.facts.position);
    return hits.slice(0, limit);
  }

  /** Articles ranked by how well their title, tags and text match. */
  searchArticles(terms: QueryTerm[], limit = 5): { knowledge: ArticleKnowledge; score: number }[] {
    const scores = new Map<number, number>();
    this.articleDocs.score(terms, scores);
    return [...scores]
      .filter(([slot]) => this.knowledgeBySlot.has(slot))
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([slot, score]) => ({ knowledge: this.knowledgeBySlot.get(slot)!, score }));
  }
}
