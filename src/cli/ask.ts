import 'dotenv/config';
import { createInterface } from 'node:readline';
import { createConfig } from '../config.js';
import { createCore } from '../core.js';
import { assertsAnswer } from '../answer/answer.js';
import { answerReply } from '../conversation/answer-reply.js';
import { MAX_QUESTION_CHARS } from '../conversation/conversation.js';
import { isNewsQuestion } from '../conversation/message-kind.js';
import { renderPlain } from '../conversation/render-plain.js';
import { createLogger } from '../logger.js';

const USAGE = `Usage:
  npm run ask -- "your question"      print one answer
  npm run ask -- --json < lines.txt   one JSON object a line out for each line in:
    a plain line is a one-off question:
      {"question","answer","type","answered","article","confidence"};
    "answered" is false for a reply that asserts nothing (a refusal, or "The article
    doesn't say when…"); a plain line that is no question ("hi", "/help", another
    language) gets the conversation's reply, as in a new chat, with "type": "reply";
    {"chat": "<id>", "question": "<text>"} goes through the conversation (follow-ups,
    commands, small talk) in chat <id>; lines with the same id share context, and the
    object out adds "chat".
  npm run ask -- --help               this text

Reads the articles in CONTENT_DIR (default: content).
`;

/** A stdin line: a plain question, or a turn of a chat. */
function parseLine(line: string): { chat?: string; question: string } | { error: string } {
  if (!line.startsWith('{')) return { question: line };
  try {
    const value = JSON.parse(line) as { chat?: unknown; question?: unknown };
    if (typeof value.question !== 'string' || (value.chat !== undefined && typeof value.chat !== 'string')) {
      return { error: 'a JSON line needs "question" (text) and may have "chat" (text)' };
    }
    return { question: value.question, ...(value.chat !== undefined ? { chat: value.chat } : {}) };
  } catch {
    return { error: 'not valid JSON' };
  }
}

/**
 * `npm run ask -- "question"` prints one answer; `npm run ask -- --json` reads lines from
 * stdin and prints one JSON object a line, in order.
 */
const OPTIONS = new Set(['--json', '--help', '-h']);

async function main(): Promise<void> {
  // `npm run ask -- …` may pass the `--` on.
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  // Options are read before anything loads: "--help" is not a question.
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const unknown = args.find((arg) => arg.startsWith('-') && !OPTIONS.has(arg) && /^--?[a-z]/i.test(arg));
  if (unknown) {
    process.stderr.write(`Unknown option ${unknown}.\n${USAGE}`);
    process.exit(2);
  }
  const config = createConfig(process.env);
  const logger = createLogger({ ...config.log, level: process.env.LOG_LEVEL ?? 'warn' });
  const core = await createCore({
    contentDir: config.contentDir,
    floodMessagesPerMinute: 1_000_000,
    // Someone at a terminal sees the first indexing of a big folder progress.
    logger: process.stderr.isTTY && !process.env.LOG_LEVEL ? logger.child({}, { level: 'info' }) : logger,
    archive: { dataDir: config.dataDir, memoryBytes: config.archiveMemoryBytes },
  });
  // One-off answers must come from every article, not from those indexed so far.
  await core.ready;
  const { answerer, conversation } = core;
  const suggestion = 'Try other words, or send /latest for the headlines.';
  let oneOffChats = 0;
  // A one-off line the conversation would not read as a question ("hi", "/help") gets its reply, in a chat of its own.
  const oneOff = async (question: string) => {
    if (!isNewsQuestion(question)) {
      const reply = await conversation.respond({ channel: 'cli', chatId: `one-off-${++oneOffChats}`, userId: 'one-off', text: question, isGroup: false, addressedToBot: true, localUser: true });
      return { answer: reply ? renderPlain(reply) : '', type: 'reply', answered: null, article: null, confidence: null };
    }
    const answer = answerer.answer(question.slice(0, MAX_QUESTION_CHARS));
    return { answer: renderPlain(answerReply(answer, suggestion)), type: answer.type, answered: assertsAnswer(answer), article: answer.article, confidence: answer.confidence };
  };
  if (!args.includes('--json')) {
    const question = args.join(' ').trim();
    if (!question) {
      process.stderr.write(USAGE);
      process.exit(2);
    }
    process.stdout.write(`${(await oneOff(question)).answer}\n`);
    return;
  }
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const parsed = parseLine(line);
    if ('error' in parsed) {
      process.stdout.write(`${JSON.stringify({ line: line.slice(0, 200), error: parsed.error })}\n`);
      continue;
    }
    if (parsed.chat === undefined) {
      process.stdout.write(`${JSON.stringify({ question: parsed.question, ...(await oneOff(parsed.question)) })}\n`);
      continue;
    }
    const reply = await conversation.respond({ channel: 'cli', chatId: parsed.chat, userId: parsed.chat, text: parsed.question, isGroup: false, addressedToBot: true });
    const last = reply?.answer;
    process.stdout.write(
      `${JSON.stringify({ chat: parsed.chat, question: parsed.question, answer: reply ? renderPlain(reply) : '', type: last?.type ?? 'reply', answered: last ? assertsAnswer(last) : null, article: last?.article ?? null, confidence: last?.confidence ?? null })}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
