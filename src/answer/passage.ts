import type { ArticleKnowledge, SentenceFacts } from '../knowledge/article-knowledge.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';

/** The longest a supporting sentence is by default. */
export const MAX_SUPPORT_CHARS = 240;

const CONTINUES = /^(It|Its|They|Their|Them|This|These|Those|He|His|She|Her|Such|The latter|The former|Both|However|But)\b/;

/**
 * A sentence is quoted with its neighbour when it can't stand alone. One that opens with
 * "It", "They", "This"… gets the sentence it refers back to. One that only introduces its
 * subject ("An example of a decision problem is the following.") gets the next, as does
 * one whose next sentence goes on about the same thing ("It was commissioned by Odo").
 * Only when the two fit the room.
 */
export function withContinuation(facts: SentenceFacts, knowledge: ArticleKnowledge, room: number): string {
  if (facts.claim) return facts.text;
  const sameParagraph = (other: SentenceFacts | undefined): other is SentenceFacts => other !== undefined && other.paragraph === facts.paragraph && !other.claim;
  const previous = knowledge.sentences[facts.position - 1];
  const next = knowledge.sentences[facts.position + 1];
  let passage = facts.text;
  if (CONTINUES.test(facts.text) && sameParagraph(previous)) passage = `${previous.text} ${facts.text}`;
  else if (sameParagraph(next) && (/:$/.test(facts.text) || facts.text.length < 70 || CONTINUES.test(next.text))) passage = `${facts.text} ${next.text}`;
  return passage.length <= room ? passage : facts.text;
}

/** Two sentences of one paragraph that match about equally well, in reading order, when they fit. */
export function passageOf(best: SentenceFacts, other: SentenceFacts, room: number): string {
  const [first, second] = best.position < other.position ? [best, other] : [other, best];
  const passage = second.position === first.position + 1 ? `${first.text} ${second.text}` : `${first.text} … ${second.text}`;
  return passage.length <= room ? passage : best.text;
}

/** Cut a long sentence to the part around the question's words, at word boundaries. */
export function trimAround(text: string, stems: Set<string>, max = MAX_SUPPORT_CHARS): string {
  if (text.length <= max) return text;
  const positions: number[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const word = words(match[0])[0];
    if (word && stems.has(stem(word))) positions.push(match.index ?? 0);
  }
  const centre = positions.length > 0 ? positions[Math.floor(positions.length / 2)]! : 0;
  let start = Math.max(0, Math.min(centre - max / 2, text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) start = text.indexOf(' ', start) + 1;
  if (end < text.length) end = text.lastIndexOf(' ', end);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

export function trimTo(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > 0 ? cut : max - 1)}…`;
}
