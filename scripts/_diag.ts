import { Answerer } from '../src/answer/answerer.js';
import { answerReply } from '../src/conversation/answer-reply.js';
import { renderPlain } from '../src/conversation/render-plain.js';
import { bbcKnowledge } from './lib/eval-suite.js';
import { judge, readCases, isRefusal } from './lib/question-sets.js';
const kb = (await bbcKnowledge())!;
const a = new Answerer(kb);
const cases = [...readCases('eval/bbc-dev.jsonl'), ...readCases('eval/bbc-questions.jsonl')];
let stats = { top1: 0, anyRight: 0, answerable: 0 };
for (const c of cases) {
  if (c.expect === null) continue;
  stats.answerable++;
  const cands = a.candidates(c.question);
  const labels = cands.map((s) => { const r = renderPlain(answerReply(s.answer, '')); return !isRefusal(r) && judge(r, c.expect) === 'right'; });
  if (labels[0]) stats.top1++;
  const idx = labels.indexOf(true);
  if (idx >= 0) stats.anyRight++;
  if (process.argv.includes('-v') && !labels[0]) {
    console.log(`[${c.type}] ${c.question} -> expect ${c.expect}; right at ${idx} of ${cands.length}; top conf ${cands[0]?.confidence.toFixed(2)}`);
    console.log(`   top: ${cands[0]?.answer.short.slice(0, 80)} | ${cands[0]?.candidate.facts.text.slice(0, 120)} [${cands[0]?.candidate.hit.sentence.knowledge.article.origin}]`);
    if (idx > 0) console.log(`   right: ${cands[idx]!.answer.short.slice(0, 80)} | ${cands[idx]!.candidate.facts.text.slice(0, 120)}`);
  }
}
console.log(stats);
