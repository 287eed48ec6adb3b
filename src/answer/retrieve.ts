import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SentenceHit } from '../knowledge/search-index.js';
import type { QuestionTerms } from './question-terms.js';

/** Passages retrieved for a question, before candidates are made of the best of them. */
const RETRIEVED = 30;
/** How much the article under discussion is preferred over others, in score units. */
const CONTEXT_BONUS = 0.6;

/**
 * The passages most likely to hold the answer: BM25 over sentences, their paragraphs and
 * their articles (search-index.ts), with the article a chat is discussing preferred.
 */
export function retrieve(knowledge: KnowledgeBase, terms: QuestionTerms, contextArticle: ArticleKnowledge | undefined): SentenceHit[] {
  return knowledge.index.search(terms.query, { limit: RETRIEVED, boostArticle: contextArticle?.article.id, boost: CONTEXT_BONUS });
}
