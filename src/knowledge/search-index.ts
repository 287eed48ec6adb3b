import type { ArticleKnowledge, SentenceFacts } from './article-knowledge.js';
import { ARTICLE_WEIGHT, maxIdfOf, PARAGRAPH_WEIGHT, PREFIX_CHARS, relatedAmong } from './bm25.js';
import { Bm25Collection } from './bm25-collection.js';
import { scoreAtRank } from './top-k.js';

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
  /** Sentences by id (ids are never reused: a removed one leaves an empty slot). */
  private readonly sentenceAt: (IndexedSentence | undefined)[] = [];
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
      this.sentenceAt[id] = { facts, knowledge, paragraphId, articleSlot: slot };
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
    for (const id of known.sentenceIds) this.sentenceAt[id] = undefined;
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
    const onlySlot = onlyArticle === undefined ? undefined : this.slots.get(onlyArticle)?.slot;
    const boostSlot = boostArticle === undefined ? undefined : this.slots.get(boostArticle)?.slot;
    if (onlyArticle !== undefined && onlySlot === undefined) return [];
    const sentences = this.sentenceDocs.score(terms);
    const paragraphs = this.paragraphDocs.score(terms);
    const articles = this.articleDocs.score(terms);
    // Every touched sentence's score, in the order they were touched; hits are made of the
    // best `limit` alone (a question touches thousands of sentences and keeps thirty).
    const ids: number[] = [];
    const all = new Float64Array(sentences.touched.length);
    for (const id of sentences.touched) {
      const sentence = this.sentenceAt[id]!;
      if (onlySlot !== undefined && sentence.articleSlot !== onlySlot) continue;
      all[ids.length] =
        sentences.scores[id]! / sentences.max +
        (PARAGRAPH_WEIGHT * paragraphs.scores[sentence.paragraphId]!) / paragraphs.max +
        ARTICLE_WEIGHT * (articles.scores[sentence.articleSlot]! / articles.max) +
        (sentence.articleSlot === boostSlot ? boost : 0);
      ids.push(id);
    }
    const combined = all.subarray(0, ids.length);
    // Every sentence of the first `limit` by a stable sort scores at least the limit-th best.
    const threshold = scoreAtRank(combined, limit);
    const hits: SentenceHit[] = [];
    for (let i = 0; i < ids.length; i++) {
      if (combined[i]! < threshold) continue;
      const sentence = this.sentenceAt[ids[i]!]!;
      const articleScore = articles.scores[sentence.articleSlot]! / articles.max;
      hits.push({ sentence, articleSlot: sentence.articleSlot, articleTerms: sentence.knowledge.terms, score: combined[i]!, sentenceScore: sentences.scores[ids[i]!]! / sentences.max, articleScore });
    }
    hits.sort((a, b) => b.score - a.score || a.sentence.facts.position - b.sentence.facts.position);
    return hits.slice(0, limit);
  }

  searchArticles(terms: QueryTerm[], limit = 5): { knowledge: ArticleKnowledge; score: number }[] {
    const { touched, scores } = this.articleDocs.score(terms);
    return touched
      .filter((slot) => this.knowledgeBySlot.has(slot))
      .map((slot) => [slot, scores[slot]!] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([slot, score]) => ({ knowledge: this.knowledgeBySlot.get(slot)!, score }));
  }
}
