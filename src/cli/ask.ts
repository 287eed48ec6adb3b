import 'dotenv/config';
import { createInterface } from 'node:readline';
import { createConfig } from '../config.js';
import { createCore } from '../core.js';
import { renderPlain } from '../conversation/render-plain.js';
import { answerReply } from '../conversation/answer-reply.js';
import { createLogger } from '../logger.js';

/**
 * `npm run ask -- "question"` prints one answer; `npm run ask -- --json` reads questions
 * from stdin, one a line, and prints one JSON object a line, in order.
 */
const USAGE = `Usage:
  npm run ask -- "your question"           print one answer
  npm run ask -- --json < questions.txt    one question a line in, one JSON object a line out:
                                           {"question","answer","type","article","confidence"}
  npm run ask -- --help                    this text

Reads the articles in CONTENT_DIR (default: content).
`;
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
  const { answerer } = await createCore({ contentDir: config.contentDir, floodMessagesPerMinute: 1_000_000, logger });
  const suggestion = 'Try asking who, what, when, where, how many or why about one of the articles.';
  const render = (question: string): { text: string; answer: ReturnType<typeof answerer.answer> } => {
    const answer = answerer.answer(question.slice(0, 1000));
    return { text: renderPlain(answerReply(answer, suggestion)), answer };
  };
  if (!args.includes('--json')) {
    const question = args.join(' ').trim();
    if (!question) {
      process.stderr.write(USAGE);
      process.exit(2);
    }
    process.stdout.write(`${render(question).text}\n`);
    return;
  }
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    const question = line.trim();
    if (!question) continue;
    const { text, answer } = render(question);
    const record = {
      question,
      answer: text,
      type: answer.type,
      article: answer.article,
      confidence: answer.confidence,
    };
    process.stdout.write(`${JSON.stringify(record)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
