/**
 * `npm run bench:archive -- N` (default 10,000): builds N articles from the BBC corpus in a
 * temp folder (paragraphs of several articles of one category under one of their
 * headlines), then measures, each in a fresh process as the bot would run:
 *
 *   cold   first indexing of the folder: time, articles/s, peak RSS
 *   warm   a restart with nothing changed: launch to first answer, RSS; then p50/p99
 *          answer latency over the BBC eval questions, and the archive's size on disk
 *   soak   the same 500 files re-saved (edited) 20 times through the content watcher:
 *          RSS after the first round and after the last
 *
 * A benchmark, not a test: it prints figures. The machine's other load shows in them.
 * Each phase also runs alone, on folders you keep (for profiling):
 *   tsx scripts/bench-archive.ts gen N <content>   |   cold|warm|soak <content> <data>
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../src/logger.js';
import { createCore } from '../src/core.js';
import { ContentWatcher } from '../src/content/content-watcher.js';
import { percentile, timeAnswers } from './lib/answer-timing.js';
import { BBC_DIR } from './lib/question-sets.js';

const MB = 1024 * 1024;
const DEFAULT_ARTICLES = 10_000;
/** Articles each generated one borrows paragraphs from, and how many paragraphs each gives. */
const SOURCES_PER_ARTICLE = 3;
const PARAGRAPHS_PER_SOURCE = 3;
/** Generated files per sub-folder, as a newsroom would shard them (by day, say). */
const FILES_PER_FOLDER = 1_000;
const SOAK_FILES = 500;
const SOAK_ROUNDS = 20;
/** ARCHIVE_MEMORY_MB as the bot reads it (default 64), to see what more cache buys. */
const MEMORY_BYTES = (Number(process.env.ARCHIVE_MEMORY_MB) || 64) * MB;
const LATENCY_ROUNDS = 3;
const FIRST_QUESTION = 'who is the chief executive of time warner';

const [mode, contentDir, dataDir] = process.argv.slice(2);
const silent = createLogger({ level: 'silent', format: 'json' });

/** A small deterministic PRNG, so that every run builds the same archive. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function generate(count: number, dir: string): void {
  const categories = readdirSync(BBC_DIR).filter((name) => !name.includes('.'));
  const corpus = categories.map((category) =>
    readdirSync(join(BBC_DIR, category))
      .map((file) => readFileSync(join(BBC_DIR, category, file), 'latin1').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean))
      .filter((paragraphs) => paragraphs.length > 2),
  );
  const next = random(42);
  for (let i = 0; i < count; i++) {
    const articles = corpus[i % corpus.length]!;
    const sources = Array.from({ length: SOURCES_PER_ARTICLE }, () => articles[Math.floor(next() * articles.length)]!);
    const body = sources.flatMap((paragraphs) => {
      const start = 1 + Math.floor(next() * Math.max(1, paragraphs.length - PARAGRAPHS_PER_SOURCE));
      return paragraphs.slice(start, start + PARAGRAPHS_PER_SOURCE);
    });
    const day = new Date(Date.UTC(2004, 0, 1) + Math.floor(i / 150) * 86_400_000).toISOString().slice(0, 10);
    const folder = join(dir, String(Math.floor(i / FILES_PER_FOLDER)).padStart(3, '0'));
    if (i % FILES_PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${String(i).padStart(6, '0')}.txt`), `${sources[0]![0]}\n\ndate ${day}\n\n${body.join('\n\n')}\n`);
  }
}

const rssMb = (): number => Math.round(process.memoryUsage().rss / MB);
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
/**
 * Memory is read after a full collection, so garbage not yet collected is not taken for a
 * leak; then after a pause and a second collection, because V8 frees array buffers and
 * unmaps heap pages concurrently, after the collection returns. Read at once, RSS swung by
 * ±50 MB from one soak round to the next with the JS heap flat.
 */
const SETTLE_MS = 200;
async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  gc?.();
}

async function cold(): Promise<void> {
  const logger = createLogger({ level: 'info', format: 'json' });
  const started = performance.now();
  const core = await createCore({ contentDir: contentDir!, floodMessagesPerMinute: 1e6, logger, archive: { dataDir: dataDir!, memoryBytes: MEMORY_BYTES } });
  await core.ready;
  const ms = performance.now() - started;
  const articles = core.knowledge.size;
  console.log(JSON.stringify({ ms, articles, rate: articles / (ms / 1000), peakRss: peakRssMb(), rss: rssMb(), diskBytes: core.knowledge.diskBytes() }));
  await core.close();
}

async function warm(): Promise<void> {
  const core = await createCore({ contentDir: contentDir!, floodMessagesPerMinute: 1e6, logger: silent, archive: { dataDir: dataDir!, memoryBytes: MEMORY_BYTES } });
  await core.ready;
  const first = core.answerer.answer(FIRST_QUESTION);
  console.log(JSON.stringify({ firstAnswer: first.type, rssAtFirstAnswer: rssMb() }));
  const times = timeAnswers(core.answerer, LATENCY_ROUNDS);
  console.log(JSON.stringify({ questions: times.length, p50: percentile(times, 0.5), p99: percentile(times, 0.99), rssAfterQuestions: rssMb(), peakRss: peakRssMb(), diskBytes: core.knowledge.diskBytes(), articles: core.knowledge.size }));
  await core.close();
}

