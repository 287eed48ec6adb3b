import type { Article } from '../content/article.js';
import { type ArticleKnowledge, buildKnowledge } from './article-knowledge.js';
import type { ArticleSummary, KnowledgeStore } from './knowledge-store.js';
import { SearchIndex } from './search-index.js';
import { Vocabulary } from './vocabulary.js';

/** The words an article contributes to the typo-correcting vocabulary. */
export function vocabularyText(article: Article): string {
  return `${article.title}\n${article.tags.join(' ')}\n${article.body}`;
}

/** Every article analysed and held in memory: fast to build for a few thousand articles. */
export class MemoryKnowledgeStore implements KnowledgeStore {
  private readonly byId = new Map<string, ArticleKnowledge>();
  readonly index = new SearchIndex();
  readonly vocabulary = new Vocabulary();

  /** Only this process writes to memory, and not while a read runs. */
  reading<T>(read: () => T): T {
    return read();
  }

  upsert(article: Article): ArticleKnowledge {
    const previous = this.byId.get(article.id);
    if (previous) this.vocabulary.removeText(vocabularyText(previous.article));
    const knowledge = buildKnowledge(article);
    this.byId.set(article.id, knowledge);
    this.index.add(knowledge);
    this.vocabulary.addText(vocabularyText(article));
    return knowledge;
  }

  upsertAll(articles: Article[]): void {
    for (const article of articles) this.upsert(article);
  }

  remove(id: string): void {
    const previous = this.byId.get(id);
    if (!previous) return;
    this.byId.delete(id);
    this.index.remove(id);
    this.vocabulary.removeText(vocabularyText(previous.article));
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

  each(): Iterable<ArticleKnowledge> {
    return this.byId.values();
  }

  latest(count: number): ArticleKnowledge[] {
    return this.all()
      .map((knowledge, order) => ({ knowledge, order }))
      .sort((a, b) => (b.knowledge.article.date ?? '').localeCompare(a.knowledge.article.date ?? '') || b.order - a.order)
      .slice(0, count)
      .map(({ knowledge }) => knowledge);
  }

  summaries(): ArticleSummary[] {
    return this.all().map(({ article }) => ({ id: article.id, title: article.title, ...(article.date ? { date: article.date } : {}) }));
  }

  diskBytes(): undefined {
    return undefined;
  }
}
