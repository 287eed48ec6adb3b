import { MONTH_NAMES } from './dates.js';
import { WEEKDAYS } from './gazetteer.js';
export interface Quantity {
  /** The number with its modifier and unit, as written: "more than 250,000 Azerbaijanis". */
  text: string;
  start: number;
  end: number;
  /** The counted thing, folded ("azerbaijanis"), or "" when none follows. */
  unit: string;
  money: boolean;
  percent: boolean;
}

const MODIFIER = '(?:(?:no|not) (?:more|fewer|less) than|(?:more|fewer|less) than|just over|just under|over|nearly|almost|about|around|approximately|roughly|some|up to|at least|at most|close to|an estimated|as many as|a total of|a record|only)';
const NUMBER = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const WORD_NUMBER = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds|a thousand|thousands|millions|billions|dozens|a dozen|half a million)';
const SCALE = '(?:million|billion|trillion|thousand|bn|m|k)';
const CURRENCY = '(?:£|(?:US|A|C|NZ|HK|S)?\\$|€|¥)';
/** Words that end what a figure counts: "102 in 2003", "81 last year" (when, not what). */
const UNIT_STOP = new Set('and or in of to the a an from for on at by with who which that was were is are as than be been has have had it its their his her this these those per but after before since during will would could said says last next do does did can cannot may might must should shall not never'.split(' '));

