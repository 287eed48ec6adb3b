import type { Article } from '../content/article.js';
import { buildKnowledge } from '../knowledge/article-knowledge.js';
import { encodeKnowledge } from '../knowledge/knowledge-codec.js';
import { vocabularyText } from '../knowledge/memory-store.js';
import { wordStatsOf } from '../knowledge/vocabulary.js';
import { articleHash } from './article-hash.js';
import { articlePostings, type CollectionTotals } from './posting-records.js';

/**
 * Everything the archive writes for one article, computed away from the database (in a
 * worker thread during a big indexing) and packed in flat arrays, which cross threads
 * cheaply. Records carry slot 0: the slot is only known when the row is inserted.
 */
export interface PreparedArticle {
  article: Article;
  hash: string;
  knowledge: Uint8Array;
  terms: string[];
  /** The records of `terms`, one after the other; recordEnds[i] is where term i's ends. */
  recordData: Uint16Array;
  recordEnds: Uint32Array;
  /** Per term: sentences and paragraphs holding it. */
  sentenceCounts: Uint32Array;
  paragraphCounts: Uint32Array;
  totals: CollectionTotals;
  /** Terms in order of first sight in a sentence. */
  sentenceTerms: string[];
  words: string[];
  /** Per word: count, inside, capitalised. */
  wordStats: Int32Array;
}

export function prepareArticle(article: Article, hash = articleHash(article)): PreparedArticle {
  const knowledge = buildKnowledge(article);
  const { records, totals } = articlePostings(knowledge, 0);
  const terms = [...records.keys()];
  const recordEnds = new Uint32Array(terms.length);
  const sentenceCounts = new Uint32Array(terms.length);
  const paragraphCounts = new Uint32Array(terms.length);
  let length = 0;
  terms.forEach((term, i) => {
    const entry = records.get(term)!;
    length += entry.record.length;
    recordEnds[i] = length;
    sentenceCounts[i] = entry.sentences;
    paragraphCounts[i] = entry.paragraphs;
  });
  const recordData = new Uint16Array(length);
  terms.forEach((term, i) => recordData.set(records.get(term)!.record, i === 0 ? 0 : recordEnds[i - 1]!));
  const stats = wordStatsOf(vocabularyText(article));
  const wordStats = new Int32Array(stats.size * 3);
  [...stats.values()].forEach((entry, i) => wordStats.set([entry.count, entry.inside, entry.capitalised], i * 3));
  const sentenceTerms = new Set<string>();
  for (const facts of knowledge.sentences) for (const term of facts.terms) sentenceTerms.add(term);
  return {
    article,
    hash,
    knowledge: encodeKnowledge(knowledge),
    terms,
    recordData,
    recordEnds,
    sentenceCounts,
    paragraphCounts,
    totals,
    sentenceTerms: [...sentenceTerms],
    words: [...stats.keys()],
    wordStats,
  };
}
