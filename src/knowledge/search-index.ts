import type { ArticleKnowledge, SentenceFacts } from './article-knowledge.js';
import { ARTICLE_WEIGHT, bm25Idf, bm25Norm, maxIdfOf, maxOf, PARAGRAPH_WEIGHT, PREFIX_CHARS, relatedAmong } from './bm25.js';

/**
 * One scored collection (sentences, paragraphs or articles): postings, lengths, df.
 * Removing a document takes it out of its terms' postings (and a term with no documents
 * left is forgotten), so a long-running bot holds only what its live articles need.
 */
class Bm25Collection {
  private readonly postings = new Map<string, number[]>(); // flattened [docId, tf, docId, tf, ...]
  private readonly lengths = new Map<number, number>();
  private readonly termsOf = new Map<number, string[]>();
  private nextId = 0;
  private totalLength = 0;

  add(terms: string[]): number {
    const id = this.nextId++;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push(id, tf);
    }
    this.lengths.set(id, terms.length);
    this.termsOf.set(id, [...counts.keys()]);
    this.totalLength += terms.length;
    return id;
  }

  /** Takes the documents out of the postings; returns the terms no document uses any more. */
  remove(ids: number[]): string[] {
    const gone = new Set(ids.filter((id) => this.lengths.has(id)));
    const touched = new Set<string>();
    for (const id of gone) {
      for (const term of this.termsOf.get(id) ?? []) touched.add(term);
      this.totalLength -= this.lengths.get(id)!;
      this.lengths.delete(id);
      this.termsOf.delete(id);
    }
    const forgotten: string[] = [];
    for (const term of touched) {
      const list = this.postings.get(term)!;
      const kept: number[] = [];
      for (let i = 0; i < list.length; i += 2) if (!gone.has(list[i]!)) kept.push(list[i]!, list[i + 1]!);
      if (kept.length) this.postings.set(term, kept);
      else {
        this.postings.delete(term);
        forgotten.push(term);
      }
    }
    return forgotten;
  }

  get size(): number {
    return this.lengths.size;
  }

  idf(term: string): number {
    return bm25Idf(this.size, (this.postings.get(term)?.length ?? 0) / 2);
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Adds weight x BM25 contribution of each term into `scores`. */
  score(terms: { term: string; weight: number }[], scores: Map<number, number>): void {
    const average = this.totalLength / Math.max(1, this.size);
    for (const { term, weight } of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term) * weight;
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i]!;
        const norm = bm25Norm(list[i + 1]!, this.lengths.get(id)!, average);
        scores.set(id, (scores.get(id) ?? 0) + idf * norm);
      }
    }
  }
}

export interface IndexedSentence {
  facts: SentenceFacts;
  knowledge: ArticleKnowledge;
  paragraphId: number;
  articleSlot: number;
}

/** What a set of terms offers a membership test: a Set, or a lookup that need not build one. */
export type TermLookup = Pick<ReadonlySet<string>, 'has'>;

/**
 * A retrieved sentence. Whether its article holds a term, and which article it is, can be
 * asked without `sentence`: the archive decodes an article only when its sentence is read,
 * and the answer engine reads only the best passages of the articles that hold every name.
 */
export interface SentenceHit {
  sentence: IndexedSentence;
  /** The article's slot: the same article, the same slot. */
  articleSlot: number;
  /** The article's index terms, and the years its dates resolve to (ArticleKnowledge.terms). */
  articleTerms: TermLookup;
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
  /**
   * A related word of a question word the index knows ("increase" for "rise"; not what a
   * phrase means, "resign" for "step down", which stands in for the phrase): it adds to
   * what a passage scores, but a passage worth finding holds the question's own words
   * too, so an index may find passages by the other terms and only then count this one
   * (the archive does at scale, stored-index.ts).
   */
  supporting?: boolean;
}

