/**
 * The archive answers as well as memory: every eval question (seed, BBC, SQuAD;
 * `--heldout` adds the held-out sets) is answered by the in-memory engine the eval uses and
 * by the same engine over the on-disk archive. Per set it prints right / wrong / refused
 * from each, and how many replies are word for word the same. The archive's search is
 * approximate by design (impact-tiers.ts; issue 11 asks for the eval figures within a
 * point), so it exits 1 when any set's right or wrong share differs by more than
 * MAX_SHARE_POINTS, not on any difference. `npm run check:archive`
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
import { DEV_SETS, HELD_OUT_SETS } from './lib/bbc-sets.js';
import { BBC_DIR, type Judged, judgeSquad, readCases, readSquad, runDialogues, runQuestions, squadArticles, squadCases, type Tally, tally } from './lib/question-sets.js';

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

/** How far (in percentage points) a set's right or wrong share from the archive may be from memory's. */
const MAX_SHARE_POINTS = 1;
let differences = 0;
const setsOff: string[] = [];
function compare(name: string, memory: Judged[], archive: Judged[]): void {
  let same = 0;
  memory.forEach((row, i) => {
    if (row.reply === archive[i]!.reply) same += 1;
    else if (differences++ < 10) console.log(`  DIFFERENT (${name}) "${row.item.question}"\n    memory:  ${row.reply.split('\n')[0]}\n    archive: ${archive[i]!.reply.split('\n')[0]}`);
  });
  const m = tally(memory);
  const a = tally(archive);
  const share = (n: number): number => (100 * n) / Math.max(1, m.total);
  const off = Math.abs(share(m.right) - share(a.right)) > MAX_SHARE_POINTS || Math.abs(share(m.wrong) - share(a.wrong)) > MAX_SHARE_POINTS;
  if (off) setsOff.push(name);
  const figures = (t: Tally): string => `${t.right}/${t.wrong}/${t.refused}`;
  console.log(`${name.padEnd(24)} ${String(m.total).padStart(4)} questions  right/wrong/refused: memory ${figures(m).padEnd(11)} archive ${figures(a).padEnd(11)} replies differing ${String(m.total - same).padStart(3)}${off ? `  OFF BY MORE THAN ${MAX_SHARE_POINTS} POINT` : ''}`);
}

async function main(): Promise<void> {
  const seedArticles = (await loadContentDir('content', logger)).articles;
  const [seedMemory, seedArchive] = engines('seed', seedArticles);
  compare('seed questions', runQuestions(readCases('eval/seed-questions.jsonl'), seedMemory.answerer), runQuestions(readCases('eval/seed-questions.jsonl'), seedArchive.answerer));
  compare('seed dialogues', await runDialogues(readCases('eval/seed-dialogues.jsonl'), conversation(seedMemory)), await runDialogues(readCases('eval/seed-dialogues.jsonl'), conversation(seedArchive)));
  if (existsSync(BBC_DIR)) {
    const [memory, archive] = engines('bbc', [...seedArticles, ...(await loadContentDir(BBC_DIR, logger)).articles]);
    const sets = [{ name: 'bbc reader set', file: 'eval/bbc-questions.jsonl', dialogues: false }, ...DEV_SETS, ...(heldOut ? HELD_OUT_SETS : [])];
    for (const { name, file } of sets.filter((set) => !set.dialogues)) compare(name, runQuestions(readCases(file), memory.answerer), runQuestions(readCases(file), archive.answerer));
    for (const { name, file } of sets.filter((set) => set.dialogues)) compare(name, await runDialogues(readCases(file), conversation(memory)), await runDialogues(readCases(file), conversation(archive)));
  } else console.log(`(no ${BBC_DIR}: BBC sets skipped)`);
  const squad = readSquad();
  if (squad) {
    const [memory, archive] = engines('squad', squadArticles(squad));
    const cases = squadCases(squad);
    const rows = [runQuestions(cases, memory.answerer, judgeSquad), runQuestions(cases, archive.answerer, judgeSquad)] as const;
    compare('squad answerable', ...(rows.map((r) => r.filter((row) => row.item.expect !== null)) as [Judged[], Judged[]]));
    compare('squad unanswerable', ...(rows.map((r) => r.filter((row) => row.item.expect === null)) as [Judged[], Judged[]]));
  } else console.log('(no SQuAD sample: skipped)');
  console.log(differences === 0 ? 'Every reply is the same from the archive as from memory.' : `${differences} replies differ word for word.`);
  console.log(setsOff.length === 0 ? `Every set's right and wrong shares are within ${MAX_SHARE_POINTS} point of memory's.` : `Off by more than ${MAX_SHARE_POINTS} point: ${setsOff.join(', ')}.`);
  rmSync(workDir, { recursive: true, force: true });
  process.exit(setsOff.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(workDir, { recursive: true, force: true });
  process.exit(1);
});
