/**
 * `npm run bench`: the BBC corpus (../shared/data/bbc-news) plus the bundled content,
 * loaded as the bot loads it. Prints load time, memory (RSS), and answer latency p50/p99
 * over a few hundred reader-style questions, next to fuse.js over all sentences measured
 * in the same run (the naive baseline; it is slow, so it gets fewer questions).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { Answerer } from '../src/answer/answerer.js';
import { loadContentDir } from '../src/content/load-content.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { createLogger } from '../src/logger.js';

const BBC = join('..', 'shared', 'data', 'bbc-news');
if (!existsSync(BBC)) {
  console.log(`BBC corpus not found at ${BBC}; nothing to measure.`);
  process.exit(0);
}
const logger = createLogger({ level: 'error', format: 'json' });
const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const rssBefore = process.memoryUsage().rss;
const loadStart = performance.now();
const bbc = await loadContentDir(BBC, logger);
const own = await loadContentDir('content', logger);
const knowledge = new KnowledgeBase([...own.articles, ...bbc.articles]);
const answerer = new Answerer(knowledge);
const loadMs = performance.now() - loadStart;
global.gc?.();
const rss = process.memoryUsage().rss;

// Reader-style questions: built from headlines and sentences of random articles, with the
// question words people use, plus questions about the seed and questions with no answer.
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const all = knowledge.all();
const questions: string[] = [];
const templates = ['who {}', 'what happened with {}', 'when did {}', 'how many {}', 'where {}', 'why {}', '{}'];
while (questions.length < 300) {
  const article = all[Math.floor(random() * all.length)]!;
  const sentence = article.sentences[Math.floor(random() * article.sentences.length)]!;
  const words = sentence.text.toLowerCase().replace(/[^a-z0-9 ]/g, '').split(/\s+/).filter((word) => word.length > 3);
  const start = Math.floor(random() * Math.max(1, words.length - 4));
  const phrase = words.slice(start, start + 3 + Math.floor(random() * 3)).join(' ');
  questions.push(templates[Math.floor(random() * templates.length)]!.replace('{}', phrase));
}
questions.push('who wrote teh leter', 'how many azerbaijanis went missing', 'what is the capital of mars', 'asdkjh qwe');

const latencies: number[] = [];
let notFound = 0;
for (const question of questions) {
  const started = performance.now();
  const answer = answerer.answer(question);
  latencies.push(performance.now() - started);
  if (answer.type === 'notFound') notFound += 1;
}

// Baseline: fuse.js over every sentence (ignoreLocation, threshold 0.6), as in DESIGN.md.
const sentences = all.flatMap((article) => article.sentences.map((sentence) => sentence.text));
const fuse = new Fuse(sentences, { ignoreLocation: true, threshold: 0.6 });
const baseline: number[] = [];
for (const question of questions.slice(0, 5)) {
  const started = performance.now();
  fuse.search(question, { limit: 1 });
  baseline.push(performance.now() - started);
}

const p50 = percentile(latencies, 50);
const p99 = percentile(latencies, 99);
const fuseP50 = percentile(baseline, 50);
console.log(`Corpus: ${knowledge.size} articles (${bbc.articles.length} BBC + ${own.articles.length} bundled), ${sentences.length} sentences; ${bbc.skipped.length} file(s) skipped`);
console.log(`Load + index:   ${(loadMs / 1000).toFixed(2)} s   (bar <= 10 s)`);
console.log(`Memory (RSS):   ${mb(rss)} (before load ${mb(rssBefore)})   (bar <= 500 MB)`);
const mean = latencies.reduce((sum, value) => sum + value, 0) / latencies.length;
console.log(`Answer latency over ${latencies.length} questions: mean ${mean.toFixed(2)} ms, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${Math.max(...latencies).toFixed(1)} ms   (bars mean <= 10 ms, p50 <= 5 ms, p99 <= 25 ms); "not found" for ${notFound}`);
console.log(`fuse.js over all sentences, same run, ${baseline.length} questions: p50 ${fuseP50.toFixed(0)} ms -> this engine is ${(fuseP50 / p50).toFixed(0)}x faster at p50`);