/** "don't", "won't", "can't": an auxiliary, never part of what is counted ("Eight out of 10 voters don't…"). */
const NEGATED_AUXILIARY = /n['’]t$/i;

const MONTHS = `(?:${MONTH_NAMES})`;
const MONTH_AFTER = new RegExp(`^\\s+(?:of\\s+)?${MONTHS}\\b`);
const MONTH_BEFORE = new RegExp(`\\b${MONTHS}\\s+$`);

/** Units written onto the number: "$280bn", "154m", "6GB", "10,000m", "5km". */
const ATTACHED = '(?:bn|m|k|km|kg|mph|cm|mm|ft|lb|gb|mb|tb|kw|mw|gw|ha)';

const QUANTITY = new RegExp(
  [
    `(?<![\\p{L}\\p{N}$£€¥]|\\d[.,])`, // not inside another word or number ("A$458.4m" is not "4m")
    `(?:(${MODIFIER})\\s+)?`, // 1: "more than"
    `(${CURRENCY})?`, // 2
    `(${NUMBER}|${WORD_NUMBER})(?![\\d]|[.,]\\d)`, // 3: the whole number, never a piece of one
    `(?:(${ATTACHED})(?![\\p{L}\\p{N}])|-(\\p{L}+(?:-\\p{L}+)*)(?![\\p{L}\\p{N}])|\\s*(${SCALE})(?![\\p{L}\\p{N}])|(?![\\p{L}\\p{N}]))`, // 4 attached, 5 "two-year", 6 "5 million"
    `(?:\\s*(%|per cent|percent)(?![\\p{L}]))?`, // 7
    // 8: what is counted, looked at but not consumed: "28% to A$458.4m" must leave "A$458.4m" to be read.
    `(?=((?:\\s+[\\p{L}][\\p{L}’'-]*){0,2}))`,
  ].join(''),
  'giu',
);

/**
 * A number that is part of a name or a label, not an amount: "chapter 11 bankruptcy rules",
 * "re-entered the charts at number eight",
 * "the Sakhalin 3 field", "Fathers 4 Justice", "Channel 4". The word before it is a label
 * noun, or a capitalised word within the sentence that is no month or weekday and no place
 * or time ("on Friday 15 protesters", "in Germany 5 million people" count), and what follows
 * is no counted plural ("American Express 20 years ago"). A number with a scale or a unit
 * attached ("5 million", "51cm") is always an amount.
 */
const LABEL_BEFORE = /\b(?:chapter|section|article|clause|paragraph|page|room|flight|route|platform|gate|version|series|channel|radio|number)\s+$/i;
const WEEKDAY_NAMES = WEEKDAYS.map((day) => day.charAt(0).toUpperCase() + day.slice(1)).join('|');
const NAME_BEFORE = new RegExp(`\\S\\s+(?!(?:${MONTH_NAMES}|${WEEKDAY_NAMES})\\b)\\p{Lu}\\p{L}*\\s+$`, 'u');
/** A place or a time the name-like word is: "in Germany", "on Tuesday". */
const SETTING_BEFORE = /\b(?:in|on|at|across|throughout)\s+\S+\s+$/i;
/** What makes the number an amount after all: a counted plural, or a score's other half ("Fiji 26-21"). */
const COUNTED_AFTER = /^(?:[\s,]*\p{Ll}+s\b|[-–]\d)/u;
/**
 * A share written as two numbers: "one in five", "1 in 4", "three out of ten" ("2 in 3
 * games" is two goals in three games: only "one" opens an "in" share).
 */
const SHARE_NUMBER = '(?:one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,3})';
const RATIO_BEFORE = new RegExp(`\\b(?:(?:one|1)\\s+in|${SHARE_NUMBER}\\s+out of)\\s+$`, 'i');
const RATIO_REACH = 16;
const RATIO_AFTER = new RegExp(`^\\s+(?:in|out of)\\s+(?=${SHARE_NUMBER}\\b(?![\\d,.]))`, 'i');

/** Whether the number from `start` to `numberEnd` is the first of a share's two ("one" of "one in five"). */
function opensShare(sentence: string, start: number, numberEnd: number): boolean {
  const joint = RATIO_AFTER.exec(sentence.slice(numberEnd));
  return joint !== null && RATIO_BEFORE.test(sentence.slice(start, numberEnd) + joint[0]);
}
/** How far before a number its label or name is looked for (characters). */
const NAME_REACH = 40;
const namesANumber = (before: string, after: string): boolean =>
  LABEL_BEFORE.test(before) || (NAME_BEFORE.test(before) && !SETTING_BEFORE.test(before) && !COUNTED_AFTER.test(after));

/** Characters of the looked-ahead unit words that became the unit: "28% to A$…" keeps none of " to A". */
function keptUnitLength(unitWords: string, kept: number): number {
  if (kept === 0) return 0;
  const words = [...unitWords.matchAll(/\s+\S+/g)].slice(0, kept);
  return words.reduce((length, word) => length + word[0].length, 0);
}

/** Whether what follows an -ing word makes it a verb's: a participle ("getting hooked") or a determiner ("using the web"). */
function verbFollows(next: string | undefined): boolean {
  return next !== undefined && (/^\p{L}+(?:ed|ing)$/iu.test(next) || /^(?:the|a|an|his|her|its|their|this|these)$/i.test(next));
}

/** Counted amounts in a sentence: numbers with what they count, money and percentages. */
export function extractQuantities(sentence: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of sentence.matchAll(QUANTITY)) {
    const start = m.index ?? 0;
    const [, modifier, currency, number, attached, hyphenUnit, spacedScale, percent, unitWords] = m;
    const scale = spacedScale ?? (attached && /^(bn|m|k)$/i.test(attached) ? attached : undefined);
    const isYear = /^(1[89]|20)\d\d$/.test(number!) && !currency && !scale && !attached && !hyphenUnit && !percent && !modifier;
    if (isYear) continue;
    // "on 20 May", "December 31": a day of a date, not an amount of anything.
    const numberEnd = sentence.indexOf(number!, start) + number!.length;
    const day = /^\d{1,2}$/.test(number!) && Number(number) >= 1 && Number(number) <= 31;
    if (day && !currency && !scale && !attached && !percent && (MONTH_AFTER.test(sentence.slice(numberEnd)) || MONTH_BEFORE.test(sentence.slice(0, start)))) continue;
    if (/^one$/i.test(number!) && !modifier) continue; // "one of the…" is rarely a count
    if (!currency && !percent && opensShare(sentence, start, numberEnd)) continue; // read with the share's second number
    if (!modifier && !currency && !percent && !scale && !attached && !hyphenUnit && namesANumber(sentence.slice(Math.max(0, start - NAME_REACH), start), sentence.slice(numberEnd))) continue;
    const unitTokens: string[] = [];
    // "the 21-year-old told…": an age is complete as it stands.
    // A sum of money counts money: "priced at £99 costs far less" has no more unit than its "£".
    const words = currency || (hyphenUnit && /-old$/i.test(hyphenUnit)) ? [] : (unitWords ?? '').trim().split(/\s+/).filter(Boolean);
    for (const [index, word] of words.entries()) {
      if (UNIT_STOP.has(word.toLowerCase()) || NEGATED_AUXILIARY.test(word)) break;
      const counted = unitTokens.length > 0 || Boolean(hyphenUnit ?? attached);
      if (counted && /(ly|ed|ing)$/i.test(word)) break; // "Azerbaijanis forcibly displaced", "6GB compared"
      // "32 million getting hooked", "2 million using the web" (an -ing a participle or a
      // determiner follows): not "10 boxing titles", "five million unemployed", "a 4.76% holding in".
      if (!counted && /ing$/i.test(word) && verbFollows(words[index + 1])) break;
      if (counted && /^\p{Lu}/u.test(word)) break; // "10,000m hope Cathal Lombard"
      // "34 John Wayne films": a name of two capitalised words is not what is counted.
      if (!counted && /^\p{Lu}/u.test(word) && /^\p{Lu}/u.test(words[index + 1] ?? '')) break;
      unitTokens.push(word);
    }
    // "one in five European workers": a share, not five workers.
    const ratio = RATIO_BEFORE.exec(sentence.slice(Math.max(0, start - RATIO_REACH), start));
    const from = ratio ? start - ratio[0].length : start;
    const head = sentence.slice(from, start + m[0].length);
    // "two-year ban": the hyphened word is the unit, with what follows it.
    const measure = hyphenUnit ?? (attached && !scale ? attached : undefined);
    const unit = [measure, ...unitTokens].filter(Boolean).join(' ');
    const text = (unitTokens.length ? `${head} ${unitTokens.join(' ')}` : head).replace(/\s+/g, ' ').trim();
    found.push({
      text,
      start: from,
      end: start + m[0].length + keptUnitLength(unitWords ?? '', unitTokens.length),
      unit: unit.toLowerCase(),
      money: Boolean(currency) || /\b(dollars?|pounds?|euros?|roubles?|yen|naira|rupees?|yuan|manats?)\b/i.test(unit),
      percent: Boolean(percent),
    });
  }
  return found;
}
