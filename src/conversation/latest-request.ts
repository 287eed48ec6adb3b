import type { Vocabulary } from '../knowledge/vocabulary.js';
import { MAX_TOPIC_CHARS, normalizeTopic } from '../push/topics.js';

/** Headlines a bare /latest lists. */
export const DEFAULT_LATEST = 5;
/** The most headlines one /latest lists: more is a wall of text, and a column of buttons too long to use. */
export const MAX_LATEST = 10;

/** What "/latest [count] [topic]" asks for, or why it can't be done. */
export type LatestRequest =
  | {
      kind: 'headlines';
      /** How many to list, at most MAX_LATEST. */
      count: number;
      /** The number the reader typed, when they typed one. */
      asked?: number;
      /** The topic as matched (folded, typos corrected); '' for every article. */
      topic: string;
    }
  | { kind: 'badCount'; typed: string }
  | { kind: 'topicTooLong'; length: number }
  | { kind: 'unreadableTopic'; typed: string };

/** Anything a reader would call a number, "-3" and "2.5" included: it is read as a count, never as a topic. */
const NUMBER_LIKE = /^[-+]?\d+(?:[.,]\d+)?$/;
/** A count that can be listed: a whole number above zero. */
const POSITIVE_WHOLE = /^\+?0*[1-9]\d*$/;

/**
 * Reads the argument of /latest: a count ("10"), a topic ("sport", "amnesty international"),
 * or both, the count first ("3 sport"). Only a leading number is a count: a trailing one
 * belongs to the topic ("formula 1", "windows 11"). A topic is read as /subscribe reads
 * one, typos corrected towards the articles' words.
 */
export function parseLatest(argument: string, vocabulary: Vocabulary): LatestRequest {
  const [first = '', ...rest] = argument.split(/\s+/).filter(Boolean);
  const typedCount = NUMBER_LIKE.test(first) ? first : undefined;
  if (typedCount !== undefined && !POSITIVE_WHOLE.test(typedCount)) return { kind: 'badCount', typed: typedCount };
  const typedTopic = (typedCount === undefined ? [first, ...rest] : rest).join(' ').trim();
  if (typedTopic.length > MAX_TOPIC_CHARS) return { kind: 'topicTooLong', length: typedTopic.length };
  const topic = normalizeTopic(typedTopic, vocabulary);
  if (typedTopic && !topic) return { kind: 'unreadableTopic', typed: typedTopic };
  const asked = typedCount === undefined ? undefined : Number(typedCount);
  return { kind: 'headlines', count: Math.min(asked ?? DEFAULT_LATEST, MAX_LATEST), ...(asked === undefined ? {} : { asked }), topic };
}
