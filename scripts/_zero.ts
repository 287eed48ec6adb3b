import { Answerer } from '../src/answer/answerer.js';
import { parseQuestion } from '../src/answer/question.js';
import { questionTerms } from '../src/answer/question-terms.js';
import { createLexicon } from '../src/lexicon/lexicon.js';
import { bbcKnowledge } from './lib/eval-suite.js';
const kb = (await bbcKnowledge())!;
const lex = createLexicon();
const a = new Answerer(kb, lex);
for (const q of process.argv.slice(2)) {
  const t = questionTerms(parseQuestion(q).topicWords, kb, lex);
  console.log(q, '| words', t.words.join(','), '| names', [...t.names].join(','), '| cands', a.candidates(q).length);
}
