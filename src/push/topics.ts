import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { editDistance, type Vocabulary } from '../knowledge/vocabulary.js';
import { asWritten, words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';

/** A topic longer than this is not a topic: /subscribe refuses it, naming the limit. */
export const MAX_TOPIC_CHARS = 100;
/** Topics one chat may follow: past this every push matches anyway, and each costs a match per article. */
export const MAX_TOPICS_PER_CHAT = 50;

/**
 * The canonical form of what a reader typed after /subscribe: folded words (no case, no
 * diacritics), each typo corrected towards the articles' vocabulary when a known word is
 * close ("azerbijan" -> "azerbaijan"). Empty means "everything".
 */
export function normalizeTopic(raw: string, vocabulary?: Vocabulary): string {
  const topicWords = words(raw).map((word) => (vocabulary && !vocabulary.has(word) ? (vocabulary.correct(word) ?? word) : word));
  return topicWords.join(' ').slice(0, MAX_TOPIC_CHARS).trim();
}

/** A canonical topic as a reply shows it: "usa" is the "US" the reader wrote. */
export function topicAsWritten(topic: string): string {
  return topic.split(' ').map(asWritten).join(' ');
}

/** The words an article can be subscribed by, and their stems. */
export interface TopicTerms {
  words: ReadonlySet<string>;
  stems: ReadonlySet<string>;
}

// Knowledge objects never change once built, so their terms can be remembered.
const termsCache = new WeakMap<ArticleKnowledge, TopicTerms>();

/** The words an article can be subscribed by: its headline, tags and named entities. */
export function topicTermsOf(knowledge: ArticleKnowledge): TopicTerms {
  const cached = termsCache.get(knowledge);
  if (cached) return cached;
  const { article } = knowledge;
  const texts = [article.title, ...article.tags];
  for (const sentence of knowledge.sentences) {
    for (const entity of sentence.entities) texts.push(entity.text);
  }
  if (article.dateline) texts.push(article.dateline);
  const termWords = new Set(texts.flatMap((text) => words(text)));
  const terms = { words: termWords, stems: new Set([...termWords].map(stem)) };
  termsCache.set(knowledge, terms);
  return terms;
}

/**
 * Whether an article with these terms belongs to the topic: every meaningful word of the
 * topic matches one of them exactly, by stem ("elections" ~ "election"), or within a typo
 * (one edit up to seven letters, two beyond).
 */
export function topicMatches(topic: string, terms: TopicTerms): boolean {
  if (topic === '') return true;
  const topicWords = words(topic).filter((word) => !STOPWORDS.has(word));
  if (topicWords.length === 0) return false;
  return topicWords.every((word) => termMatches(word, terms));
}

function termMatches(word: string, terms: TopicTerms): boolean {
  if (terms.words.has(word) || terms.stems.has(stem(word))) return true;
  const tolerance = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
  if (tolerance === 0) return false;
  for (const term of terms.words) {
    if (Math.abs(term.length - word.length) <= tolerance && editDistance(word, term) <= tolerance) return true;
  }
  return false;
}
