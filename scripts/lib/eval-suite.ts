/**
 * Every labelled set, run against the engine with the articles each needs loaded. The
 * held-out sets were written blind to the engine and are never used to tune or fit it.
 */
import { existsSync } from 'node:fs';
import { Answerer } from '../../src/answer/answerer.js';
import { loadContentDir } from '../../src/content/load-content.js';
import { ChatMemory } from '../../src/conversation/chat-memory.js';
import { Conversation } from '../../src/conversation/conversation.js';
import { FloodGate } from '../../src/conversation/flood-gate.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { createLexicon, type Lexicon } from '../../src/lexicon/lexicon.js';
import { createLogger } from '../../src/logger.js';
import { type BbcSet, DEV_SETS, HELD_OUT_SETS } from './bbc-sets.js';
import { BBC_DIR, type Judged, judgeSquad, readCases, readSquad, runDialogues, runQuestions, squadArticles, squadCases } from './question-sets.js';

export interface SetResult {
  name: string;
  /** "tuned" sets shaped the engine or its weights; "held out" ones only report. */
  role: 'tuned' | 'held out' | 'yardstick';
  rows: Judged[];
}

const logger = createLogger({ level: 'silent', format: 'json' });

function conversationOver(knowledge: KnowledgeBase, answerer: Answerer): Conversation {
  return new Conversation({ knowledge, answerer, memory: new ChatMemory(), flood: new FloodGate(1_000_000, 60_000), logger });
}

export async function seedKnowledge(): Promise<KnowledgeBase> {
  return new KnowledgeBase((await loadContentDir('content', logger)).articles);
}

export async function bbcKnowledge(): Promise<KnowledgeBase | undefined> {
  if (!existsSync(BBC_DIR)) return undefined;
  const seed = await loadContentDir('content', logger);
  const bbc = await loadContentDir(BBC_DIR, logger);
  return new KnowledgeBase([...seed.articles, ...bbc.articles]);
}

/** Runs every set whose data is here; sets whose corpus is missing are left out. */
export async function runSuite(options: { heldOut?: boolean; lexicon?: Lexicon } = {}): Promise<SetResult[]> {
  const lexicon = options.lexicon ?? createLexicon();
  const results: SetResult[] = [];
  const seed = await seedKnowledge();
  const seedAnswerer = new Answerer(seed, lexicon);
  results.push({ name: 'seed questions', role: 'tuned', rows: runQuestions(readCases('eval/seed-questions.jsonl'), seedAnswerer) });
  results.push({ name: 'seed dialogues', role: 'tuned', rows: await runDialogues(readCases('eval/seed-dialogues.jsonl'), conversationOver(seed, seedAnswerer)) });
  // Questions no article of a small archive answers ("who won the league last season"), asked of the seed alone.
  results.push({ name: 'off-topic, of the seed', role: 'tuned', rows: runQuestions(readCases('eval/offtopic-questions.jsonl'), seedAnswerer) });
  if (options.heldOut !== false) results.push({ name: 'seed held-out', role: 'held out', rows: runQuestions(readCases('eval/heldout/seed-heldout.jsonl'), seedAnswerer) });
  if (options.heldOut !== false) results.push({ name: 'off-topic held-out, of the seed', role: 'held out', rows: runQuestions(readCases('eval/heldout/offtopic-heldout.jsonl'), seedAnswerer) });
  const bbc = await bbcKnowledge();
  if (bbc) {
    const answerer = new Answerer(bbc, lexicon);
    results.push({ name: 'bbc reader set', role: 'tuned', rows: runQuestions(readCases('eval/bbc-questions.jsonl'), answerer) });
    const run = async (set: BbcSet): Promise<Judged[]> => (set.dialogues ? runDialogues(readCases(set.file), conversationOver(bbc, answerer)) : runQuestions(readCases(set.file), answerer));
    for (const set of DEV_SETS) results.push({ name: set.name, role: 'tuned', rows: await run(set) });
    if (options.heldOut !== false) {
      for (const set of HELD_OUT_SETS) results.push({ name: set.name, role: 'held out', rows: await run(set) });
    }
  }
  const squad = readSquad();
  if (squad) {
    const cases = squadCases(squad);
    const rows = runQuestions(cases, new Answerer(new KnowledgeBase(squadArticles(squad)), lexicon), judgeSquad);
    results.push({ name: 'squad answerable', role: 'yardstick', rows: rows.filter((row) => row.item.expect !== null) });
    results.push({ name: 'squad unanswerable', role: 'yardstick', rows: rows.filter((row) => row.item.expect === null) });
  }
  return results;
}
