import type { Lexicon } from '../lexicon/lexicon.js';
import { STOPWORDS } from '../text/stopwords.js';
import { PRICE_WORDS } from './extract.js';
import type { ParsedQuestion } from './question.js';

/** "how much weekly rent will…": the words between "how much" and the first stopword ("will", "did", "of"). */
const HOW_MUCH_PHRASE = /\bhow much ((?:[a-z-]+ ?){1,3})/;
/** The head noun of "how much <phrase>" stands within this many words: "how much weekly maternity pay". */
const MAX_PHRASE_WORDS = 3;

/**
 * "how much horsepower does it have", "how much cocoa…": "how much" asks for an amount of
 * the noun after it, and only a noun WordNet files with possessions ("money", "rent",
 * "prize", "funding") makes it a sum of money. Any other noun is the question's unit, as
 * "how many jobs" has one: a sum of money can't answer it. "how much did it cost" and "how
 * much of the firm" name no noun; a question about a price ("how much does a PSP cost")
 * asks for money whatever its words; a noun WordNet doesn't know ("compo") leaves the
 * question as it was.
 */
export function measuredThing(question: ParsedQuestion, lexicon: Lexicon): ParsedQuestion {
  if (question.type !== 'howMany' || question.unit || PRICE_WORDS.test(question.folded)) return question;
  const after = HOW_MUCH_PHRASE.exec(question.folded)?.[1]?.trim().split(' ') ?? [];
  const stop = after.findIndex((word) => STOPWORDS.has(word));
  const phrase = after.slice(0, stop < 0 ? after.length : stop).slice(0, MAX_PHRASE_WORDS);
  const head = phrase[phrase.length - 1];
  if (!head || !lexicon.isNoun(head) || phrase.some((word) => lexicon.namesSumOfMoney(word))) return question;
  return { ...question, unit: head };
}