async function soak(): Promise<void> {
  const core = await createCore({ contentDir: contentDir!, floodMessagesPerMinute: 1e6, logger: silent, archive: { dataDir: dataDir!, memoryBytes: MEMORY_BYTES } });
  await core.ready;
  const watcher = new ContentWatcher({
    dir: contentDir!,
    intervalMs: 60_000,
    logger: silent,
    onArticles: (articles) => core.knowledge.upsertAll(articles),
    onRemoved: (id) => core.knowledge.remove(id),
    ...(core.fileLog ? { fileLog: core.fileLog } : {}),
  });
  watcher.prime(core.files);
  const files = core.files.slice(0, SOAK_FILES).map((file) => ({ path: file.path, text: readFileSync(file.path, 'utf8') }));
  // Before any re-save, after the same settling as each round: what round 1 adds shows.
  core.answerer.answer(FIRST_QUESTION);
  await settle();
  const rssBefore = rssMb();
  const rss: number[] = [];
  const heap: number[] = [];
  for (let round = 1; round <= SOAK_ROUNDS; round++) {
    // Each round edits the text, so every file is re-analysed: what a leak would show in.
    for (const file of files) writeFileSync(file.path, `${file.text}\nUpdated ${round} times, most recently in round ${round}.\n`);
    await watcher.scan();
    await watcher.scan();
    core.answerer.answer(FIRST_QUESTION);
    await settle();
    rss.push(rssMb());
    heap.push(Math.round(process.memoryUsage().heapUsed / MB));
  }
  console.log(JSON.stringify({ files: SOAK_FILES, rounds: SOAK_ROUNDS, rssBefore, rssAfterFirst: rss[0], rssAfterLast: rss.at(-1), growth: (rss.at(-1)! - rss[0]!) / rss[0]!, rssPerRound: rss, heapPerRound: heap }));
  await core.close();
}

/** Runs a phase in a fresh process; returns its last JSON line and the wall time to each line. */
function child(phase: string, content: string, data: string, echo: boolean): Promise<{ lines: Record<string, unknown>[]; msToFirstLine: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench-archive.ts', phase, content, data], { stdio: ['ignore', 'pipe', echo ? 'inherit' : 'ignore'] });
    let out = '';
    let msToFirstLine = 0;
    proc.stdout.on('data', (chunk: Buffer) => {
      if (!out.includes('\n') && chunk.includes('\n')) msToFirstLine = performance.now() - started;
      out += chunk;
    });
    proc.on('error', reject);
    proc.on('exit', (code) => (code === 0 ? resolve({ lines: out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>), msToFirstLine }) : reject(new Error(`${phase} exited ${code}`))));
  });
}

async function main(): Promise<void> {
  if (mode === 'cold') return cold();
  if (mode === 'warm') return warm();
  if (mode === 'soak') return soak();
  if (mode === 'gen') return generate(Number(contentDir), dataDir!);
  const count = Number(mode ?? DEFAULT_ARTICLES);
  if (!Number.isInteger(count) || count < SOAK_FILES) {
    console.error(`Usage: npm run bench:archive -- [N]   (N articles, at least ${SOAK_FILES}; default ${DEFAULT_ARTICLES})`);
    process.exit(2);
  }
  if (!existsSync(BBC_DIR)) {
    console.error(`The BBC corpus is not at ${BBC_DIR}; the benchmark needs it.`);
    process.exit(2);
  }
  const root = mkdtempSync(join(tmpdir(), 'bench-archive-'));
  const content = join(root, 'content');
  const data = join(root, 'data');
  try {
    let started = performance.now();
    generate(count, content);
    console.log(`${count.toLocaleString('en-US')} articles written to ${content} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const c = (await child('cold', content, data, true)).lines[0]!;
    console.log(`cold indexing: ${Number(c.articles).toLocaleString('en-US')} articles in ${(Number(c.ms) / 1000).toFixed(1)} s = ${Math.round(Number(c.rate))} articles/s; peak RSS ${c.peakRss} MB; archive ${(Number(c.diskBytes) / MB).toFixed(0)} MB`);
    started = performance.now();
    const w = await child('warm', content, data, false);
    const [first, latency] = w.lines as [Record<string, unknown>, Record<string, unknown>];
    console.log(`warm start: first answer ${(w.msToFirstLine / 1000).toFixed(2)} s after launch (${first.firstAnswer}); RSS then ${first.rssAtFirstAnswer} MB`);
    console.log(`answers: ${latency.questions} (${LATENCY_ROUNDS} x the BBC eval questions): p50 ${Number(latency.p50).toFixed(2)} ms, p99 ${Number(latency.p99).toFixed(2)} ms; RSS after ${latency.rssAfterQuestions} MB, peak ${latency.peakRss} MB`);
    console.log(`database: ${(Number(latency.diskBytes) / MB).toFixed(0)} MB for ${Number(latency.articles).toLocaleString('en-US')} articles (${((Number(latency.diskBytes) / Number(latency.articles)) / 1024).toFixed(1)} KB each)`);
    const s = (await child('soak', content, data, false)).lines[0]!;
    console.log(`soak: ${s.files} files edited and re-saved ${s.rounds} times: RSS ${s.rssBefore} MB before, ${s.rssAfterFirst} MB after round 1, ${s.rssAfterLast} MB after round ${s.rounds} (${(100 * Number(s.growth)).toFixed(1)}%)`);
    console.log(`  RSS per round (MB): ${(s.rssPerRound as number[]).join(' ')}`);
    console.log(`  JS heap in use after each round (MB, after a GC): ${(s.heapPerRound as number[]).join(' ')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
