import { bbcKnowledge } from './lib/eval-suite.js';
const kb = (await bbcKnowledge())!;
const v = kb.vocabulary as unknown as { casing: Map<string, { inside: number; capitalised: number }> };
for (const w of process.argv.slice(2)) console.log(w, v.casing.get(w), kb.index.knows(w));
