import type { Article } from '../content/article.js';
import { words } from '../text/normalize.js';
import { type ArticleKnowledge, buildKnowledge } from './article-knowledge.js';
import { SearchIndex } from './search-index.js';
import { Vocabulary } from './vocabulary.js';

/** All loaded articles with their knowledge and the search structures over them. */
export class KnowledgeBase {
  private readonly byId = new Map<string, ArticleKnowledge>();
  private readonly articleVocabularies = new Map<string, Vocabulary>();
  readonly index = new SearchIndex();
  readonly vocabulary = new Vocabulary();

  constructor(articles: Iterable<Article> = []) {
    for (const article of articles) this.upsert(article);
  }

  /** Adds or replaces an article; returns its knowledge. */
  upsert(article: Article): ArticleKnowledge {
    const knowledge = buildKnowledge(article);
    this.byId.set(article.id, knowledge);
    this.articleVocabularies.delete(article.id);
    this.index.add(knowledge);
    this.vocabulary.addText(`${article.title}\n${article.tags.join(' ')}\n${article.body}`);
    return knowledge;
  }

  remove(id: string): void {
    this.byId.delete(id);
    this.articleVocabularies.delete(id);
    this.index.remove(id);
  }

  get(id: string): ArticleKnowledge | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  all(): ArticleKnowledge[] {
    return [...this.byId.values()];
  }

  /** Newest first (undated articles last, in load order). */
  latest(count: number): ArticleKnowledge[] {
    return this.all()
      .map((knowledge, order) => ({ knowledge, order }))
      .sort((a, b) => (b.knowledge.article.date ?? '').localeCompare(a.knowledge.article.date ?? '') || b.order - a.order)
      .slice(0, count)
      .map(({ knowledge }) => knowledge);
  }

  /** The vocabulary of one article: typos are first corrected towards the article in hand. */
  articleVocabulary(id: string): Vocabulary | undefined {
    let vocabulary = this.articleVocabularies.get(id);
    const knowledge = this.byId.get(id);
    if (!vocabulary && knowledge) {
      vocabulary = new Vocabulary();
      vocabulary.addWords(words(`${knowledge.article.title} ${knowledge.article.body}`));
      if (this.articleVocabularies.size > 50) this.articleVocabularies.clear();
      this.articleVocabularies.set(id, vocabulary);
    }
    return vocabulary;
  }
}
