/**
 * Where a warm archive's answer time goes: `tsx scripts/profile-archive.ts <content> <data>`
 * on folders the benchmark's phases built (`tsx scripts/bench-archive.ts gen|cold ...`).
 * Answers the warm benchmark's questions (3 rounds) with the archive's parts wrapped in
 * timers (outermost call only), and prints ms a question for each: posting rows read
 * (cache misses), pass 1, tightening, entries read, sentence scoring, knowledge decoded.
 * The wrappers add a little; compare runs of this script, not with bench:archive.
 */
import { createLogger } from '../src/logger.js';
import { createCore } from '../src/core.js';
import { ArchiveStore } from '../src/archive/archive-store.js';
import { StoredIndex } from '../src/archive/stored-index.js';
import { ArticleScorer } from '../src/archive/article-scorer.js';
import { percentile, timeAnswers } from './lib/answer-timing.js';

const ROUNDS = 3;
const MB = 1024 * 1024;
const FIRST_QUESTION = 'who is the chief executive of time warner';
const [contentDir, dataDir] = process.argv.slice(2);
const totals = new Map<string, number>();
let depth = 0;
function wrap(proto: Record<string, unknown>, name: string, label = name): void {
  const original = proto[name] as (...args: unknown[]) => unknown;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    if (depth > 0) return original.apply(this, args);
    depth++;
    const t = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      depth--;
      totals.set(label, (totals.get(label) ?? 0) + performance.now() - t);
    }
  };
}
wrap(StoredIndex.prototype as never, 'cachedTerm', 'rows');
wrap(ArticleScorer.prototype as never, 'collect', 'pass1');
wrap(ArticleScorer.prototype as never, 'tighten', 'tighten');
wrap(ArticleScorer.prototype as never, 'scoreArticle', 'score');
wrap(ArchiveStore.prototype as never, 'entriesAt', 'entries');
wrap(ArchiveStore.prototype as never, 'knowledgeAt', 'knowledge');
const silent = createLogger({ level: 'silent', format: 'json' });
const core = await createCore({ contentDir: contentDir!, floodMessagesPerMinute: 1e6, logger: silent, archive: { dataDir: dataDir!, memoryBytes: (Number(process.env.ARCHIVE_MEMORY_MB) || 64) * MB } });
await core.ready;
// The first answer fills what every later one shares; only the rest are timed.
core.answerer.answer(FIRST_QUESTION);
totals.clear();
const times = timeAnswers(core.answerer, ROUNDS);
const n = times.length;
const sum = times.reduce((a, b) => a + b, 0);
console.log(JSON.stringify({ n, mean: sum / n, p50: percentile(times, 0.5), p99: percentile(times, 0.99), perQuestionMs: Object.fromEntries([...totals].map(([k, v]) => [k, +(v / n).toFixed(2)])) }));
await core.close();