/** What the answer engine asks of an index; the in-memory one and the archive's agree. */
export interface ArticleIndex {
  search(terms: QueryTerm[], options?: SearchOptions): SentenceHit[];
  searchArticles(terms: QueryTerm[], limit?: number): { knowledge: ArticleKnowledge; score: number }[];
  /** True when some live article uses the term. */
  knows(term: string): boolean;
  /** How informative a term is across sentences (0 for an unknown one). */
  idf(term: string): number;
  /** Rarest-possible idf: what an unknown word would weigh. */
  maxIdf(): number;
  /** Other indexed stems that begin like this one ("marri" ~ "marriag"). */
  relatedStems(term: string): string[];
}

/**
 * Sentence retrieval across all articles. A sentence's score blends its own BM25 with
 * its paragraph's and its article's, because the words of a question are often spread
 * over the passage around the answer (SQuAD: 56.7% for sentence-only BM25).
 */
export class SearchIndex implements ArticleIndex {
  private readonly sentenceDocs = new Bm25Collection();
  private readonly paragraphDocs = new Bm25Collection();
  private readonly articleDocs = new Bm25Collection();
  private readonly sentences = new Map<number, IndexedSentence>();
  private readonly slots = new Map<string, { slot: number; sentenceIds: number[]; paragraphIds: number[] }>();
  private readonly knowledgeBySlot = new Map<number, ArticleKnowledge>();
  /** Indexed sentence stems by their first letters, kept up to date as articles come and go. */
  private readonly byPrefix = new Map<string, Set<string>>();

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
      this.sentences.set(id, { facts, knowledge, paragraphId, articleSlot: slot });
      sentenceIds.push(id);
    }
    this.slots.set(knowledge.article.id, { slot, sentenceIds, paragraphIds });
    this.knowledgeBySlot.set(slot, knowledge);
  }

  /** Forgets the article: its postings, its sentences, and the words only it used. */
  remove(articleId: string): void {
    const known = this.slots.get(articleId);
    if (!known) return;
    this.articleDocs.remove([known.slot]);
    for (const term of this.sentenceDocs.remove(known.sentenceIds)) this.forgetPrefix(term);
    this.paragraphDocs.remove(known.paragraphIds);
    for (const id of known.sentenceIds) this.sentences.delete(id);
    this.slots.delete(articleId);
    this.knowledgeBySlot.delete(known.slot);
  }

  relatedStems(term: string): string[] {
    if (term.length < PREFIX_CHARS) return [];
    return relatedAmong(term, this.byPrefix.get(term.slice(0, PREFIX_CHARS)) ?? []);
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

  private forgetPrefix(term: string): void {
    if (term.length < PREFIX_CHARS) return;
    const key = term.slice(0, PREFIX_CHARS);
    const set = this.byPrefix.get(key);
    set?.delete(term);
    if (set?.size === 0) this.byPrefix.delete(key);
  }

  knows(term: string): boolean {
    return this.sentenceDocs.has(term) || this.articleDocs.has(term);
  }

  idf(term: string): number {
    return this.sentenceDocs.has(term) ? this.sentenceDocs.idf(term) : 0;
  }

  maxIdf(): number {
    return maxIdfOf(this.sentenceDocs.size);
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
    const maxSentence = maxOf(sentenceScores);
    const maxParagraph = maxOf(paragraphScores);
    const maxArticle = maxOf(articleScores);
    const hits: SentenceHit[] = [];
    for (const [id, raw] of sentenceScores) {
      const sentence = this.sentences.get(id)!;
      if (onlySlot !== undefined && sentence.articleSlot !== onlySlot) continue;
      const articleScore = (articleScores.get(sentence.articleSlot) ?? 0) / maxArticle;
      const score =
        raw / maxSentence +
        (PARAGRAPH_WEIGHT * (paragraphScores.get(sentence.paragraphId) ?? 0)) / maxParagraph +
        ARTICLE_WEIGHT * articleScore +
        (sentence.articleSlot === boostSlot ? boost : 0);
      hits.push({ sentence, articleSlot: sentence.articleSlot, articleTerms: sentence.knowledge.terms, score, sentenceScore: raw / maxSentence, articleScore });
    }
    hits.sort((a, b) => b.score - a.score || a.sentence.facts.position - b.sentence.facts.position);
    return hits.slice(0, limit);
  }

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
