import type { Article } from '../content/article.js';
import { words } from '../text/normalize.js';
import type { ArticleKnowledge } from './article-knowledge.js';
import type { ArticleSummary, KnowledgeStore } from './knowledge-store.js';
import { MemoryKnowledgeStore } from './memory-store.js';
import type { ArticleIndex } from './search-index.js';
import { Vocabulary } from './vocabulary.js';

/** Per-article vocabularies kept at once (the articles chats are discussing). */
const ARTICLE_VOCABULARIES_KEPT = 50;

/**
 * All loaded articles with their knowledge and the search structures over them. Where they
 * live is the store's business: in memory by default, or the on-disk archive (src/archive).
 */
export class KnowledgeBase {
  private readonly articleVocabularies = new Map<string, Vocabulary>();
  readonly index: ArticleIndex;
  readonly vocabulary: Vocabulary;

  constructor(articles: Iterable<Article> = [], readonly store: KnowledgeStore = new MemoryKnowledgeStore()) {
    this.index = store.index;
    this.vocabulary = store.vocabulary;
    for (const article of articles) this.upsert(article);
  }

  /** Adds or replaces an article; returns its knowledge. */
  upsert(article: Article): ArticleKnowledge {
    this.articleVocabularies.delete(article.id);
    return this.store.upsert(article);
  }

  /** Adds or replaces articles at once (the archive writes them in one transaction). */
  upsertAll(articles: Article[]): void {
    for (const article of articles) this.articleVocabularies.delete(article.id);
    this.store.upsertAll(articles);
  }

  remove(id: string): void {
    this.articleVocabularies.delete(id);
    this.store.remove(id);
  }

  get(id: string): ArticleKnowledge | undefined {
    return this.store.get(id);
  }

  get size(): number {
    return this.store.size;
  }

  /** Every article's knowledge: costly for a big archive; prefer summaries(). */
  all(): ArticleKnowledge[] {
    return this.store.all();
  }

  /** Every article, one at a time, in load order; a big archive is not held in memory at once. */
  each(): Iterable<ArticleKnowledge> {
    return this.store.each();
  }

  /** Newest first (undated articles last, in load order). */
  latest(count: number): ArticleKnowledge[] {
    return this.store.latest(count);
  }

  /** Id, headline and date of every article, without loading their analysis. */
  summaries(): ArticleSummary[] {
    return this.store.summaries();
  }

  /** Runs `read` on one state of the articles (KnowledgeStore.reading): an answer reads them all at once. */
  reading<T>(read: () => T): T {
    return this.store.reading(read);
  }

  /** Bytes the knowledge takes on disk; undefined when it lives in memory. */
  diskBytes(): number | undefined {
    return this.store.diskBytes();
  }

  /** The vocabulary of one article: typos are first corrected towards the article in hand. */
  articleVocabulary(id: string): Vocabulary | undefined {
    let vocabulary = this.articleVocabularies.get(id);
    const knowledge = vocabulary ? undefined : this.store.get(id);
    if (!vocabulary && knowledge) {
      vocabulary = new Vocabulary();
      vocabulary.addWords(words(`${knowledge.article.title} ${knowledge.article.body}`));
      if (this.articleVocabularies.size > ARTICLE_VOCABULARIES_KEPT) this.articleVocabularies.clear();
      this.articleVocabularies.set(id, vocabulary);
    }
    return vocabulary;
  }
}
