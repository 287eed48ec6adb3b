import { refOf } from '../content/article.js';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Answer } from './answer.js';
import { withRole } from './extract.js';
import { trimAround } from './passage.js';
import type { ParsedQuestion } from './question.js';
import { topicWords } from './question.js';
import type { QuestionTerms } from './question-terms.js';

/** A name of more words than this is a description, not a name to look up. */
const MAX_NAME_WORDS = 4;
const ARTICLES_SEARCHED = 5;

/**
 * "who is callamard", "callamard": the role the article gives a named person, when the
 * question only names them. The role is a fact the article states ("Agnès Callamard,
 * Secretary General of Amnesty International"), so the answer is certain.
 */
export function whoIs(question: ParsedQuestion, terms: QuestionTerms, knowledge: KnowledgeBase, contextArticle: ArticleKnowledge | undefined): Answer | undefined {
  const subjectWords = question.subject ? topicWords(question.subject) : question.type === 'what' && question.topicWords.length <= 3 ? question.topicWords : undefined;
  if (!subjectWords?.length || subjectWords.length > MAX_NAME_WORDS) return undefined;
  const wanted = new Set(terms.words.filter((word) => subjectWords.includes(word) || !question.topicWords.includes(word)));
  if (wanted.size === 0) return undefined;
  const found = knowledge.index.searchArticles(terms.query, ARTICLES_SEARCHED).map((a) => a.knowledge);
  for (const article of contextArticle ? [contextArticle, ...found] : found) {
    for (const [key, person] of article.people) {
      const nameWords = key.split(' ');
      if (![...wanted].every((word) => nameWords.includes(word))) continue;
      if (person.kind !== 'person' || !person.role) continue;
      return {
        type: 'who',
        short: `${withRole(person.name, person.role).replace(/, (the |a |an )?/, ' is $1')}.`,
        support: trimAround(article.sentences[person.position]!.text, terms.stems),
        article: refOf(article.article),
        ...(article.article.source ? { publisher: article.article.source } : {}),
        confidence: 1,
        people: [person.name],
        entities: [{ text: person.name, kind: 'person' }],
        topicWords: terms.words,
      };
    }
  }
  return undefined;
}
