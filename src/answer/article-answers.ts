import { refOf } from '../content/article.js';
import type { ArticleKnowledge, SentenceFacts } from '../knowledge/article-knowledge.js';
import { attributed } from '../knowledge/claims.js';
import { formatDate } from '../knowledge/dates.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import type { Answer } from './answer.js';
import { holdsNames } from './candidates.js';
import { trimTo } from './passage.js';
import { topicWords } from './question.js';
import type { QuestionTerms } from './question-terms.js';

/** A summary is the lede, and the second sentence when both fit this. */
const MAX_SUMMARY_CHARS = 420;
const MAX_CLAIM_CHARS = 320;
/** Words of "what claims does the letter make" that ask for claims, not for a topic. */
const CLAIM_WORDS = new Set(['claim', 'make', 'main', 'kei', 'list', 'alleg', 'accus', 'argument', 'argu', 'point', 'rais', 'contain', 'all', 'statement', 'assert']);

/** Answers about an article as a whole: what it is about, when it came out, where from, what it claims. */
export function summaryAnswer(knowledge: ArticleKnowledge, terms: QuestionTerms): Answer {
  const [first, second] = knowledge.sentences.map((s) => s.text);
  const lede = second && (first ?? '').length + second.length < MAX_SUMMARY_CHARS ? `${first} ${second}` : (first ?? knowledge.article.title);
  return articleAnswer('summary', knowledge, trimTo(lede, MAX_SUMMARY_CHARS), terms);
}

/** "Where is this news from?": the dateline, or the publisher when there is none. */
export function filedFromAnswer(knowledge: ArticleKnowledge, terms: QuestionTerms): Answer {
  const { dateline, source } = knowledge.article;
  const short = dateline
    ? `It was filed from ${dateline}${source ? ` by ${source}` : ''}.`
    : `The article doesn't say where it was filed from${source ? `; it was published by ${source}` : ''}.`;
  return { ...articleAnswer('where', knowledge, short, terms), confidence: dateline ? 1 : 0.5 };
}

/** Words that ask about the publication itself: "who published this article", "what is the source of this news". */
const PUBLICATION_WORDS = new Set(['publish', 'published', 'report', 'reported', 'paper', 'newspaper', 'article', 'story', 'news', 'source', 'site', 'website', 'agency', 'outlet', 'media', 'carried', 'ran', 'broke', 'covered', 'piece', 'publication', 'service']);

/**
 * When and by whom the article was published. "which paper reported the UKIP candidate went
 * to a BNP meeting?" names more than the article: with no publisher on record it asks what
 * the text says (another paper may have reported it), so it is left to the passages.
 */
export function publishedAnswer(knowledge: ArticleKnowledge, terms: QuestionTerms, question: { asksPublisher: boolean; topicWords: string[] }): Answer | undefined {
  const { date, source } = knowledge.article;
  if (question.asksPublisher && !source) {
    if (question.topicWords.some((word) => !PUBLICATION_WORDS.has(word))) return undefined;
    return articleAnswer('published', knowledge, `The article doesn't name its publisher${date ? `; it was published on ${formatDate(date)}` : ''}.`, terms);
  }
  const short = date
    ? `It was published on ${formatDate(date)}${source ? ` by ${source}` : ''}.`
    : `The article carries no publication date${source ? ` (source: ${source})` : ''}.`;
  return articleAnswer('published', knowledge, short, terms);
}

/** Every sentence of an article that reports a claim. */
function allClaims(knowledge: ArticleKnowledge): SentenceFacts[] {
  return knowledge.sentences.filter((sentence) => sentence.claim);
}

/**
 * The claims an article attributes to a speaker the question names: those whose source holds
 * the speaker's last word, the one that names them ("Jonny Evans": "Mr Evans"; "the bank's
 * chief executive" is not "the bank").
 */
function claimsBy(knowledge: ArticleKnowledge, speaker: string): SentenceFacts[] {
  const head = topicWords(speaker).at(-1);
  if (!head) return [];
  return allClaims(knowledge).filter((sentence) => words(sentence.claim!.source).some((word) => stem(word) === stem(head)));
}

/**
 * The claims the article attributes, those on the question's topic when it names one. With a
 * speaker ("what did Jonny Evans say about the Mac mini"), only theirs: undefined when the
 * article reports none of theirs (on that topic), and the question is one for its passages.
 */
export function claimsAnswer(knowledge: ArticleKnowledge, terms: QuestionTerms, speaker?: string): Answer | undefined {
  const claims = allClaims(knowledge);
  if (claims.length === 0) {
    return speaker ? undefined : { ...articleAnswer('claims', knowledge, 'This article reports no attributed claims.', terms), confidence: 0.3 };
  }
  // Words that name the speaker ("letter", "ombudsperson", the one asked about) don't narrow the topic.
  const sourceStems = new Set([...claims.flatMap((s) => words(s.claim!.source).map(stem)), ...(speaker ? words(speaker).map(stem) : [])]);
  const topic = [...terms.stems].filter((term) => !sourceStems.has(term) && !CLAIM_WORDS.has(term));
  const onTopic = (among: SentenceFacts[]): SentenceFacts[] => (topic.length > 0 ? among.filter((s) => topic.some((term) => s.terms.includes(term))) : among);
  const chosen = speaker ? onTopic(claimsBy(knowledge, speaker)) : onTopic(claims).length > 0 ? onTopic(claims) : claims;
  if (chosen.length === 0) return undefined;
  const items = chosen.map((sentence) => trimTo(attributed(sentence.claim!), MAX_CLAIM_CHARS));
  return { ...articleAnswer('claims', knowledge, `Claims reported in this article (${items.length}):`, terms), items };
}

export function articleAnswer(type: Answer['type'], knowledge: ArticleKnowledge, short: string, terms: QuestionTerms): Answer {
  return {
    type,
    short,
    article: refOf(knowledge.article),
    ...(knowledge.article.source ? { publisher: knowledge.article.source } : {}),
    confidence: 1,
    people: [],
    topicWords: terms.words,
  };
}

/** Opens a "couldn't find" answer that shows the closest passage: it says plainly that the passage is not an answer. */
export const CLOSEST_OPENING = "I couldn't find a sure answer to that. The closest the articles come:";

/**
 * "I couldn't find that", or, with the closest passage, "I couldn't find a sure answer":
 * then the answer is about the passage's article and the names in it, for the next question.
 */
export function notFoundAnswer(terms: QuestionTerms, contextArticle: ArticleKnowledge | undefined, confidence = 0, near?: Pick<Answer, 'closest' | 'alsoClose' | 'people' | 'entities' | 'key'>): Answer {
  const closest = near?.closest;
  return {
    type: 'notFound',
    short: closest ? CLOSEST_OPENING : "I couldn't find that in the articles I have.",
    ...(closest ? { closest, ...(near.alsoClose ? { alsoClose: near.alsoClose } : {}), ...(near.entities ? { entities: near.entities } : {}), ...(near.key ? { key: near.key } : {}) } : {}),
    // Without a passage, the refusal is about the chat's article only when the question could be: it holds the names asked.
    article: closest ? closest.article : contextArticle && holdsNames(contextArticle.terms, terms) ? refOf(contextArticle.article) : null,
    confidence: Math.round(confidence * 100) / 100,
    people: closest ? near.people : [],
    topicWords: terms.words,
  };
}
