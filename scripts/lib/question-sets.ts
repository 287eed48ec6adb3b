/**
 * Labelled question sets and how a reply is judged against them, shared by `npm run eval`,
 * `npm run fit` and the eval floors in `npm test`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerContext } from '../../src/answer/answer.js';
import type { Answerer } from '../../src/answer/answerer.js';
import { NOT_STATED } from '../../src/answer/compose.js';
import type { Article } from '../../src/content/article.js';
import { answerReply } from '../../src/conversation/answer-reply.js';
import type { Conversation } from '../../src/conversation/conversation.js';
import { renderPlain } from '../../src/conversation/render-plain.js';
import { foldText } from '../../src/text/normalize.js';

export const BBC_DIR = join('..', 'shared', 'data', 'bbc-news');
export const SQUAD_FILE = join('..', 'shared', 'data', 'squad', 'small.json');
const SUGGESTION = 'I can answer who, what, when, where, how many and why.';

export interface QuestionCase {
  question: string;
  type: string;
  /** Strings one of which a right reply contains; ["yes"]/["no"] for yes/no; "#smalltalk", "#language"; null: not answerable. */
  expect: string[] | null;
  /** Old format: asked in the same chat as the line before. */
  followUp?: boolean;
  /** Dialogue id: lines with the same id are turns of one chat. */
  dialogue?: string;
  /** The article the question was written about ("business/216.txt", "seed"), when the set says. */
  article?: string;
}

export type Outcome = 'right' | 'wrong' | 'refused';

export interface Judged {
  item: QuestionCase;
  reply: string;
  outcome: Outcome;
  confidence?: number;
}

export function readCases(file: string): QuestionCase[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as QuestionCase);
}

/** A reply that asserts nothing: "I couldn't find that", "The article doesn't say when…", "Who or what do you mean?". */
export function isRefusal(reply: string): boolean {
  const first = reply.split('\n')[0] ?? '';
  return /^I couldn't find\b/.test(first) || /^The article doesn't say\b/.test(first) || /^Who or what do you mean\?/.test(first) || Object.values(NOT_STATED).some((opening) => first.startsWith(opening!));
}

/** Whether a reply quotes an article (it names its source). */
export function quotesArticle(reply: string): boolean {
  return /^Source: /m.test(reply);
}

/**
 * One way of writing an amount, so that "30bn" holds "30 billion" and "2000" holds "2,000":
 * a reply that states the expected figure in the article's own style is right.
 */
export function sameNumberForms(text: string): string {
  return text
    .replace(/(?<=\d),(?=\d{3}\b)/g, '')
    .replace(/(\d)\s*bn\b/g, '$1 billion')
    .replace(/(\d)\s*m\b/g, '$1 million');
}

export function judge(reply: string, expect: string[] | null): Outcome {
  const refused = isRefusal(reply);
  if (expect === null) return refused || !quotesArticle(reply) ? 'right' : 'wrong';
  if (expect[0] === '#smalltalk' || expect[0] === '#language') return !quotesArticle(reply) && !/^I couldn't find\b/.test(reply) ? 'right' : 'wrong';
  if (refused) return 'refused';
  if (expect[0] === 'yes' || expect[0] === 'no') {
    const first = reply.split('\n')[0] ?? '';
    const said = /^Yes\b|\bsays so\b/.test(first) ? 'yes' : /^No\b|\bsays no\b/.test(first) ? 'no' : 'neither';
    return said === expect[0] ? 'right' : 'wrong';
  }
  return holdsExpected(reply, expect) ? 'right' : 'wrong';
}

/** Whether a reply's text holds one of the expected answers, however it was judged. */
export function holdsExpected(reply: string, expect: string[]): boolean {
  const folded = sameNumberForms(foldText(reply));
  return expect.some((text) => folded.includes(sameNumberForms(foldText(text))));
}

/** One-off questions straight to the answerer; old-format `followUp` lines share the chat. */
export function runQuestions(cases: QuestionCase[], answerer: Answerer, judgeReply: typeof judge = judge): Judged[] {
  let context: AnswerContext = {};
  return cases.map((item) => {
    if (!item.followUp) context = {};
    const answer = answerer.answer(item.question, context);
    if (answer.type !== 'notFound') context = { articleId: answer.article?.id, topicWords: answer.topicWords, people: answer.people, ...(answer.entities ? { entities: answer.entities } : {}) };
    const reply = renderPlain(answerReply(answer, SUGGESTION));
    return { item, reply, outcome: judgeReply(reply, item.expect), confidence: answer.confidence };
  });
}

/** Dialogues through the conversation layer, as a channel would send them: one chat per dialogue. */
export async function runDialogues(cases: QuestionCase[], conversation: Conversation): Promise<Judged[]> {
  const judged: Judged[] = [];
  for (const item of cases) {
    const chatId = item.dialogue ?? 'eval';
    const reply = await conversation.respond({ channel: 'eval', chatId, userId: chatId, text: item.question, isGroup: false, addressedToBot: true });
    const text = reply ? renderPlain(reply) : '';
    judged.push({ item, reply: text, outcome: judge(text, item.expect) });
  }
  return judged;
}

export interface Squad {
  data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[]; is_impossible: boolean }[] }[] }[];
}

export function readSquad(): Squad | undefined {
  return existsSync(SQUAD_FILE) ? (JSON.parse(readFileSync(SQUAD_FILE, 'utf8')) as Squad) : undefined;
}

/** Each SQuAD article as one document: title and paragraphs (data/README.md). */
export function squadArticles(squad: Squad): Article[] {
  return squad.data.map((doc) => ({
    id: doc.title.toLowerCase().replace(/\W+/g, '-'),
    title: doc.title.replace(/_/g, ' '),
    tags: [],
    body: doc.paragraphs.map((p) => p.context).join('\n\n'),
    origin: `squad/${doc.title}`,
  }));
}

/** SQuAD questions as cases: right when the reply holds a gold answer in at most 400 characters. */
export function squadCases(squad: Squad, onlyTitle?: string): QuestionCase[] {
  return squad.data
    .filter((doc) => !onlyTitle || doc.title === onlyTitle)
    .flatMap((doc) => doc.paragraphs.flatMap((p) => p.qas.map((qa) => ({ question: qa.question, type: qa.is_impossible ? 'unanswerable' : 'squad', expect: qa.is_impossible ? null : qa.answers.map((a) => a.text) }))));
}

/** SQuAD's judge is stricter than ours: the gold text as written, and the 400-character cap. */
export function judgeSquad(reply: string, expect: string[] | null): Outcome {
  if (expect === null) return isRefusal(reply) ? 'right' : 'wrong';
  if (isRefusal(reply)) return 'refused';
  return reply.length <= 400 && expect.some((gold) => reply.includes(gold)) ? 'right' : 'wrong';
}

export interface Tally {
  right: number;
  wrong: number;
  refused: number;
  total: number;
}

export function tally(rows: { outcome: Outcome }[]): Tally {
  const count = (outcome: Outcome): number => rows.filter((row) => row.outcome === outcome).length;
  return { right: count('right'), wrong: count('wrong'), refused: count('refused'), total: rows.length };
}

export function formatTally(label: string, t: Tally): string {
  const pct = (n: number): string => `${((100 * n) / Math.max(1, t.total)).toFixed(1)}%`.padStart(6);
  return `  ${label.padEnd(14)} right ${String(t.right).padStart(3)} ${pct(t.right)}   wrong ${String(t.wrong).padStart(3)} ${pct(t.wrong)}   refused ${String(t.refused).padStart(3)} ${pct(t.refused)}   (${t.total})`;
}
