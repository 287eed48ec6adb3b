import 'dotenv/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, createConfig } from '../config.js';
import { QUESTION_LOG_DAYS, QuestionLog, TOP_QUESTIONS, TOP_QUESTIONS_DAYS } from '../questions/question-log.js';
import { DATABASE_FILE, openDatabase } from '../store/database.js';

const USAGE = `Usage: npm run questions [-- --days N] [-- --limit N]

The questions readers asked that the bot couldn't answer, most asked first: by default the
${TOP_QUESTIONS} most frequent of the last ${TOP_QUESTIONS_DAYS} days (they are kept ${QUESTION_LOG_DAYS} days). Read from the
database in DATA_DIR (default: data).
`;

/** `npm run questions`: what readers want that the articles don't say. */
function main(): void {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const days = option(args, '--days', TOP_QUESTIONS_DAYS, QUESTION_LOG_DAYS);
  const limit = option(args, '--limit', TOP_QUESTIONS, 1000);
  const config = createConfig(process.env);
  const file = join(config.dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    process.stderr.write(`No database at ${file}: the bot has not run with DATA_DIR=${config.dataDir} yet.\n`);
    process.exit(1);
  }
  const db = openDatabase(config.dataDir);
  try {
    const top = new QuestionLog(db).top(limit, days);
    if (!config.questionLog) process.stderr.write('Note: QUESTION_LOG=false, so no new questions are being recorded.\n');
    if (top.length === 0) {
      process.stdout.write(`No unanswered questions in the last ${days} days.\n`);
      return;
    }
    const width = String(top[0]!.count).length;
    process.stdout.write(`Unanswered questions, last ${days} days (most asked first):\n`);
    for (const { question, count } of top) process.stdout.write(`${String(count).padStart(width)}  ${question}\n`);
  } finally {
    db.close();
  }
}

/** A whole-number option such as `--days 30`; exits with the usage when it is wrong. */
function option(args: string[], name: string, fallback: number, max: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    process.stderr.write(`${name} must be a whole number from 1 to ${max}.\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
