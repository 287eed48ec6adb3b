import { Answerer } from '../src/answer/answerer.js';
import { answerReply } from '../src/conversation/answer-reply.js';
import { renderPlain } from '../src/conversation/render-plain.js';
import { ANSWER_THRESHOLD } from '../src/answer/scorer.js';
import { bbcKnowledge } from './lib/eval-suite.js';
import { judge, readCases, isRefusal } from './lib/question-sets.js';
const a = new Answerer((await bbcKnowledge())!);
for (const c of [...readCases('eval/bbc-dev2.jsonl'), ...readCases('eval/bbc-dev.jsonl')]) {
  const t = a.candidates(c.question)[0];
  if (!t) continue;
  const r = renderPlain(answerReply(t.answer, ''));
  const right = !isRefusal(r) && c.expect !== null && judge(r, c.expect) === 'right';
  const e = t.candidate.evidence;
  if (right && t.confidence < ANSWER_THRESHOLD) console.log(`LOST ${t.confidence.toFixed(2)} [${c.type}] ${c.question} | cc ${e.contentCoverage.toFixed(2)} cov ${e.coverage.toFixed(2)} ret ${e.retrieval.toFixed(2)} art ${e.articleMatch.toFixed(2)} agr ${e.articleAgreement.toFixed(2)} typed ${e.typed} names ${e.namesInSentence.toFixed(1)} | ${t.answer.short.slice(0, 40)}`);
  if (!right && t.confidence >= ANSWER_THRESHOLD && !isRefusal(r)) console.log(`WRONG ${t.confidence.toFixed(2)} [${c.type}] ${c.question} | cc ${e.contentCoverage.toFixed(2)} cov ${e.coverage.toFixed(2)} ret ${e.retrieval.toFixed(2)} art ${e.articleMatch.toFixed(2)} agr ${e.articleAgreement.toFixed(2)} typed ${e.typed} names ${e.namesInSentence.toFixed(1)} | ${t.answer.short.slice(0, 40)} | expect ${c.expect}`);
}
