import type { ArticleRef } from '../content/article.js';
import type { QuestionType } from './question.js';

/** What the engine says to a question, before any channel formats it. */
export interface Answer {
  type: QuestionType | 'notFound';
  /** The answer itself, first thing the reader sees. */
  short: string;
  /** The article sentence the answer comes from, when it adds something to `short`. */
  support?: string;
  /** A list answer (the claims of an article), each item already attributed. */
  items?: string[];
  article: ArticleRef | null;
  /** Who published the article ("Trend News Agency"). */
  publisher?: string;
  /** 0..1: the scorer's probability that the answer is right (1 for facts read off the article). */
  confidence: number;
  /**
   * The reply says the article doesn't give what was asked ("The article doesn't say when.
   * The closest it comes: …", a yes/no it doesn't settle): it asserts nothing, whatever its
   * confidence.
   */
  unstated?: true;
  /** The answer (or the closest passage's) as candidates.ts answerKey writes it: "who else?" next asks for another one. */
  key?: string;
  /** The question asked for another answer ("who else…"): the chat's earlier answers still count as given. */
  another?: true;
  /** People the answer names: "who is she?" refers to them next. */
  people: string[];
  /** Names in the passage, the answer's own first: a pronoun in the next question refers to them. */
  entities?: NamedEntity[];
  /** The topic words that were searched: "and when?" reuses them. */
  topicWords: string[];
  /**
   * With a "couldn't find" answer: the passage that came closest, when the scorer found it
   * plausible but not sure enough to answer from. The reader judges it; the bot asserts nothing.
   */
  closest?: Closest;
  /**
   * The next closest passage, from another sentence: when unsure, the answer is in the first
   * or second passage about a fifth more often than in the first alone (`npm run eval`).
   */
  alsoClose?: Closest;
}

export interface Closest {
  passage: string;
  article: ArticleRef;
  publisher?: string;
}

export interface NamedEntity {
  text: string;
  kind: 'person' | 'org' | 'place' | 'other';
}

/** Per-chat memory the answerer reads: the article under discussion and the last topic. */
export interface AnswerContext {
  articleId?: string;
  topicWords?: string[];
  people?: string[];
  entities?: NamedEntity[];
  /** The answers given or shown to the chat's last question and its "who else…" follow-ups (their keys): "who else?" wants another. */
  answered?: string[];
}

/** Whether a reply asserts an answer: not "I couldn't find that", not "The article doesn't say…". */
export function assertsAnswer(answer: Pick<Answer, 'type' | 'unstated'>): boolean {
  return answer.type !== 'notFound' && !answer.unstated;
}

/** How many of a chat's answers "who else?" steers away from. */
const ANSWERS_KEPT = 5;

/**
 * What a chat keeps after a reply, for the next question: an answer moves the chat to its
 * article and names, and so does the closest passage shown in its place when the chat had
 * no article yet or the passage is from it. A refusal doesn't change the subject: a passage
 * of another story shown as the closest ("who is the boss?" in a chat about Cairn Energy,
 * answered with Tate & Lyle's) leaves the chat on its story. Unanswered, the question still
 * says what the reader is asking about ("and when?" next borrows its words). The
 * conversation and `npm run fit` both use it, so the fit's chat turns see the contexts
 * readers' chats have.
 */
export function contextAfter<Context extends AnswerContext>(answer: Answer, context: Context): AnswerContext | Context {
  const staysOnStory = answer.type === 'notFound' && (!answer.closest || (context.articleId !== undefined && answer.article?.id !== context.articleId));
  if (!staysOnStory) {
    const sameStory = context.articleId !== undefined && context.articleId === answer.article?.id;
    // "who else…" steps past the answers to the question it follows up, not to every question of the chat.
    const earlier = sameStory && answer.another ? (context.answered ?? []) : [];
    const answered = [...new Set([...earlier, ...(answer.key ? [answer.key] : [])])].slice(-ANSWERS_KEPT);
    return { articleId: answer.article?.id, topicWords: answer.topicWords, people: answer.people, ...(answer.entities ? { entities: answer.entities } : {}), ...(answered.length > 0 ? { answered } : {}) };
  }
  // A chat with no one in it yet keeps whom the unanswered question named ("who did safin lose to…", then "…he…").
  const named = !context.people?.length && answer.people.length > 0 ? { people: answer.people } : {};
  return answer.topicWords.length > 0 ? { ...context, topicWords: answer.topicWords, ...named } : { ...context, ...named };
}
