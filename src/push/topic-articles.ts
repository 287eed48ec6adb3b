import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { ArticleTopicTerms } from '../knowledge/knowledge-store.js';
import { topicMatches, topicTermsOf } from './topics.js';

/** The articles about a topic: how many there are, and the newest few. */
export interface TopicArticles {
  total: number;
  /** Newest first, as KnowledgeBase.latest orders them: undated last, later-loaded first among equals. */
  newest: ArticleTopicTerms[];
}

/**
 * The articles a topic matches, by the same rule that decides which new articles a
 * subscriber to it is sent (src/push/topics.ts), so /subscribe's count and /latest <topic>
 * never disagree. One article at a time: the archive may hold far more than fits in memory.
 */
export function articlesAbout(knowledge: KnowledgeBase, topic: string, count: number): TopicArticles {
  const newest: { article: ArticleTopicTerms; order: number }[] = [];
  let total = 0;
  let order = 0;
  for (const article of eachArticleTopicTerms(knowledge)) {
    order += 1;
    if (!topicMatches(topic, article)) continue;
    total += 1;
    const candidate = { article, order };
    const at = newest.findIndex((kept) => newerFirst(candidate, kept) < 0);
    newest.splice(at === -1 ? newest.length : at, 0, candidate);
    if (newest.length > count) newest.pop();
  }
  return { total, newest: newest.map(({ article }) => article) };
}

/** Negative when `a` comes before `b`: the later date, then the later-loaded article. */
function newerFirst(a: { article: ArticleTopicTerms; order: number }, b: { article: ArticleTopicTerms; order: number }): number {
  return (b.article.date ?? '').localeCompare(a.article.date ?? '') || b.order - a.order;
}

/** In load order. The archive keeps each article's topic terms apart: none is decoded for this. */
function* eachArticleTopicTerms(base: KnowledgeBase): Iterable<ArticleTopicTerms> {
  const stored = base.store.topicTerms?.();
  if (stored) {
    yield* stored;
    return;
  }
  for (const knowledge of base.each()) {
    const { article } = knowledge;
    yield { id: article.id, title: article.title, ...(article.date ? { date: article.date } : {}), ...topicTermsOf(knowledge) };
  }
}
