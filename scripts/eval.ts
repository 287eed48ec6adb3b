/**
 * `npm run eval`: right / wrong / refused on every labelled set (scripts/lib/eval-suite.ts).
 * - right: the reply holds the expected answer (or, for a question the articles can't
 *   answer, says it couldn't find it); wrong: it answered something else; refused: it
 *   said it couldn't find it, or that the article doesn't say.
 * - "confident" is the share right among answers given with confidence >= 0.8.
 * - "closest passage shown": refusals that show the passages that came closest (one or two),
 *   and how many of those hold the expected answer (the reader finds it there; it is not
 *   counted right).
 * `-- --verbose` lists every reply that was not right. `-- --no-heldout` skips the held-out sets.
 * `-- --lexicon=wordnet|everyday|none` measures the engine with less paraphrase knowledge;
 * the weights were fitted with both, so `npm run fit -- --dry-run --lexicon=…` (cross-validated,
 * each choice fitted on its own) is the fairer comparison.
 */
import { CLOSEST_OPENING } from '../src/answer/article-answers.js';
import { formatTally, holdsExpected, isRefusal, type Judged, tally } from './lib/question-sets.js';
import { runSuite } from './lib/eval-suite.js';
import { lexiconFromArgs } from './lib/lexicon-choice.js';

/** Confidence from which an answer counts as "confident" (issue: >= 90% of these right). */
const CONFIDENT = 0.8;
const verbose = process.argv.includes('--verbose');

function kindOf(row: Judged): string {
  const expect = row.item.expect;
  if (expect === null) return 'unanswerable';
  if (expect[0]?.startsWith('#')) return expect[0].slice(1);
  return row.item.type ?? 'question';
}

const results = await runSuite({ heldOut: !process.argv.includes('--no-heldout'), lexicon: lexiconFromArgs() });
for (const { name, role, rows } of results) {
  console.log(`\n${name} (${role}), ${rows.length} questions`);
  const types = [...new Set(rows.map(kindOf))];
  if (types.length > 1) for (const type of types) console.log(formatTally(type, tally(rows.filter((row) => kindOf(row) === type))));
  console.log(formatTally('ALL', tally(rows)));
  // Answers given with high confidence: replies that assert something (not a refusal).
  const confidentAnswered = rows.filter((row) => row.confidence !== undefined && row.confidence >= CONFIDENT && !isRefusal(row.reply));
  if (confidentAnswered.length > 0) {
    const right = confidentAnswered.filter((row) => row.outcome === 'right').length;
    console.log(`  confident (>= ${CONFIDENT}): ${right}/${confidentAnswered.length} right (${((100 * right) / confidentAnswered.length).toFixed(1)}%)`);
  }
  // A refusal may show the closest passage (answerer.ts, closestOf): how often it holds the answer.
  const showsClosest = (row: Judged): boolean => row.reply.startsWith(CLOSEST_OPENING);
  // The passages are the reply's lines after the first, without the source lines (their headlines may hold the answer).
  const passageOf = (row: Judged): string => row.reply.split('\n').slice(1).filter((line) => !line.startsWith('Source: ')).join('\n');
  const shown = rows.filter((row) => showsClosest(row) && row.item.expect && !['yes', 'no'].includes(row.item.expect[0]!));
  if (shown.length > 0) console.log(`  refused with the closest passage shown: ${shown.length}, of which ${shown.filter((row) => holdsExpected(passageOf(row), row.item.expect!)).length} hold the answer`);
  const unanswerableShown = rows.filter((row) => showsClosest(row) && row.item.expect === null).length;
  if (unanswerableShown > 0) console.log(`  unanswerable questions shown a passage anyway: ${unanswerableShown}`);
  const longest = Math.max(...rows.map((row) => row.reply.length));
  if (name.startsWith('squad answerable')) console.log(`  longest reply: ${longest} characters (limit 400)`);
  if (verbose) {
    for (const row of rows.filter((r) => r.outcome !== 'right')) {
      console.log(`  ${row.outcome.toUpperCase()}${row.confidence === undefined ? '' : ` (${row.confidence.toFixed(2)})`} [${row.item.type}] ${row.item.question}\n    expected ${JSON.stringify(row.item.expect)}\n    got: ${row.reply.replace(/\n/g, '\n         ')}`);
    }
  }
}
