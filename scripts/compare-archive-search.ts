/**
 * What the bot's tiered search (impact-tiers.ts) changes at scale, where the eval can't
 * look: `tsx scripts/compare-archive-search.ts <content> <data>` on folders the benchmark's
 * phases built (`tsx scripts/bench-archive.ts gen|cold ...`). Answers the latency run's
 * questions over one archive with an exact search (every head: the in-memory engine's
 * replies) and with the tiered one, and prints how many replies are the same (the whole
 * reply, confidence included), how many tell the reader something else (the kind of
 * answer or its short text), the first differing ones, and each search's p50 / p99.
 */
import { createLogger } from '../src/logger.js';
import { createCore } from '../src/core.js';
import { ArchiveStore } from '../src/archive/archive-store.js';
import type { SearchMode } from '../src/archive/stored-index.js';
import { percentile } from './lib/answer-timing.js';
import { readCases } from './lib/question-sets.js';

const MB = 1024 * 1024;
const QUESTION_FILES = ['eval/bbc-questions.jsonl', 'eval/bbc-dev.jsonl'];
const SHOWN_DIFFERENCES = 15;
const [contentDir, dataDir] = process.argv.slice(2);
const core = await createCore({ contentDir: contentDir!, floodMessagesPerMinute: 1e6, logger: createLogger({ level: 'silent', format: 'json' }), archive: { dataDir: dataDir!, memoryBytes: (Number(process.env.ARCHIVE_MEMORY_MB) || 64) * MB } });
await core.ready;
if (!(core.knowledge.store instanceof ArchiveStore)) throw new Error('no archive');
const { index } = core.knowledge.store as ArchiveStore;
const questions = QUESTION_FILES.flatMap((file) => readCases(file).map((item) => item.question));

function answerAll(mode: SearchMode): { replies: string[]; times: number[] } {
  index.mode = mode;
  core.answerer.answer(questions[0]!); // fills what every later answer shares
  const times: number[] = [];
  const replies = questions.map((question) => {
    const started = performance.now();
    const reply = JSON.stringify(core.answerer.answer(question));
    times.push(performance.now() - started);
    return reply;
  });
  return { replies, times: times.sort((a, b) => a - b) };
}

const exact = answerAll('exact');
const tiered = answerAll('tiered');
const differing = questions.flatMap((question, i) => (exact.replies[i] === tiered.replies[i] ? [] : [{ question, exact: exact.replies[i]!, tiered: tiered.replies[i]! }]));
for (const { question, exact: e, tiered: t } of differing.slice(0, SHOWN_DIFFERENCES)) console.log(`DIFFERENT "${question}"\n  exact:  ${e.slice(0, 160)}\n  tiered: ${t.slice(0, 160)}`);
/** What the reader is told: the kind of answer and its short text. */
const told = (reply: string): string => {
  const { type, short } = JSON.parse(reply) as { type: string; short: string };
  return `${type}: ${short}`;
};
const toldOtherwise = differing.filter(({ exact: e, tiered: t }) => told(e) !== told(t)).length;
const ms = (times: number[]): string => `p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms`;
console.log(`${questions.length} questions: ${questions.length - differing.length} replies the same, ${differing.length} differ (${toldOtherwise} in the answer's kind or short text). exact: ${ms(exact.times)}; tiered: ${ms(tiered.times)}`);
await core.close();
