/**
 * A date or a figure that is one end of a range: "ran from 6 to 9 January", "two or three
 * pounds", "between 5,000 and 6,000 people". The answer is the whole range: its end alone
 * ("9 January", "three pounds") states something the article doesn't.
 */
import type { DateMention } from '../knowledge/dates.js';
import type { Quantity } from '../knowledge/quantities.js';
import { CHANGE_STEMS } from './change-words.js';

/** What joins a range's two ends ("between" asks for "and"; "or" only joins figures: "two or three"). */
const JOINS_DATES = /^(?:\s*(?:to|until|till|and)\s*|[-–])$/i;
const JOINS_FIGURES = /^(?:\s*(?:to|or|and)\s*|[-–])$/i;
/** A day with no month before a date that has one: the "6" of "6 to 9 January". */
const BARE_DAY_BEFORE = /(?:^|[^\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th)?(\s+(?:to|until|till|and)\s+|[-–])$/iu;
const BEFORE_RANGE = /\b(from|between)\s+$/i;
/** A verb of moving or changing just before "from": what follows is where it went, not a span. */
const MOVED_BEFORE = new RegExp(`\\b(?:postpon|delay|mov|push|brought|put|reschedul|shift|went|go|gone|doubl|tripl|halv|${CHANGE_STEMS})\\w*\\s+(?:\\w+\\s+)?$`, 'i');
/** How far back a range's opening word and bare day may stand. */
const REACH = 16;

interface Span {
  start: number;
  end: number;
}

/** The range's text, its opening word kept ("from 6 to 9 January"), if `first` and `last` make one. */
function rangeText(text: string, first: Span, last: Span, joins: RegExp): string | undefined {
  const join = text.slice(first.end, last.start);
  if (!joins.test(join)) return undefined;
  const opening = BEFORE_RANGE.exec(text.slice(Math.max(0, first.start - REACH), first.start));
  // "and" joins a range only after "between" ("in 2003 and 2004" names two years), "to" only
  // after "from" ("MPs voted 310 to 219" is a vote); "or" needs neither ("two or three").
  if (/\band\b/i.test(join) !== (opening?.[1]?.toLowerCase() === 'between')) return undefined;
  if (/\b(?:to|until|till)\b|[-–]/i.test(join) && opening?.[1]?.toLowerCase() !== 'from' && /\s/.test(join)) return undefined;
  // "postponed from 27 to 30 January", "doubled from 2 million to 4 million": a move, not a
  // range; "cut off between eight and ten sellers" is one.
  if (opening?.[1]?.toLowerCase() === 'from' && MOVED_BEFORE.test(text.slice(Math.max(0, first.start - opening[0].length - REACH), first.start - opening[0].length))) return undefined;
  return text.slice(opening ? first.start - opening[0].length : first.start, last.end);
}

/** The date range `best` is an end of, as written, or undefined when it stands alone. */
export function dateRange(text: string, dates: DateMention[], best: DateMention): string | undefined {
  if (best.relative) return undefined;
  const before = dates.find((date) => date.end <= best.start && !date.relative && rangeText(text, date, best, JOINS_DATES));
  if (before) return rangeText(text, before, best, JOINS_DATES);
  const after = dates.find((date) => date.start >= best.end && !date.relative && rangeText(text, best, date, JOINS_DATES));
  if (after) return rangeText(text, best, after, JOINS_DATES);
  // "6 to 9 January": the first end is a bare day of the same month.
  if (!/^\d/.test(best.text)) return undefined;
  const bare = BARE_DAY_BEFORE.exec(text.slice(Math.max(0, best.start - REACH), best.start));
  if (!bare) return undefined;
  const dayStart = best.start - bare[0].length + bare[0].indexOf(bare[1]!);
  return rangeText(text, { start: dayStart, end: dayStart + bare[1]!.length }, best, JOINS_DATES);
}

/**
 * The range of figures `best` is an end of ("two or three pounds"), as written, or
 * undefined. A change's start and end ("rose from 350 to 400") are no range: `isChange`
 * tells them.
 */
export function figureRange(text: string, quantities: Quantity[], best: Quantity, isChange: (first: Quantity) => boolean): string | undefined {
  const pair = (first: Quantity, last: Quantity): string | undefined => (isChange(first) || !sameKind(first, last) ? undefined : rangeText(text, first, last, JOINS_FIGURES));
  const before = quantities.find((q) => q.end <= best.start && pair(q, best));
  if (before) return pair(before, best);
  const after = quantities.find((q) => q.start >= best.end && pair(best, q));
  return after ? pair(best, after) : undefined;
}

/**
 * Two ends of one range count the same thing: "£20 and £80", "two or three pounds" (a bare
 * first end takes the last's unit), not "12.3 million people - 50%".
 */
function sameKind(first: Quantity, last: Quantity): boolean {
  // "500 or 8% of its staff" says one thing twice; "two or three pounds" gives two ends.
  if (first.unit === '' && !first.money && !first.percent) return !last.percent;
  return first.money === last.money && first.percent === last.percent && (first.unit === '' || first.unit === last.unit);
}
