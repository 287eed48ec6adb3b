import { refOf } from '../content/article.js';
import type { ArticleKnowledge, PersonFact } from '../knowledge/article-knowledge.js';
import { ROLE_WORDS } from '../knowledge/gazetteer.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { stem } from '../text/stem.js';
import type { Answer } from './answer.js';
import { withRole } from './extract.js';
import { trimAround } from './passage.js';
import type { ParsedQuestion } from './question.js';
import { topicWords } from './question.js';
import type { QuestionTerms } from './question-terms.js';
import { qualifiedBeyond, readsAsTitle, relatedStemsOf, roleHolds } from './roles.js';

/** A name of more words than this is a description, not a name to look up. */
const MAX_NAME_WORDS = 4;
/** A role asked about is short: "united's chief executive", "director general of the bcc". */
const MAX_ROLE_WORDS = 5;
const ARTICLES_SEARCHED = 5;

/**
 * The articles a person's role is read off, the chat's first, then the ones that match the
 * question best: searched once, when a reading first needs them, and shared by whoIs and
 * whoHolds.
 */
export function articlesToRead(terms: QuestionTerms, knowledge: KnowledgeBase, contextArticle: ArticleKnowledge | undefined): () => ArticleKnowledge[] {
  let articles: ArticleKnowledge[] | undefined;
  return () => {
    articles ??= [...(contextArticle ? [contextArticle] : []), ...knowledge.index.searchArticles(terms.query, ARTICLES_SEARCHED).map((a) => a.knowledge)];
    return articles;
  };
}

/**
 * "who is callamard", "callamard": the role the article gives a named person, when the
 * question only names them. The role is a fact the article states ("Agnès Callamard,
 * Secretary General of Amnesty International"), so the answer is certain.
 */
export function whoIs(question: ParsedQuestion, terms: QuestionTerms, articles: () => ArticleKnowledge[]): Answer | undefined {
  const subjectWords = question.subject ? topicWords(question.subject) : question.type === 'what' && question.topicWords.length <= 3 ? question.topicWords : undefined;
  if (!subjectWords?.length || subjectWords.length > MAX_NAME_WORDS) return undefined;
  const wanted = new Set(terms.words.filter((word) => subjectWords.includes(word) || !question.topicWords.includes(word)));
  if (wanted.size === 0) return undefined;
  for (const article of articles()) {
    for (const [key, person] of article.people) {
      const nameWords = key.split(' ');
      if (![...wanted].every((word) => nameWords.includes(word))) continue;
      if (person.kind !== 'person' || !person.role) continue;
      return roleAnswer(person, article, terms, `${withRole(person.name, person.role).replace(/, (the |a |an )?/, ' is $1')}.`);
    }
  }
  return undefined;
}

/**
 * "who is the Chelsea manager", "who is United's chief executive": the person an article
 * gives the role asked for, every word of it ("Chelsea manager Jose Mourinho"), when the
 * articles that match the question best agree on one. Only a role that reads as a title
 * counts (roles.ts: not "tipped as the next Scotland manager"), and one with a qualifier the
 * question lacks ("former", "deputy") is another role; two holders (a manager and his
 * predecessor) leave the question to the ranker.
 */
export function whoHolds(question: ParsedQuestion, terms: QuestionTerms, articles: () => ArticleKnowledge[]): Answer | undefined {
  if (question.type !== 'who' || !question.subject) return undefined;
  const asked = topicWords(question.subject);
  // A role and whose it is ("chelsea manager"): "who is the manager" alone is any club's.
  const whose = asked.filter((word) => !ROLE_WORDS.has(word));
  if (asked.length > MAX_ROLE_WORDS || whose.length === 0 || whose.length === asked.length) return undefined;
  const holdsAsked = (role: string): boolean => asked.every(roleHolds(role, asked, relatedStemsOf(terms))) && !qualifiedBeyond(role, asked) && readsAsTitle(role, asked);
  const holders: { person: PersonFact; article: ArticleKnowledge }[] = [];
  for (const article of articles()) {
    for (const person of article.people.values()) {
      if (person.kind === 'person' && person.role && holdsAsked(person.role)) holders.push({ person, article });
    }
  }
  const first = holders[0];
  if (!first || holders.some(({ person }) => person.name !== first.person.name)) return undefined;
  return roleAnswer(first.person, first.article, terms, `${withRole(first.person.name, first.person.role)}.`);
}

/** The answer that reads a person's role off an article (a fact it states, so certain), with its short form. */
function roleAnswer(person: PersonFact, article: ArticleKnowledge, terms: QuestionTerms, short: string): Answer {
  return {
    type: 'who',
    short,
    support: trimAround(article.sentences[person.position]!.text, terms.stems),
    article: refOf(article.article),
    ...(article.article.source ? { publisher: article.article.source } : {}),
    confidence: 1,
    people: [person.name],
    entities: [{ text: person.name, kind: 'person' }],
    topicWords: terms.words,
  };
}

/**
 * "who is Joe Pancake", when no article gives him a role (whoIs), asks what the articles say
 * about him: the passage that names him, never another person from it. "who is the
 * ombudsman of Azerbaijan" asks for a person by role, and stays a "who".
 */
export function describing(question: ParsedQuestion, terms: QuestionTerms, lexicon: Lexicon): ParsedQuestion {
  const subject = question.subject ? topicWords(question.subject) : [];
  const byRole = /\b(?:is|are|was|were|s) (?:the|a|an) /.test(question.folded) || subject.some((word) => ROLE_WORDS.has(word));
  // "Russell Tanguay, agent for…" opens every sentence that names him, so the articles never
  // write "russell" as a name inside one: a word the dictionary has only as a name is one.
  const isName = (word: string): boolean => terms.names.has(stem(word)) || !lexicon.knows(word) || lexicon.isProperNoun(word);
  const namesOnly = subject.length > 0 && subject.every(isName);
  // "What did Jonny Evans say about…" that his claims don't answer asks what the passages say.
  if (question.type === 'claims') return { ...question, type: 'what' };
  return question.type === 'who' && namesOnly && !byRole ? { ...question, type: 'what' } : question;
}

/**
 * The people a question names, as the best-matching articles write them ("safin" is "Marat
 * Safin"): what a chat's "he" means next, even when the question itself went unanswered
 * ("who did safin lose to in 2002?", then "who did he beat in the final?").
 */
export function peopleNamed(terms: QuestionTerms, articles: () => ArticleKnowledge[]): string[] {
  const names = [...terms.names].filter((name) => !/^\d/.test(name));
  if (names.length === 0) return [];
  for (const article of articles()) {
    const found = [...article.people].filter(([key, person]) => person.kind === 'person' && names.some((name) => key.split(' ').includes(name))).map(([, person]) => person.name);
    if (found.length > 0) return [...new Set(found)];
  }
  return [];
}
