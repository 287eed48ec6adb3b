/**
 * `npm run eval`: scores the answering engine on question sets with expected answers.
 * - eval/seed-questions.jsonl: questions about the bundled article, typed the way readers
 *   type them; an answer counts when its text contains one of `expect` (accents and case
 *   ignored), or, for `expect: null`, when the bot says it couldn't find it. `followUp`
 *   asks in the same chat as the line before.
 * - eval/bbc-questions.jsonl: the same kind of questions about a few BBC articles, with all
 *   2,225 BBC articles and the seed loaded (the question must find its article), and
 *   questions the corpus cannot answer.
 * - SQuAD sample (../shared/data/squad/small.json), rules of ../shared/data/README.md:
 *   both articles loaded, right when the answer contains a gold answer and is at most
 *   400 characters. Unanswerable questions: how often the bot answers anyway.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerContext } from '../src/answer/answer.js';
import { Answerer } from '../src/answer/answerer.js';
import type { Article } from '../src/content/article.js';
import { loadContentDir } from '../src/content/load-content.js';
import { answerReply } from '../src/conversation/answer-reply.js';
import { renderPlain } from '../src/conversation/render-plain.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { createLogger } from '../src/logger.js';
import { foldText } from '../src/text/normalize.js';

interface SeedCase {
  question: string;
  type: string;
  expect: string[] | null;
  followUp?: boolean;
}

const SUGGESTION = 'I can answer who, what, when, where, how many and why.';
const verbose = process.argv.includes('--verbose');

function tally(rows: { type: string; ok: boolean }[]): string {
  const byType = new Map<string, { ok: number; all: number }>();
  for (const row of rows) {
    const entry = byType.get(row.type) ?? { ok: 0, all: 0 };
    entry.all += 1;
    if (row.ok) entry.ok += 1;
    byType.set(row.type, entry);
  }
  const pct = (ok: number, all: number): string => `${((100 * ok) / all).toFixed(1)}%`;
  const lines = [...byType].map(([type, { ok, all }]) => `  ${type.padEnd(12)} ${String(ok).padStart(4)}/${String(all).padEnd(4)} ${pct(ok, all)}`);
  const ok = rows.filter((row) => row.ok).length;
  lines.push(`  ${'ALL'.padEnd(12)} ${String(ok).padStart(4)}/${String(rows.length).padEnd(4)} ${pct(ok, rows.length)}`);
  return lines.join('\n');
}

/** Scores one question file against an answerer; prints the tally; returns the accuracy. */
function questionSet(title: string, file: string, answerer: Answerer): number {
  const cases = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as SeedCase);
  const rows: { type: string; ok: boolean }[] = [];
  let context: AnswerContext = {};
  for (const item of cases) {
    if (!item.followUp) context = {};
    const answer = answerer.answer(item.question, context);
    if (answer.type !== 'notFound') context = { articleId: answer.article?.id, topicWords: answer.topicWords, people: answer.people };
    const text = renderPlain(answerReply(answer, SUGGESTION));
    const ok = item.expect === null ? answer.type === 'notFound' : answer.type !== 'notFound' && item.expect.some((e) => foldText(text).includes(foldText(e)));
    rows.push({ type: item.expect === null ? 'no-answer' : item.type, ok });
    if (verbose && !ok) console.log(`MISS [${item.type}] ${item.question}\n  expected ${JSON.stringify(item.expect)}\n  got: ${text.replace(/\n/g, '\n       ')}\n`);
  }
  console.log(`${title} (${file}), ${rows.length} questions:`);
  console.log(tally(rows));
  return rows.filter((row) => row.ok).length / rows.length;
}

const logger = createLogger({ level: 'silent', format: 'json' });

async function seedSet(): Promise<number> {
  const { articles } = await loadContentDir('content', logger);
  return questionSet('Seed article set', 'eval/seed-questions.jsonl', new Answerer(new KnowledgeBase(articles)));
}

/** Reader questions about a few BBC articles, asked with the whole corpus and the seed loaded. */
async function bbcSet(): Promise<void> {
  const bbcDir = join('..', 'shared', 'data', 'bbc-news');
  if (!existsSync(bbcDir)) {
    console.log(`\nBBC corpus not found at ${bbcDir}: skipped.`);
    return;
  }
  const seed = await loadContentDir('content', logger);
  const bbc = await loadContentDir(bbcDir, logger);
  console.log('');
  questionSet(`BBC set, ${bbc.articles.length + seed.articles.length} articles loaded`, 'eval/bbc-questions.jsonl', new Answerer(new KnowledgeBase([...seed.articles, ...bbc.articles])));
}

interface Squad {
  data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[]; is_impossible: boolean }[] }[] }[];
}

function squadSet(): void {
  const file = join('..', 'shared', 'data', 'squad', 'small.json');
  if (!existsSync(file)) {
    console.log(`SQuAD sample not found at ${file}: skipped.`);
    return;
  }
  const squad = JSON.parse(readFileSync(file, 'utf8')) as Squad;
  const articles: Article[] = squad.data.map((doc) => ({
    id: doc.title.toLowerCase().replace(/\W+/g, '-'),
    title: doc.title.replace(/_/g, ' '),
    tags: [],
    body: doc.paragraphs.map((p) => p.context).join('\n\n'),
    origin: `squad/${doc.title}`,
  }));
  const answerer = new Answerer(new KnowledgeBase(articles));
  const rows: { type: string; ok: boolean }[] = [];
  let impossible = 0;
  let answeredImpossible = 0;
  let longest = 0;
  for (const doc of squad.data) {
    for (const paragraph of doc.paragraphs) {
      for (const qa of paragraph.qas) {
        const answer = answerer.answer(qa.question);
        const text = renderPlain(answerReply(answer, SUGGESTION));
        if (qa.is_impossible) {
          impossible += 1;
          if (answer.type !== 'notFound') answeredImpossible += 1;
          continue;
        }
        longest = Math.max(longest, text.length);
        const ok = answer.type !== 'notFound' && text.length <= 400 && qa.answers.some((gold) => text.includes(gold.text));
        rows.push({ type: answer.type === 'notFound' ? 'notFound' : answer.type, ok });
        if (verbose && !ok) console.log(`SQUAD MISS ${qa.question}\n  gold ${JSON.stringify(qa.answers.map((a) => a.text))}\n  got: ${text.replace(/\n/g, '\n       ')}\n`);
      }
    }
  }
  console.log(`\nSQuAD sample, answerable questions (by the type the bot gave), both articles loaded:`);
  console.log(tally(rows));
  console.log(`  longest answer: ${longest} characters (limit 400)`);
  console.log(`SQuAD unanswerable: answered anyway ${answeredImpossible}/${impossible} (${((100 * answeredImpossible) / impossible).toFixed(1)}%), said "couldn't find" ${impossible - answeredImpossible}/${impossible}`);
}

const seedAccuracy = await seedSet();
await bbcSet();
squadSet();
if (seedAccuracy < 0.95) process.exitCode = 1;
