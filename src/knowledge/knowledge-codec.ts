import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { type ArticleKnowledge, articleTerms, type PersonFact, type SentenceFacts } from './article-knowledge.js';
import type { Article } from '../content/article.js';

/**
 * An article's knowledge as stored in the archive: JSON, deflated. Level 1 because
 * indexing speed matters more than the last few percent of size (JSON of facts shrinks
 * ~4x even so). The `terms` set is left out: it is derived, and rebuilt on reading.
 */
const COMPRESSION_LEVEL = 1;

interface StoredKnowledge {
  article: Article;
  sentences: SentenceFacts[];
  people: [string, PersonFact][];
  titleTerms: string[];
  tagTerms: string[];
}

export function encodeKnowledge(knowledge: ArticleKnowledge): Buffer {
  const stored: StoredKnowledge = {
    article: knowledge.article,
    sentences: knowledge.sentences,
    people: [...knowledge.people],
    titleTerms: knowledge.titleTerms,
    tagTerms: knowledge.tagTerms,
  };
  return deflateRawSync(JSON.stringify(stored), { level: COMPRESSION_LEVEL });
}

export function decodeKnowledge(bytes: Uint8Array): ArticleKnowledge {
  const stored = JSON.parse(inflateRawSync(bytes).toString('utf8')) as StoredKnowledge;
  return {
    article: stored.article,
    sentences: stored.sentences,
    people: new Map(stored.people),
    titleTerms: stored.titleTerms,
    tagTerms: stored.tagTerms,
    terms: articleTerms(stored.titleTerms, stored.tagTerms, stored.sentences),
  };
}
