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

/** Where a clause of a long sentence ends: a comma, a semicolon or a colon, then a space; a dash between spaces (not a score's "2 - 1"). */
const CLAUSE_BREAK = /[,;:]\s+|\s[–—]\s|(?<!\d)\s-\s(?!\d)/g;

/**
 * Cut a long sentence to the part around the question's words: whole clauses when a run of
 * them that fits holds as many of the question's words as any window could ("The Commissioner
 * … addressed an open letter … to Agnès Callamard," rather than a cut through "Commissioner
 * for Human"), else a window of words centred on them.
 */
export function trimAround(text: string, stems: Set<string>, max = MAX_SUPPORT_CHARS): string {
  if (text.length <= max) return text;
  const positions: number[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const word = words(match[0])[0];
    if (word && stems.has(stem(word))) positions.push(match.index ?? 0);
  }
  return clauseWindow(text, positions, max) ?? wordWindow(text, positions, max);
}

/**
 * The run of whole clauses, at most `max` long, that holds the most of the question's words
 * (`positions`); of those, the longest, which says the most around them (the clauses after
 * them, where what was asked usually is, or the claim before a "…, X said"); the earliest of
 * equals. With none of the question's words, the run that opens the sentence. Undefined when
 * no run holds as many of them as a window of words would, or none fits.
 */
function clauseWindow(text: string, positions: number[], max: number): string | undefined {
  const breaks = [...text.matchAll(CLAUSE_BREAK)];
  const starts = positions.length === 0 ? [0] : [0, ...breaks.map((match) => (match.index ?? 0) + match[0].length)];
  const ends = [...breaks.map((match) => match.index ?? 0), text.length];
  let best: { start: number; end: number; held: number } | undefined;
  for (const start of starts) {
    const end = ends.filter((candidate) => candidate > start && candidate - start <= max).at(-1);
    if (end === undefined) continue;
    const held = positions.filter((position) => position >= start && position < end).length;
    if (!best || held > best.held || (held === best.held && end - start > best.end - best.start)) best = { start, end, held };
  }
  if (!best || best.held < Math.min(positions.length, mostInWindow(positions, max))) return undefined;
  return `${best.start > 0 ? '…' : ''}${text.slice(best.start, best.end)}${best.end < text.length ? '…' : ''}`;
}

/** The most of the question's words any `max`-long stretch of the sentence holds. */
function mostInWindow(positions: number[], max: number): number {
  return Math.max(0, ...positions.map((from) => positions.filter((position) => position >= from && position < from + max).length));
}

/** Room a matched word is given to end in, past its first letter. */
const WORD_ROOM = 20;

/**
 * A window of `max` characters centred on the question's words, cut at word boundaries; from
 * the sentence's start when every one of them fits there, so the quote opens as the
 * sentence does ("The Commissioner for Human Rights…", not "…for Human Rights").
 */
function wordWindow(text: string, positions: number[], max: number): string {
  const centre = positions.length > 0 ? positions[Math.floor(positions.length / 2)]! : 0;
  const fromStart = positions.every((position) => position < max - WORD_ROOM);
  let start = fromStart ? 0 : Math.max(0, Math.min(centre - max / 2, text.length - max));
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
