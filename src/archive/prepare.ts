import type { Article } from '../content/article.js';
import { buildKnowledge } from '../knowledge/article-knowledge.js';
import { encodeKnowledge } from '../knowledge/knowledge-codec.js';
import { vocabularyText } from '../knowledge/memory-store.js';
import { wordStatsOf } from '../knowledge/vocabulary.js';
import { topicTermsOf } from '../push/topics.js';
import { articleHash } from './article-hash.js';
import { forwardEntries } from './article-entries.js';
import { articlePostings, type CollectionTotals, HEAD_FIELDS } from './posting-records.js';

/**
 * Everything the archive writes for one article, computed away from the database (in a
 * worker thread during a big indexing) and packed in flat arrays, which cross threads
 * cheaply. Heads carry slot 0: the slot is only known when the row is inserted.
 */
export interface PreparedArticle {
  article: Article;
  hash: string;
  knowledge: Uint8Array;
  terms: string[];
  /** The heads of `terms`' records, HEAD_FIELDS each (posting-records.ts). */
  heads: Uint16Array;
  /** The article's entries of every term, stored with it (article-entries.ts). */
  forward: Uint8Array;
  /** The words it can be subscribed by, and their stems, space-separated. */
  topicWords: string;
  topicStems: string;
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
  const heads = new Uint16Array(terms.length * HEAD_FIELDS);
  const sentenceCounts = new Uint32Array(terms.length);
  const paragraphCounts = new Uint32Array(terms.length);
  terms.forEach((term, i) => {
    const record = records.get(term)!;
    heads.set(record.head, i * HEAD_FIELDS);
    sentenceCounts[i] = record.sentences;
    paragraphCounts[i] = record.paragraphs;
  });
  const stats = wordStatsOf(vocabularyText(article));
  const wordStats = new Int32Array(stats.size * 3);
  [...stats.values()].forEach((entry, i) => wordStats.set([entry.count, entry.inside, entry.capitalised], i * 3));
  const sentenceTerms = new Set<string>();
  for (const facts of knowledge.sentences) for (const term of facts.terms) sentenceTerms.add(term);
  const topics = topicTermsOf(knowledge);
  return {
    topicWords: [...topics.words].join(' '),
    topicStems: [...topics.stems].join(' '),
    article,
    hash,
    knowledge: encodeKnowledge(knowledge),
    terms,
    heads,
    forward: forwardEntries(records, totals.articleLength),
    sentenceCounts,
    paragraphCounts,
    totals,
    sentenceTerms: [...sentenceTerms],
    words: [...stats.keys()],
    wordStats,
  };
}
