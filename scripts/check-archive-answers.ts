/**
 * Same answers from the archive as from memory: every eval question (seed, BBC, SQuAD;
 * `--heldout` adds the held-out sets) is answered by the in-memory engine the eval uses and
 * by the same engine over the on-disk archive, and the replies are compared word for word.
 * Exits 1 on any difference. `npm run check:archive`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ArchiveStore } from '../src/archive/archive-store.js';
import { Answerer } from '../src/answer/answerer.js';
import type { Article } from '../src/content/article.js';
import { loadContentDir } from '../src/content/load-content.js';
import { ChatMemory } from '../src/conversation/chat-memory.js';
import { Conversation } from '../src/conversation/conversation.js';
import { FloodGate } from '../src/conversation/flood-gate.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { createLexicon } from '../src/lexicon/lexicon.js';
import { createLogger } from '../src/logger.js';
import { BBC_DIR, type Judged, judgeSquad, readCases, readSquad, runDialogues, runQuestions, squadArticles, squadCases, tally } from './lib/question-sets.js';

const logger = createLogger({ level: 'silent', format: 'json' });
const lexicon = createLexicon();
const workDir = mkdtempSync(join(tmpdir(), 'archive-check-'));
const heldOut = process.argv.includes('--heldout');
/** Articles written per archive transaction, as the folder sync does. */
const BATCH = 200;
/** The bot's default ARCHIVE_MEMORY_MB. */
const MEMORY_BYTES = 64 * 1024 * 1024;

interface Engine {
  knowledge: KnowledgeBase;
  answerer: Answerer;
}

function engines(name: string, articles: Article[]): [Engine, Engine] {
  const memory = new KnowledgeBase(articles);
  const store = ArchiveStore.open({ dataDir: join(workDir, name), memoryBytes: MEMORY_BYTES });
  for (let i = 0; i < articles.length; i += BATCH) store.upsertMany(articles.slice(i, i + BATCH));
  const archive = new KnowledgeBase([], store);
  return [memory, archive].map((knowledge) => ({ knowledge, answerer: new Answerer(knowledge, lexicon) })) as [Engine, Engine];
}

function conversation(engine: Engine): Conversation {
  return new Conversation({ knowledge: engine.knowledge, answerer: engine.answerer, memory: new ChatMemory(), flood: new FloodGate(1_000_000, 60_000), logger });
}

let differences = 0;
function compare(name: string, memory: Judged[], archive: Judged[]): void {
  let same = 0;
  memory.forEach((row, i) => {
    if (row.reply === archive[i]!.reply) same += 1;
    else if (differences++ < 10) console.log(`  DIFFERENT (${name}) "${row.item.question}"\n    memory:  ${row.reply.split('\n')[0]}\n    archive: ${archive[i]!.reply.split('\n')[0]}`);
  });
  const m = tally(memory);
  const a = tally(archive);
  console.log(`${name.padEnd(24)} ${String(memory.length).padStart(4)} questions  identical replies ${String(same).padStart(4)}  right: memory ${m.right} (${((100 * m.right) / m.total).toFixed(1)}%), archive ${a.right} (${((100 * a.right) / a.total).toFixed(1)}%)`);
}

async function main(): Promise<void> {
  const seedArticles = (await loadContentDir('content', logger)).articles;
  const [seedMemory, seedArchive] = engines('seed', seedArticles);
  compare('seed questions', runQuestions(readCases('eval/seed-questions.jsonl'), seedMemory.answerer), runQuestions(readCases('eval/seed-questions.jsonl'), seedArchive.answerer));
  compare('seed dialogues', await runDialogues(readCases('eval/seed-dialogues.jsonl'), conversation(seedMemory)), await runDialogues(readCases('eval/seed-dialogues.jsonl'), conversation(seedArchive)));
  if (existsSync(BBC_DIR)) {
    const [memory, archive] = engines('bbc', [...seedArticles, ...(await loadContentDir(BBC_DIR, logger)).articles]);
    const sets = [['bbc reader set', 'eval/bbc-questions.jsonl'], ['bbc dev', 'eval/bbc-dev.jsonl'], ['bbc dev 2', 'eval/bbc-dev2.jsonl'], ['bbc dev 3', 'eval/bbc-dev3.jsonl'], ['bbc dev 4', 'eval/bbc-dev4.jsonl'], ['bbc dev 5', 'eval/bbc-dev5.jsonl'], ...(heldOut ? [['bbc held-out 2', 'eval/heldout/bbc-heldout2.jsonl'], ['bbc held-out 3', 'eval/heldout/bbc-heldout3.jsonl'], ['bbc held-out 4', 'eval/heldout/bbc-heldout4.jsonl'], ['bbc held-out 5', 'eval/heldout/bbc-heldout5.jsonl']] : [])];
    for (const [name, file] of sets) compare(name!, runQuestions(readCases(file!), memory.answerer), runQuestions(readCases(file!), archive.answerer));
    const dialogues = [['bbc dev dialogues', 'eval/bbc-dev-dialogues.jsonl'], ['bbc dev 3 dialogues', 'eval/bbc-dev3-dialogues.jsonl'], ['bbc dev 4 dialogues', 'eval/bbc-dev4-dialogues.jsonl'], ['bbc dev 5 dialogues', 'eval/bbc-dev5-dialogues.jsonl'], ...(heldOut ? [['bbc held-out 2 dialogues', 'eval/heldout/bbc-heldout2-dialogues.jsonl'], ['bbc held-out 3 dialogues', 'eval/heldout/bbc-heldout3-dialogues.jsonl'], ['bbc held-out 4 dialogues', 'eval/heldout/bbc-heldout4-dialogues.jsonl'], ['bbc held-out 5 dialogues', 'eval/heldout/bbc-heldout5-dialogues.jsonl']] : [])];
    for (const [name, file] of dialogues) compare(name!, await runDialogues(readCases(file!), conversation(memory)), await runDialogues(readCases(file!), conversation(archive)));
  } else console.log(`(no ${BBC_DIR}: BBC sets skipped)`);
  const squad = readSquad();
  if (squad) {
    const [memory, archive] = engines('squad', squadArticles(squad));
    const cases = squadCases(squad);
    const rows = [runQuestions(cases, memory.answerer, judgeSquad), runQuestions(cases, archive.answerer, judgeSquad)] as const;
    compare('squad answerable', ...(rows.map((r) => r.filter((row) => row.item.expect !== null)) as [Judged[], Judged[]]));
    compare('squad unanswerable', ...(rows.map((r) => r.filter((row) => row.item.expect === null)) as [Judged[], Judged[]]));
  } else console.log('(no SQuAD sample: skipped)');
  console.log(differences === 0 ? 'Every reply is the same from the archive as from memory.' : `${differences} replies differ.`);
  rmSync(workDir, { recursive: true, force: true });
  process.exit(differences === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(workDir, { recursive: true, force: true });
  process.exit(1);
});
