import type { Article } from '../content/article.js';
import type { ArticleKnowledge } from './article-knowledge.js';
import type { ArticleIndex } from './search-index.js';
import type { Vocabulary } from './vocabulary.js';

/** An article's headline facts, without its analysis: cheap to list for a whole archive. */
export interface ArticleSummary {
  id: string;
  title: string;
  date?: string;
}

/** An article's headline facts and the words (and stems) it can be subscribed by (src/push/topics.ts). */
export interface ArticleTopicTerms extends ArticleSummary {
  words: ReadonlySet<string>;
  stems: ReadonlySet<string>;
}

/**
 * Where a KnowledgeBase keeps its articles: in memory (the eval, the tests) or in the
 * on-disk archive (the bot). Both answer alike; the archive keeps memory bounded.
 */
export interface KnowledgeStore {
  readonly index: ArticleIndex;
  readonly vocabulary: Vocabulary;
  readonly size: number;
  /** Adds or replaces an article; returns its knowledge. */
  upsert(article: Article): ArticleKnowledge;
  /** Adds or replaces articles at once (in order: a later one with the same id wins). */
  upsertAll(articles: Article[]): void;
  /** Forgets the article and every word only it used. */
  remove(id: string): void;
  get(id: string): ArticleKnowledge | undefined;
  all(): ArticleKnowledge[];
  /** Every article, one at a time: memory stays bounded however many there are. */
  each(): Iterable<ArticleKnowledge>;
  /** Every article's topic terms in load order, when the store keeps them apart (the archive: no article is decoded). */
  topicTerms?(): Iterable<ArticleTopicTerms>;
  /** Newest first (undated articles last, later-loaded first among equals). */
  latest(count: number): ArticleKnowledge[];
  summaries(): ArticleSummary[];
  /** Bytes the store takes on disk; undefined when it lives in memory. */
  diskBytes(): number | undefined;
  /**
   * Runs `read` on one state of the articles: what another process writes meanwhile (the
   * archive is shared by the bot and `npm run ask`) is not seen until it returns.
   */
  reading<T>(read: () => T): T;
}
