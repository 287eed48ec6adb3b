import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SentenceHit } from '../knowledge/search-index.js';
import type { QuestionTerms } from './question-terms.js';

/** Passages retrieved for a question, before candidates are made of the best of them. */
const RETRIEVED = 30;
/**
 * The passages most likely to hold the answer: BM25 over sentences, their paragraphs and
 * their articles (search-index.ts). A follow-up ("and when?", "who is she?") is about the
 * article the chat is discussing, so it is searched in that article alone (answerer.ts).
 */
export function retrieve(knowledge: KnowledgeBase, terms: QuestionTerms, searchIn: ArticleKnowledge | undefined): SentenceHit[] {
  return knowledge.index.search(terms.query, { limit: RETRIEVED, ...(searchIn ? { onlyArticle: searchIn.article.id } : {}) });
}
