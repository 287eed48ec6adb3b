import { MONTHS, WEEKDAYS } from './gazetteer.js';

export interface DateMention {
  /** The words in the sentence ("last year", "May 1"). */
  text: string;
  start: number;
  end: number;
  /** What it means, resolved against the article's date where it was relative ("2024"). */
  value: string;
  /** True when the words were relative ("last year") and `value` was worked out. */
  relative: boolean;
}

/** Month names as a regular-expression alternation, full and abbreviated (also what quantities.ts skips as dates). */
export const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
export const WEEKDAY_NAMES = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const MONTH = `(${MONTH_NAMES})\\.?`;
/** "will take place around 5 May", "is due to open on 12 June": the clause speaks of what is to come. */
const FUTURE = /\b(?:will|shall|is to|are to|is due|are due|is set to|are set to|is scheduled|are scheduled|is expected|are expected|is going to|are going to)\b/i;
const PATTERNS: { regex: RegExp; resolve: (m: RegExpExecArray, base: Date | undefined, before: string) => string | undefined; relative?: boolean }[] = [
  { regex: /\b(\d{4})-(\d{2})-(\d{2})\b/g, resolve: (m) => formatDay(+m[1]!, +m[2]! - 1, +m[3]!) },
  { regex: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'g'), resolve: (m) => formatDay(+m[3]!, monthIndex(m[2]!), +m[1]!) },
  { regex: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'), resolve: (m) => formatDay(+m[3]!, monthIndex(m[1]!), +m[2]!) },
  { regex: new RegExp(`\\b${MONTH}\\s+(1\\d{3}|20\\d{2})\\b`, 'g'), resolve: (m) => `${capital(MONTHS[monthIndex(m[1]!)]!)} ${m[2]}` },
  { regex: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, 'g'), resolve: (m, base, before) => withYear(monthIndex(m[2]!), +m[1]!, base, before) },
  { regex: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{3})`, 'g'), resolve: (m, base, before) => withYear(monthIndex(m[1]!), +m[2]!, base, before) },
  { regex: /\bthe\s+((?:19|20)\d0)s\b/g, resolve: (m) => `the ${m[1]}s` },
  // "last June", "next March": the month before (or after) the article's.
  { regex: /\b([Ll]ast|[Nn]ext)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/g, resolve: (m, base) => namedMonth(m[1]!.toLowerCase(), monthIndex(m[2]!), base), relative: true },
  // "in December", "In June,", "mid-December": a month alone (not "May": mostly the verb).
  { regex: new RegExp(`\\b(?:(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|[Ee]arly|[Ll]ate)\\s+|[Mm]id-\\s*|[Mm]id\\s+)(January|February|March|April|June|July|August|September|October|November|December)\\b(?![\\s-]+\\d)`, 'g'), resolve: (m) => monthAlone(monthIndex(m[1]!)) },
  // Not "1989-90"; "in 1989, he…" is a year.
  { regex: /\b((?:19|20)\d{2})\b(?![-\d])/g, resolve: (m) => m[1] },
  { regex: /\b(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)(?:\s+(?:and|to|or)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th))?)\s+(century|centuries)\b/gi, resolve: (m) => `the ${m[1]} ${m[2]!.toLowerCase()}` },
  // Older years only where a preposition says it is a year, not a count: "in 1066", "until 911,".
  // The year ends a phrase: punctuation, a name, or a word that starts a new phrase follows
  // ("in 1066 the Normans", "until 911, when"), never a noun it counts ("around 120 personnel").
  { regex: /\b(?:in|since|until|till|by|from|after|before|around|circa|c\.)\s+(1[0-8]\d{2}|[1-9]\d{2})\b(?![-\d,.%]\d)(?=\s*(?:[,.;:!?)"”]|$)|\s+(?:as|and|or|but|when|while|where|which|who|the|to|of|with|by|in|on|at|after|before|until|during|he|she|it|they|his|her|their|its|a|an|was|were|is|had|ad|bc|AD|BC|[A-Z]\w*)\b)/g, resolve: (m) => m[1] },
  { regex: /\b(yesterday|today|tomorrow)\b/gi, resolve: (m, base) => base && formatDate(addDays(base, { yesterday: -1, today: 0, tomorrow: 1 }[m[1]!.toLowerCase() as 'today']!)), relative: true },
  { regex: /\b(last|next|this|earlier this|later this)\s+(year|month|week|season)\b/gi, resolve: (m, base) => relativePeriod(m[1]!.toLowerCase(), m[2]!.toLowerCase(), base), relative: true },
  { regex: /\b(?:on|last|this)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, resolve: (m, base) => base && formatDate(previousWeekday(base, m[1]!)), relative: true },
  { regex: /\b(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(years|months|weeks|days)\s+ago\b/gi, resolve: (m, base) => agoDate(m[1]!, m[2]!, base), relative: true },
];

/** Dates a sentence mentions, in order; relative ones are resolved against `articleDate`. */
export function extractDates(sentence: string, articleDate?: string): DateMention[] {
  const base = articleDate ? new Date(articleDate.slice(0, 10) + 'T12:00:00Z') : undefined;
  const mentions: DateMention[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(sentence); m; m = pattern.regex.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (mentions.some((other) => start < other.end && end > other.start)) continue;
      const value = pattern.resolve(m, base, sentence.slice(0, start));
      if (value) mentions.push({ text: m[0], start, end, value, relative: pattern.relative ?? false });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * The last clause of the words before a date, the date's own: "Redknapp quit on 24 November
 * and vowed: "I will not go"" speaks of the future only after the date; "The mock votes will
 * take place around 5 May" before it.
 */
function lastClause(before: string): string {
  const opens = Math.max(...[/[,;:"“”(]/g, /\s(?:and|but|while|after|before|when)\s/g].map((boundary) => Math.max(-1, ...[...before.matchAll(boundary)].map((match) => match.index + match[0].length - 1))));
  return before.slice(opens + 1);
}

/** "1 May 2025" for an ISO date or timestamp. */
export function formatDate(date: Date | string): string {
  const d = typeof date === 'string' ? new Date(date.length === 10 ? `${date}T12:00:00Z` : date) : date;
  return formatDay(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) ?? String(date);
}

function formatDay(year: number, month: number, day: number): string | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  return `${day} ${capital(MONTHS[month]!)} ${year}`;
}

/**
 * A month named without a year, as the sentence names it: "in June" in a March story may be
 * last June or the coming one, and only the sentence's tense could say which.
 */
function monthAlone(month: number): string {
  return capital(MONTHS[month]!);
}

/** A day and month without a year; `before`: the sentence's words before them. */
function withYear(month: number, day: number, base: Date | undefined, before: string): string | undefined {
  if (!base) return formatDay(0, month, day)?.replace(/ 0$/, '');
  // A month and day in a news story are the most recent such day, unless their clause speaks
  // of what is to come ("The mock votes will take place around 5 May", in March: this May).
  let year = base.getUTCFullYear();
  if (month > base.getUTCMonth() + 1 && !FUTURE.test(lastClause(before))) year -= 1;
  return formatDay(year, month, day);
}

/** "last June" in an article of February 2005 is June 2004; "next June", June 2005; in an undated article, June. */
function namedMonth(which: string, month: number, base: Date | undefined): string {
  if (!base) return monthAlone(month);
  const current = base.getUTCMonth();
  const year = base.getUTCFullYear() + (which === 'last' ? (month < current ? 0 : -1) : month > current ? 0 : 1);
  return `${capital(MONTHS[month]!)} ${year}`;
}

function relativePeriod(which: string, unit: string, base: Date | undefined): string | undefined {
  if (!base) return undefined;
  const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  const year = base.getUTCFullYear();
  if (unit === 'year' || unit === 'season') return String(year + offset);
  if (unit === 'month') {
    const month = (base.getUTCMonth() + offset + 12) % 12;
    const monthYear = year + Math.floor((base.getUTCMonth() + offset) / 12);
    return `${capital(MONTHS[month]!)} ${monthYear}`;
  }
  const weekOf = addDays(base, offset * 7);
  return `the week of ${formatDate(weekOf)}`;
}

function previousWeekday(base: Date, name: string): Date {
  const target = (WEEKDAYS as readonly string[]).indexOf(name.toLowerCase());
  const back = (base.getUTCDay() - target + 7) % 7;
  return addDays(base, -back);
}

const WORD_NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function agoDate(amount: string, unit: string, base: Date | undefined): string | undefined {
  if (!base) return undefined;
  const n = WORD_NUMBERS[amount.toLowerCase()] ?? Number(amount);
  const u = unit.toLowerCase();
  if (u === 'years') return String(base.getUTCFullYear() - n);
  if (u === 'months') {
    const d = new Date(base);
    d.setUTCMonth(d.getUTCMonth() - n);
    return `${capital(MONTHS[d.getUTCMonth()]!)} ${d.getUTCFullYear()}`;
  }
  return formatDate(addDays(base, -(u === 'weeks' ? 7 * n : n)));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function monthIndex(name: string): number {
  return MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().slice(0, 3)));
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
