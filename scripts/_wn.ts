import { WordNet } from '../src/lexicon/wordnet.js';
const t0 = performance.now();
const wn = WordNet.open()!;
console.log('open ms', performance.now() - t0);
for (const w of ['quit', 'dearer', 'boss', 'save', 'resign', 'wrote', 'expensive', 'fend', 'sacked', 'firm', 'elon', 'musk', 'callamard', 'xbox', 'take', 'make']) {
  const t = performance.now();
  const r = wn.relatedWords(w);
  console.log(w, wn.knows(w), (performance.now() - t).toFixed(2), r.slice(0, 25).join(','));
}
