import type { SentenceFacts } from '../knowledge/article-knowledge.js';
import type { EntityMention } from '../knowledge/entities.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { irregularBase } from '../lexicon/morphology.js';
import { STOPWORDS } from '../text/stopwords.js';
import { PRICE_WORDS } from './price-words.js';
import { AUXILIARY, MAX_FOCUS_WORDS, type ParsedQuestion } from './question.js';
import type { QuestionTerms } from './question-terms.js';

/** How far after a name its kind may stand: "Titan, a California-based company". */
const KIND_AFTER_CHARS = 40;

/**
 * The names a sentence gives as instances of the question's focus, the noun of "which Roma
 * defender…": the focus (or a related word) just before the name ("Roma defender Vincent
 * Candela"), inside it ("Riggs Bank" for "which bank"), or after it as an apposition
 * ("Titan, a California-based company"). Names made only of the question's words are
 * what it already knows, not what it asks.
 */
export function apposedToFocus(facts: SentenceFacts, terms: QuestionTerms): EntityMention[] {
  const focus = terms.focusStem;
  if (!focus) return [];
  const kinds = new Set([focus, ...(terms.alternatives.get(focus) ?? [])]);
  const offsets: { start: number; end: number }[] = [];
  for (const match of facts.text.matchAll(/[\p{L}\p{N}'’-]+/gu)) {
    const word = words(match[0])[0];
    if (word && kinds.has(stem(word))) offsets.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  }
  if (offsets.length === 0) return [];
  const isNew = (entity: EntityMention): boolean => words(entity.text).some((word) => !terms.stems.has(stem(word)) && !kinds.has(stem(word)));
  return facts.entities.filter((entity) => isNew(entity) && offsets.some((kind) => instanceOf(facts.text, entity, kind)));
}

function instanceOf(text: string, entity: EntityMention, kind: { start: number; end: number }): boolean {
  if (kind.end <= entity.start) return /^\s+$/.test(text.slice(kind.end, entity.start));
  if (kind.start >= entity.start && kind.end <= entity.end) return true;
  const between = text.slice(entity.end, kind.start);
  return kind.start - entity.end <= KIND_AFTER_CHARS && /^,\s+(?:a|an|the)\s+[^,;.]*$/i.test(between);
}

/** What opens a "which <noun phrase> <verb>…" question. */
const WHICH_PHRASE = /^(?:(?:and|so|ok) )?which (.+)$/;
/** Words that end the phrase as question.ts reads it: an auxiliary or "of". */
const endsAsParsed = (word: string): boolean => word === 'of' || AUXILIARY.test(word);

/**
 * "which ukip candidate quit…", "which economist said…", "which firm holds…", "which south
 * african leader attacked…": a verb ends the noun phrase of a "which" question as an
 * auxiliary does, and the question asks for an instance of the noun before it. question.ts
 * has no dictionary, so it knows only the auxiliaries and a regular past close to "which";
 * WordNet knows the rest: an irregular past ("said", "won", "quit"), a third person whose
 * base its tagged corpus uses more as a verb than as a noun ("holds", "reckons"; not
 * "firms") where an object starts after it, a form that is only a verb's ("attacked";
 * "united" is an adjective too). The focus is the last noun before the verb, past an
 * adverb ("which games companies just came out…"). Only "which": "what doctors found in his
 * blood" asks what they found, not which doctors.
 */
export function focusBeforeVerb(question: ParsedQuestion, lexicon: Lexicon): ParsedQuestion {
  const phrase = WHICH_PHRASE.exec(question.folded)?.[1]?.split(' ');
  if (!phrase || endsAsParsed(phrase[0]!) || endsPhrase(phrase[0]!, phrase[1] ?? '', lexicon)) return question;
  for (let i = 1; i <= MAX_FOCUS_WORDS && i < phrase.length; i++) {
    const word = phrase[i]!;
    if (endsAsParsed(word)) return question;
    // "which kids shows did she present": a word before an auxiliary is the phrase's noun.
    if (!endsPhrase(word, phrase[i + 1] ?? '', lexicon) || endsAsParsed(phrase[i + 1] ?? '')) continue;
    let at = i - 1;
    while (at > 0 && lexicon.knows(phrase[at]!) && !isNounForm(phrase[at]!, lexicon)) at -= 1;
    const focus = phrase[at]!;
    return STOPWORDS.has(focus) ? question : { ...question, focus };
  }
  return question;
}

/** A noun as written, in its plural or with its possessive: "companies", "rises", "firm's". */
function isNounForm(word: string, lexicon: Lexicon): boolean {
  const bare = word.replace(/['’]s$/, '');
  return [bare, bare.replace(/ies$/, 'y'), bare.replace(/es$/, ''), bare.replace(/s$/, '')].some((form) => lexicon.isNoun(form));
}

/**
 * A verb's form that ends a noun phrase: see focusBeforeVerb. A third person is one only
 * where an object starts after it (a little word, a number, a name): "which company holds a
 * patent", "which analyst thinks cebit…"; "tax cuts help" and "phone calls led" are nouns.
 */
function endsPhrase(word: string, next: string, lexicon: Lexicon): boolean {
  const irregular = irregularBase(word);
  if (irregular !== undefined) return lexicon.isVerb(irregular);
  if (/[^s']s$/.test(word)) return lexicon.usedMostlyAsVerb(word.replace(/e?s$/, '')) && (STOPWORDS.has(next) || /^\d/.test(next) || !lexicon.knows(next));
  return lexicon.isVerbForm(word);
}

/**
 * "which rapper filmed…" asks who, "which months did the Fed raise rates" asks when: a
 * "what/which X" question whose focus noun names a person or a time in WordNet asks for one.
 * The role words of question.ts can't list every kind of person. A kind of person asked
 * for ("which striker", "which MP", also when the role words already made it a "who") is
 * marked: a body or a thing is then no answer. (WordNet's groups and places are left
 * alone: "which constituency" wants a place, "which university" a body.)
 */
export function typedByFocus(question: ParsedQuestion, lexicon: Lexicon): ParsedQuestion {
  if (!question.focus || (question.type !== 'what' && question.type !== 'who')) return question;
  const kind = lexicon.nounKind(question.focus);
  if (kind === 'person') return { ...question, type: 'who', focusIsPerson: true };
  if (question.type !== 'what') return question;
  if (kind === 'time') return { ...question, type: 'when' };
  return question;
}

/** The head noun of "how much <phrase>" stands within this many words: "how much weekly maternity pay". */
const MAX_PHRASE_WORDS = 3;
/** "how much weekly rent will…": the words between "how much" and the first stopword ("will", "did", "of"). */
const HOW_MUCH_PHRASE = new RegExp(`\\bhow much ((?:[a-z-]+ ?){1,${MAX_PHRASE_WORDS}})`);

/**
 * "how much horsepower does it have", "how much cocoa…": "how much" asks for an amount of
 * the noun after it, and a noun WordNet files with possessions in any sense ("money",
 * "rent", "prize", "wages", "damage") makes it a sum of money. Any other noun is the
 * question's unit, as "how many jobs" has one: a sum of money answers it only where the
 * sentence ties the two ("turnover of £2.3bn"; extract.ts ofTheUnitAsked). "how much did it
 * cost" and "how much of the firm" name no noun; a question about a price ("how much does a
 * PSP cost") asks for money whatever its words; a noun WordNet doesn't know ("compo")
 * leaves the question as it was.
 */
export function measuredThing(question: ParsedQuestion, lexicon: Lexicon): ParsedQuestion {
  if (question.type !== 'howMany' || question.unit || PRICE_WORDS.test(question.folded)) return question;
  const after = HOW_MUCH_PHRASE.exec(question.folded)?.[1]?.trim().split(' ') ?? [];
  const stop = after.findIndex((word) => STOPWORDS.has(word));
  const phrase = after.slice(0, stop < 0 ? after.length : stop);
  const head = phrase[phrase.length - 1];
  if (!head || !lexicon.isNoun(head) || phrase.some((word) => lexicon.namesSumOfMoney(word))) return question;
  return { ...question, unit: head };
}

/** Verbs the stopword list holds: "going to be", "going to do". */
const LITTLE_VERBS = new Set(['be', 'have', 'do', 'get', 'make']);
/** "is he going to quit", "are they going to win": a form of "be" before "going to" and the word after it. */
const GOING_TO = /\b(?:is|are|am|was|were|s|be|not)\b.*\bgoing to ([a-z]+)/;

/**
 * "is he going to quit?" asks whether he will quit: "going to" before a verb is the future,
 * as "will" is, not a word the passage must hold. Before anything else ("is Beckham going to
 * Real Madrid?", "going to the match") it goes somewhere, and stays.
 */
export function futureOfGoingTo(question: ParsedQuestion, lexicon: Lexicon): ParsedQuestion {
  const next = GOING_TO.exec(question.folded)?.[1];
  const verb = next !== undefined && (LITTLE_VERBS.has(next) || (!STOPWORDS.has(next) && lexicon.isVerb(next)));
  if (!verb) return question;
  return { ...question, topicWords: question.topicWords.filter((word) => word !== 'going') };
}
