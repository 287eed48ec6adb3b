import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Answer } from './answer.js';
import { articleAnswer } from './article-answers.js';
import { trimAround } from './passage.js';
import type { ParsedQuestion } from './question.js';
import type { QuestionTerms } from './question-terms.js';
import { asWritten } from '../text/normalize.js';

/** "is Russia mentioned?", "does the article mention NGOs", "was Armenia brought up in it?". */
const MENTION = /\b(?:mention(?:ed|s)?|brought up|refer(?:red|s)? to|talk(?:ed|s)? about|say anything about|anything about|cited|named)\b/;
/** Words of a mention question that are not the thing asked about. */
const NOT_THE_THING = new Set(['mention', 'mentioned', 'mentions', 'brought', 'refer', 'referred', 'refers', 'talk', 'talked', 'talks', 'cited', 'named', 'anything', 'letter', 'report', 'news', 'piece']);

/** The subjects of a mention question that ask about the text itself: "does the article mention…", "did it say anything about…". */
const TEXT_SUBJECT = /^(?:(?:the|this|that) )?(?:news )?(?:article|letter|report|story|piece|news|text|item)$|^it$/;
/**
 * "did HP say anything about…", "has Smith talked about…": the subject between the
 * auxiliary and the verb, who is asked to have mentioned it; "has Russia been mentioned?"
 * is passive (a subject ending in "been", "get"), about the text.
 */
const ACTIVE_MENTION = /^(?:(?:and|so) )?(?:did|does|do|has|have|had|will|would|can|could)\s+(.+?)\s+(?:mention(?:ed)?|say|said|talk(?:ed)?|refer(?:red)?|bring|brought|cite[sd]?|name[sd]?)\b/;
const PASSIVE_SUBJECT = /\s(?:been|be|being|get|gets|got)$/;

/**
 * "Is X mentioned?" is answered from the text itself: yes with the first sentence naming X
 * (in the article under discussion, else any), no when none does.
 */
export function mentionAnswer(question: ParsedQuestion, terms: QuestionTerms, knowledge: KnowledgeBase, contextArticle: ArticleKnowledge | undefined): Answer | undefined {
  if (question.type !== 'yesNo' || !MENTION.test(question.folded)) return undefined;
  // "did HP say anything about the lawsuit?" asks whether HP commented: a question for the passages.
  const speaker = ACTIVE_MENTION.exec(question.folded)?.[1];
  if (speaker !== undefined && !TEXT_SUBJECT.test(speaker) && !PASSIVE_SUBJECT.test(speaker)) return undefined;
  const thing = terms.words.filter((word) => !NOT_THE_THING.has(word)).map(asWritten);
  const stems = [...terms.stems].filter((_, i) => !NOT_THE_THING.has(terms.words[i]!));
  if (stems.length === 0) return undefined;
  const articles = contextArticle ? [contextArticle] : knowledge.index.searchArticles(terms.query, 5).map((found) => found.knowledge);
  for (const article of articles) {
    const sentence = article.sentences.find((s) => stems.every((stem) => s.terms.includes(stem) || (terms.alternatives.get(stem) ?? []).some((other) => s.terms.includes(other))));
    if (sentence) {
      return { ...articleAnswer('yesNo', article, 'Yes.', terms), support: trimAround(sentence.text, new Set(stems)), entities: sentence.entities.map(({ text, kind }) => ({ text, kind })) };
    }
  }
  if (contextArticle) return articleAnswer('yesNo', contextArticle, `No, the article doesn't mention “${thing.join(' ')}”.`, terms);
  const anyArticle = articles[0] ?? knowledge.latest(1)[0];
  return anyArticle ? { ...articleAnswer('yesNo', anyArticle, `No, none of the articles I have mentions “${thing.join(' ')}”.`, terms), article: null } : undefined;
}

