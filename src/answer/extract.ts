import { isYear, type SentenceFacts, YEAR_DIGITS } from '../knowledge/article-knowledge.js';
import { isAttributionVerb } from '../knowledge/claims.js';
import { type EntityMention, peopleJoined } from '../knowledge/entities.js';
import type { Quantity } from '../knowledge/quantities.js';
import { type DateMention, formatDate, MONTH_NAMES } from '../knowledge/dates.js';
import { isDemonym, ROLE_WORDS } from '../knowledge/gazetteer.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';
import { AUXILIARY, type ParsedQuestion } from './question.js';
import { CHANGE_STEMS } from './change-words.js';
import { EARNING_WORDS, PRICE_WORDS } from './price-words.js';
import { byClause } from './clause-share.js';
import { dateRange, figureRange } from './ranges.js';
import { lacksAskedQualifier, qualifiedBeyond, type RelatedStems, roleHolds } from './roles.js';

/** The phrase of the wanted type found in a sentence, and the people it names. */
export interface Extraction {
  short: string;
  people: string[];
  /**
   * Whether the phrase is of the kind asked for: true for a count of the very thing asked
   * about ("2,850 jobs" for "how many jobs") or a place named as one; false when the
   * extractor fell back to another kind ("$11bn" for "how many jobs", "in the first
   * edition" for "where"); unset when it can't tell.
   */
  fits?: boolean;
}

/** What the extractors need to know about the question and the article. */
export interface ExtractionInput {
  facts: SentenceFacts;
  question: ParsedQuestion;
  /** Stems of the question's topic words (after typo correction). */
  questionStems: Set<string>;
  /** The same with their synonyms' stems: where the answer is near. */
  anchorStems: Set<string>;
  articleDate?: string;
  /** Roles the article gives people, by folded name. */
  roleOf: (name: string) => string | undefined;
  /** The full name of a person the sentence names by surname alone ("Davies": "Quentin Davies"), when the article gives one. */
  fullNameOf: (name: string) => string | undefined;
  /** Whom the sentence's opening "He", "She" or "The actor" means (coreference.ts), if it opens so. */
  openingReferent: () => EntityMention | undefined;
  /** Whether the article treats a name as a person's (a role, or the surname alone elsewhere). */
  knownAsPerson: (name: string) => boolean;
  /** Whether the dictionary knows a name as a place ("Chennai"; "Linux" is not one). */
  isPlaceName: (name: string) => boolean;
  /** Whether the article writes this capitalised word with its capital somewhere other than at a sentence's start. */
  writtenAsName: (word: string) => boolean;
  /** Names the sentence gives as instances of the question's focus ("Roma defender Vincent Candela"; focus.ts). */
  focusInstances: EntityMention[];
  /** Stems the lexicon relates to a question word ("staff" for "jobs"). */
  relatedStems: RelatedStems;
  /** A stem's weight as a question word in this article (0: not asked): how rare its word is among the article's sentences. */
  termWeight: (term: string) => number;
  /** Whether a stem is (or stands for) a name or a year the question asks, not a figure ("per 100"). */
  isAskedName: (term: string) => boolean;
}

/** A word of the phrase is one of the question's ("HP" too: the question's stems hold no stopwords). */
const inQuestion = (text: string, input: ExtractionInput): boolean =>
  words(text).some((word) => word.length > 1 && input.questionStems.has(stem(word)));

/** Character offsets in the sentence of the question's words (where the answer is near). */
function anchorOffsets(input: ExtractionInput): number[] {
  const offsets: number[] = [];
  for (const match of input.facts.text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const word = words(match[0])[0];
    if (word && input.anchorStems.has(stem(word))) offsets.push(match.index ?? 0);
  }
  return offsets;
}

/**
 * Of the question's words in the sentence, the one the question asks first: "who told Trend
 * about the letter" asks who told, and the teller stands before "told", not before "letter".
 * Related words come after the question's own, each kind in sentence order.
 */
function firstAsked(anchors: number[], input: ExtractionInput): number {
  const asked = input.question.topicWords.map((word) => stem(word));
  const rankOf = (offset: number): number => {
    const index = asked.indexOf(stem(words(/[\p{L}\p{N}'’]+/u.exec(input.facts.text.slice(offset))?.[0] ?? '')[0] ?? ''));
    return index < 0 ? asked.length : index;
  };
  return [...anchors].sort((a, b) => rankOf(a) - rankOf(b) || a - b)[0]!;
}

/**
 * A coordination between an answer and a question word: what stands across it belongs to
 * another part of the sentence. "£339 in the UK and $499 in the US": "UK" is nearer "$499"
 * in characters, but "in the UK" tells of the £339.
 */
const COORDINATION = /\b(?:and|but|while|whereas)\b|;/i;
/** Characters a comma between them adds ("£1,300" has none): "its chief executive since 1999, resigned in December" dates the resignation by December. */
const ACROSS_COMMA = 15;
/** Characters a coordination between them adds to the distance. */
const ACROSS_COORDINATION = 60;

/** How far a phrase at `position` stands from the nearest of the question's words in the sentence. */
function distanceTo(text: string, offsets: number[], position: number): number {
  if (offsets.length === 0) return position;
  return Math.min(
    ...offsets.map((offset) => {
      const between = text.slice(Math.min(offset, position), Math.max(offset, position));
      return Math.abs(offset - position) + (COORDINATION.test(between) ? ACROSS_COORDINATION : 0) + (/,\s/.test(between) ? ACROSS_COMMA : 0);
    }),
  );
}

/**
 * "Cottenham in Cambridgeshire and Minety in Wiltshire": names joined by "and" (read as one
 * so that "who" may answer with two people) are each a place of their own when the second
 * has its own "in…" after it (the caller checks); "Tyne and Wear", "Trinidad and Tobago"
 * stay whole.
 */
function eachOfJoined(entity: EntityMention): EntityMention[] {
  const parts = entity.text.split(/(\s+and\s+)/);
  if (parts.length === 1) return [entity];
  const named: EntityMention[] = [];
  let at = entity.start;
  parts.forEach((part, i) => {
    if (i % 2 === 0) named.push({ text: part, start: at, end: at + part.length, kind: entity.kind });
    at += part.length;
  });
  return named;
}

/** "…and Minety in Wiltshire": a place of its own after a joined name (not "in March"). */
const LISTED_PLACE_AFTER = new RegExp(`^\\s+in\\s+(?!(?:${MONTH_NAMES})\\b)\\p{Lu}`, 'u');

/** A lone capitalised word that isn't a name: "His", "The", "May". */
const NOT_A_NAME = /^(his|her|their|its|the|this|that|these|those|may|norman|french|english|british|american|european)$/i;

function isNameLike(entity: EntityMention, text: string): boolean {
  if (entity.kind === 'person' || entity.kind === 'org') return true;
  // "some Pakistanis", "Israelis": a country's people, no one in particular; "the Brazilians" beat Germany: a team.
  const people = /^\p{Lu}\p{Ll}+s$/u.test(entity.text) && isDemonym(entity.text.slice(0, -1)) && !/\bthe\s+$/i.test(text.slice(Math.max(0, entity.start - 4), entity.start));
  return entity.text.length > 2 && !NOT_A_NAME.test(entity.text) && !/(an|ish|ese|ic)$/.test(entity.text) && !people;
}

/**
 * The title in a role, without the body it belongs to: "Secretary General" of "Secretary
 * General of Amnesty International". A question naming Amnesty asks about Amnesty, not for
 * its Secretary General.
 */
function titleOf(role: string): string {
  return role.split(/\s+(?:of|at)\s+/i)[0]!;
}

export function withRole(name: string, role: string | undefined): string {
  if (!role) return name;
  // "Larry Ellison, Oracle's chief executive", "Mikhail Khodorkovsky, its founder": a
  // possessive role takes no "the".
  const article = /^(the|a|an|its|his|her|their|our|my|your)\s/i.test(role) || /^\S+['’]s\s/.test(role) ? '' : 'the ';
  return `${name}, ${article}${role}`;
}

export function extractWho(input: ExtractionInput): Extraction | undefined {
  const { facts, question } = input;
  const candidates = whoCandidates(input);
  const people = candidates.filter((entity) => entity.kind === 'person');
  const describe = (entity: EntityMention): Extraction => describeWho(entity, input);
  // "which Charlton midfielder…": the name the sentence gives as one. Named as an instance,
  // a word is a name even where it opens the sentence or ends like "Korean" ("Titan, a
  // California-based company").
  const instance = input.focusInstances.find((entity) => !inQuestion(entity.text, input) && entity.kind !== 'place');
  if (instance && !question.wantsRecipient) return describe(instance);
  // "who is the ombudsperson": the person whose role the question names.
  const roleNamed = people.filter((person) => {
    const role = person.role ?? input.roleOf(person.text);
    return role !== undefined && words(titleOf(role)).some((word) => word.length > 2 && input.anchorStems.has(stem(word)));
  });
  // Of those, not one whose role names another than the question does ("Bayern goalkeeper
  // Oliver Kahn" for "Arsenal's goalkeeper"), then one whose role holds the position asked
  // for: the chief executive before the chief operating officer.
  const roleOf = (person: EntityMention): string | undefined => person.role ?? input.roleOf(person.text);
  const rank = (person: EntityMention): number => (namesAnother(roleOf(person), input) ? 2 : 0) + (holdsAskedRole(roleOf(person), input) ? 0 : 1);
  const byRole = [...roleNamed].sort((a, b) => rank(a) - rank(b))[0];
  if (byRole && !question.wantsRecipient) return describe(byRole);
  // "who was the referee": the name in apposition to the word asked about ("referee Mike
  // Riley", "Mike Short, chairman of…").
  const apposed = !question.wantsRecipient && people.find((person) => apposedTo(facts.text, person, input));
  if (apposed) return describe(apposed);
  // "to whom…", "who did she get the order against": the name the preposition leads to.
  const preposition = question.wantsRecipient ? 'to' : question.nameAfter;
  if (preposition) {
    const led = nameLedTo(facts, candidates, preposition, question.wantsRecipient ? undefined : input.anchorStems);
    if (led) return describe(led);
  }
  const offsets = anchorOffsets(input);
  if (!question.wantsRecipient) {
    // "registered… by someone who has followed the debate": the sentence says it doesn't know who.
    if (offsets.some((offset) => unnamedDoer(facts, offset))) return undefined;
    const agent = passiveAgent(input, offsets);
    if (agent) return 'text' in agent ? describe(agent) : agent;
  }
  // "He left Bullfrog in 1997 to set up Lionhead Studios", "The actor…": the person meant (coreference.ts).
  const subject = !people.some((person) => person.start < (offsets[0] ?? 0)) ? input.openingReferent() : undefined;
  if (subject && !inQuestion(subject.text, input)) return describe(subject);
  const actor = actorBefore(input, offsets, candidates);
  if (actor) return 'text' in actor ? describe(actor) : actor;
  const first = people[0] ?? candidates.find((entity) => entity.kind === 'org') ?? candidates.find((entity) => entity.kind === 'other');
  return first ? describe(first) : undefined;
}

/** The names of a sentence that may answer "who": not the question's own, not a place after "in", not a sentence's opening word. */
function whoCandidates(input: ExtractionInput): EntityMention[] {
  const { facts } = input;
  const speaker = speakerNotAsked(input);
  // A capitalised name after "in", "of", "at"… is a place or a thing ("archbishop of
  // Canterbury", "in the Cotentin Peninsula"), after "during" or "since" an event ("during
  // the First Karabakh War"), not someone who did something.
  const afterPreposition = (entity: EntityMention): boolean => {
    // "the" and an ordinal may stand between: "during the First Karabakh War" (not "In January Amazon bought…").
    const before = facts.text.slice(Math.max(0, entity.start - 24), entity.start).replace(/(?<=\bthe\s+)(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d+(?:st|nd|rd|th))\s+$/, '');
    return /\b(?:in|of|at|from|to|into|near|on|across|during|since|until|throughout|amid)\s+(?:the\s+)?$/i.test(before);
  };
  // "Spectators were evacuated…": a capitalised word that only ever opens sentences is not a name.
  const openerOnly = (entity: EntityMention): boolean => entity.start === 0 && !entity.text.includes(' ') && !input.writtenAsName(entity.text);
  return facts.entities.filter(
    (entity) => !inQuestion(entity.text, input) && isNameLike(entity, facts.text) && !(entity.kind === 'other' && afterPreposition(entity)) && !openerOnly(entity) && !words(entity.text).every((word) => speaker.has(word)),
  );
}

/** Words of a quote that speak of the speaker: "I'm delighted to have won," said Smith. */
const FIRST_PERSON = /\b(?:[Ii]|I'm|I've|[Mm]e|[Mm]y|[Ww]e|[Ww]e're|[Ww]e've|[Uu]s|[Oo]ur)\b/;

/**
 * The words of the speaker's name when the quote reports the deed asked about: "who
 * registered the fake address?" of "Registering fake names… could become easier for
 * scammers, said Stephen Dyer". One who reports a deed is not who did it, unless the quote
 * is about the speaker ("I", "we"). A deed the quote doesn't hold ("who backed the plans?"
 * of "…good news for commuters, said Ken Livingstone") leaves the speaker a candidate.
 */
function speakerNotAsked(input: ExtractionInput): Set<string> {
  const claim = input.facts.claim;
  // "who registered…", "who is registering…"; "who is the boss" asks no deed.
  const [first, second] = /^(?:(?:and|so) )?who (.*)$/.exec(input.question.folded)?.[1]?.split(' ') ?? [];
  const verb = first && !STOPWORDS.has(first) ? first : second && /(?:ing|ed)$/.test(second) ? second : verbAfterFocus(input.question);
  if (!claim || !verb || FIRST_PERSON.test(claim.content)) return new Set();
  const deed = new Set([stem(verb), ...input.relatedStems(verb)]);
  return words(claim.content).some((word) => deed.has(stem(word))) ? new Set(words(claim.source)) : new Set();
}

/** "which snow patrol member was asked to leave…": the first word after the focus and its auxiliaries, the deed a "which" question asks about. */
function verbAfterFocus(question: ParsedQuestion): string | undefined {
  if (!question.focus) return undefined;
  const focus = question.focus.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const after = new RegExp(`^(?:(?:and|so) )?which (?:\\S+ )*?${focus} (.*)$`).exec(question.folded)?.[1]?.split(' ') ?? [];
  // "which club did he join": what follows "did" is the doer, not a deed.
  const verb = after.find((word) => !AUXILIARY.test(word));
  return verb && (isAttributionVerb(verb) || !STOPWORDS.has(verb)) && !/^(?:did|does|do)$/.test(after[0] ?? '') ? verb : undefined;
}

/** A name as the answer to "who": the full name and role of a person, whether it is of the kind asked for. */
function describeWho(entity: EntityMention, input: ExtractionInput): Extraction {
  // "Who…" asks for someone: a person fits, a name of no known kind ("Climate Change",
  // "Primera Liga") is a fallback. "Which band…" may well want one of those.
  const asksSomeone = /^(?:(?:and|so|to|by|for|from|with|of) )?(?:who|whom|whose)\b/.test(input.question.folded);
  // "which Milan star…": a kind of person is asked, and a body ("Champions League") is none.
  const asksPerson = input.question.focusIsPerson === true;
  // A reader asking "which MP" wants "Quentin Davies", not the "Mr Davies" of a later sentence.
  const name = entity.kind === 'person' ? (input.fullNameOf(entity.text) ?? entity.text) : entity.text;
  const role = entity.kind === 'person' ? (entity.role ?? input.roleOf(name)) : undefined;
  // "Jamie Foxx and Hilary Swank have won…": two people, each a fit for "who".
  const pair = entity.kind === 'other' ? peopleJoined(entity.text) : undefined;
  const fits = !asksSomeone && !asksPerson ? undefined : entity.kind === 'person' ? holdsAskedRole(role, input) : pair ? true : entity.kind === 'other' || asksPerson ? false : undefined;
  return { short: withRole(name, role), people: entity.kind === 'person' ? [name] : (pair ?? []), ...(fits === undefined ? {} : { fits }) };
}

/** Titles among the role words: "Mr", "Sir" say nothing of the position a question asks about. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'doctor', 'sir', 'dame', 'lord', 'lady']);

/** A role that names someone the question doesn't while the question names someone ("Bayern goalkeeper" for "who is Arsenal's goalkeeper"). */
function namesAnother(role: string | undefined, input: ExtractionInput): boolean {
  const named = (role ?? '').split(/\s+/).filter((word) => /^\p{Lu}/u.test(word)).map((word) => stem(words(word)[0] ?? ''));
  return named.some((term) => !input.isAskedName(term)) && [...input.questionStems].some((term) => input.isAskedName(term));
}

/**
 * Whether a person fits a question that asks who holds a position ("who is Turkcell's chief
 * executive", "who is the IAAF chief"): the role the article gives them holds the position's
 * last word, or a word related to it ("boss" for "chief"), with no qualifier the question
 * lacks (roles.ts). A "chief operating officer" is not the chief executive, "a member of the
 * Athletes' Commission" not the IAAF chief, a "deputy chief executive" not the chief
 * executive. A person with no known role, or a question that asks for no position, fits.
 */
function holdsAskedRole(role: string | undefined, input: ExtractionInput): boolean {
  // The position asked for is the question's subject ("who is the iaaf chief"), not its object ("who attacked the chancellor").
  const subject = input.question.subject ? words(input.question.subject) : [];
  const asked = subject.filter((word) => ROLE_WORDS.has(word) && !TITLES.has(word)).at(-1);
  if (!asked || !role) return true;
  // "deputy chief executive" for "chief executive", "manager" for "assistant manager": another
  // role than the one asked. (Whether the role reads as a title is left out here:
  // cross-validated, it cost as many right answers as it saved.)
  return !qualifiedBeyond(role, subject) && !lacksAskedQualifier(role, subject) && roleHolds(role, subject, input.relatedStems)(asked);
}

/** Lower-case words a description between a preposition and its name may have ("photographer", "rival carmaker"). */
const DESCRIPTION_WORDS = 2;
/** How near before the preposition a word of the question must stand ("took legal action against"). */
const WORDS_BEFORE_PREPOSITION = 3;

/**
 * "to whom…": the first name a "to" (or the question's own preposition: "against", "from")
 * leads to, past nothing but little words and capitalised ones ("to the Secretary General of
 * the Amnesty International Agnès Callamard", "in 1992 to John Major") or, after another
 * preposition than "to", a short description ("took action against photographer Jamie
 * Fawcett"); the "to" of "expected to win the 1987 election, when Margaret Thatcher…" leads
 * to a verb, not to her.
 */
function nameLedTo(facts: SentenceFacts, candidates: EntityMention[], preposition: string, askedBefore?: Set<string>): EntityMention | undefined {
  const ledBy = new RegExp(String.raw`(?:^|\s)((?:\S+\s+){0,${WORDS_BEFORE_PREPOSITION}})${preposition}\s((?:(?!\b${preposition}\s)[^,;:])*)$`, 'i');
  let previousEnd = 0;
  for (const entity of facts.entities) {
    const gap = facts.text.slice(previousEnd, entity.start);
    const led = ledBy.exec(gap);
    // "who did he take action against": the preposition of a word the question asks ("action against"), not another verb's ("criticised by").
    if (led && askedBefore && !words(led[1]!).some((word) => askedBefore.has(stem(word)))) {
      previousEnd = entity.end;
      continue;
    }
    const after = led?.[2];
    const between = (after?.match(/[\p{L}'’-]+/gu) ?? []).filter((word) => !STOPWORDS.has(word.toLowerCase()) && !/^\p{Lu}/u.test(word));
    const leadsToName = after !== undefined && between.length <= (preposition === 'to' ? 0 : DESCRIPTION_WORDS);
    if (leadsToName && candidates.includes(entity) && entity.kind !== 'place') return entity;
    previousEnd = entity.end;
  }
  return undefined;
}

/**
 * The actor: the name just before the first word of the question's verb or object; or, when
 * a description stands there ("…, a source in the Ombudsman's Office told Trend"), that.
 */
function actorBefore(input: ExtractionInput, offsets: number[], candidates: EntityMention[]): EntityMention | Extraction | undefined {
  const { facts } = input;
  const anchors = offsets.filter((offset) => !facts.entities.some((e) => offset >= e.start && offset < e.end));
  if (anchors.length === 0) return undefined;
  const anchor = firstAsked(anchors, input);
  const asides = closedAsides(facts.text, anchor);
  const before = candidates.filter((entity) => entity.end <= anchor && entity.kind !== 'place' && !asides.some((aside) => entity.start >= aside.start && entity.end <= aside.end));
  const actor = before.filter((entity) => entity.kind === 'person').pop() ?? before.pop();
  const clause = facts.text.slice(facts.text.lastIndexOf(',', anchor) + 1, anchor).trim();
  if (/^(a|an|the)\s+[a-z]/.test(clause) && clause.split(/\s+/).length <= 8) return { short: clause, people: [] };
  return actor;
}

/** ", who had been selected to fight the Suffolk Coastal seat,": a relative clause set off by commas. */
const RELATIVE_ASIDE = /,\s+(?:who|whom|whose|which)\b[^,;]*,/g;

/**
 * The relative clauses that close before `end`: "Nicholas Betts-Green, who had been selected
 * to fight the Suffolk Coastal seat, quit…" says who quit before the clause, and what the
 * clause names describes him, it did not quit.
 */
function closedAsides(text: string, end: number): { start: number; end: number }[] {
  return [...text.slice(0, end).matchAll(RELATIVE_ASIDE)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** A passive whose doer the sentence doesn't name: "was registered by someone", "by an unknown buyer". */
const UNNAMED_DOER = /^[^,;.]{0,60}?\bby (?:someone|somebody|an? (?:unknown|unnamed|anonymous|mystery)|unknown|persons unknown)\b/i;

/** Whether the doer after the question's word at `offset` is unnamed, and stays so in its clause ("an unnamed buyer believed to be Roman Abramovich" names him). */
function unnamedDoer(facts: SentenceFacts, offset: number): boolean {
  const match = UNNAMED_DOER.exec(facts.text.slice(offset));
  if (!match) return false;
  const from = offset + match[0].length;
  const clauseEnd = from + (/[,;.]/.exec(facts.text.slice(from))?.index ?? facts.text.length);
  return !facts.entities.some((entity) => entity.start >= from && entity.start < clauseEnd && entity.kind !== 'place');
}

/**
 * The agent of a passive near the question's words: "hosted by Azerbaijan", "Directed by
 * Antoine Fuqua" (a country or a place can be the one who acted), or one that is not a
 * name: "The church was utilised by the dukes".
 */
function passiveAgent(input: ExtractionInput, offsets: number[]): EntityMention | Extraction | undefined {
  const { facts } = input;
  const agent = facts.entities.find(
    (entity) =>
      !inQuestion(entity.text, input) &&
      /\bby\s+(?:the\s+)?$/i.test(facts.text.slice(Math.max(0, entity.start - 8), entity.start)) &&
      offsets.some((offset) => offset < entity.start && entity.start - offset < 40),
  );
  if (agent) return agent;
  for (const offset of offsets) {
    const byPhrase = /^[^,;.]{0,40}?\bby (the [a-z]+(?: [a-z]+)?)\b/.exec(facts.text.slice(offset));
    if (byPhrase && !/\b(?:end|time|way|year|month|week|day|hour|minute|second|side|number|rest|majority)\b/.test(byPhrase[1]!) && !inQuestion(byPhrase[1]!, input)) {
      return { short: capitalise(byPhrase[1]!), people: [] };
    }
  }
  return undefined;
}

/** A question word (not a name) right before the name, or right after it past a comma. */
function apposedTo(text: string, entity: EntityMention, input: ExtractionInput): boolean {
  const before = /([\p{L}-]+)[)"'’]?\s+$/u.exec(text.slice(Math.max(0, entity.start - 25), entity.start))?.[1];
  const after = /^,\s+(?:the\s+|a\s+|an\s+)?([\p{L}-]+)/u.exec(text.slice(entity.end, entity.end + 30))?.[1];
  // A role is a noun: "Mike Short, chairman of…", not "Climate Change, hosted by…".
  const roleLike = (word: string | undefined): word is string => word !== undefined && /^\p{Ll}/u.test(word) && !/(?:ed|ing)$/.test(word);
  return [before, after].some((word) => roleLike(word) && input.questionStems.has(stem(words(word)[0] ?? '')));
}

/** "when did…", "when was…": a question about what has happened. */
const ASKS_PAST = /^(?:(?:and|so) )?when (?:did|was|were|had|has|have)\b/;

/**
 * Whether a date is after the article's: "when did BA last suspend the flights?" is not
 * answered by "will suspend the flights from 27 March", in an article of 1 March.
 */
function afterArticle(date: DateMention, articleDate: string | undefined): boolean {
  if (!articleDate || !/^\d{1,2} \p{L}+ \d{4}$/u.test(date.value)) return false;
  return new Date(`${date.value} 12:00 UTC`).getTime() > new Date(`${articleDate.slice(0, 10)}T12:00:00Z`).getTime();
}

export function extractWhen(input: ExtractionInput): Extraction | undefined {
  const { facts } = input;
  const past = ASKS_PAST.test(input.question.folded);
  const dates = facts.dates.filter((date) => (!inQuestion(date.text, input) || date.relative) && !(past && afterArticle(date, input.articleDate)));
  if (dates.length === 0) return undefined;
  const anchors = anchorOffsets(input);
  const byPart = byClause(facts.text, facts.dates, input.termWeight, input.isAskedName);
  const best = [...dates].sort((a, b) => byPart(a, b) || distanceTo(facts.text, anchors, a.start) - distanceTo(facts.text, anchors, b.start))[0]!;
  const range = dateRange(facts.text, facts.dates, best);
  if (range) return { short: capitalise(range), people: [] };
  const preposition = /\b(since|until|by|from|before|after)\s+$/i.exec(facts.text.slice(Math.max(0, best.start - 8), best.start));
  const lead = preposition ? `${capitalise(preposition[1]!.toLowerCase())} ` : '';
  const value = lead ? best.value : capitalise(best.value);
  if (best.relative && input.articleDate) {
    return { short: `${lead}${value} ("${best.text}" in an article dated ${formatDate(input.articleDate)})`, people: [] };
  }
  return { short: `${lead}${value}`, people: [] };
}

export function extractWhere(input: ExtractionInput): Extraction | undefined {
  const { facts, question } = input;
  // A name the gazetteer doesn't know is still a place after "in", "at", "near" or "city
  // of": "the south-western city of Ibadan", "earl of Hereford".
  const before = (entity: EntityMention): string => facts.text.slice(Math.max(0, entity.start - 16), entity.start);
  const locative = (entity: EntityMention): boolean =>
    entity.kind === 'place' ||
    // "at Old Trafford", "in San Jose": shaped like a person's name, but people are not where things happen.
    (entity.kind === 'person' && PLACE_PREPOSITION.test(before(entity)) && !/^[’']s\b/.test(facts.text.slice(entity.end)) && !input.knownAsPerson(entity.text)) ||
    (entity.kind !== 'person' &&
      /^\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+)*$/u.test(entity.text) &&
      // An acronym the gazetteer doesn't know is a body ("in ITV's comedy"), not a place.
      !/^\p{Lu}+$/u.test(entity.text) &&
      (PLACE_PREPOSITION.test(before(entity)) || /(?:\b(?:city|town|village|region|province|county|port|island|earl|duke|bishop)|,) of\s+(?:the\s+)?$/i.test(before(entity))));
  // "…, Downing Street said": the one who speaks is not where it happens.
  const speakerWords = new Set(words(facts.claim?.source ?? ''));
  const speaks = (entity: EntityMention): boolean => words(entity.text).every((word) => speakerWords.has(word));
  const places = facts.entities.flatMap((entity) => (LISTED_PLACE_AFTER.test(facts.text.slice(entity.end)) ? eachOfJoined(entity) : [entity])).filter((entity) => locative(entity) && !inQuestion(entity.text, input) && !speaks(entity));
  if (places.length > 0) {
    const wantsOrigin = /\bfrom\b/.test(question.folded);
    const preferred = wantsOrigin
      ? places.find((place) => /\bfrom\s+(the\s+)?$/i.test(facts.text.slice(Math.max(0, place.start - 10), place.start)))
      : undefined;
    const anchors = anchorOffsets(input);
    const notAfterPreposition = (place: EntityMention): number => (LOCATIVE_BEFORE.test(facts.text.slice(Math.max(0, place.start - LOCATIVE_LOOKBACK), place.start)) ? 0 : 1);
    const byPart = byClause(facts.text, places, input.termWeight, input.isAskedName);
    const nearest = [...places].sort((a, b) => notAfterPreposition(a) - notAfterPreposition(b) || byPart(a, b) || distanceTo(facts.text, anchors, a.start) - distanceTo(facts.text, anchors, b.start))[0]!;
    const place = preferred ?? nearest;
    // "in Gateshead" names where something is; "a US woman", "playing for Germany" use a
    // place's name for something else, and say less of where the thing asked about happened.
    const namedAsWhere = place === preferred || notAfterPreposition(place) === 0;
    return { short: expandPlace(facts.text, place), people: [], ...(namedAsWhere ? { fits: true } : {}) };
  }
  const base = BASED_IN.exec(facts.text)?.[1];
  if (base && !inQuestion(base, input) && input.isPlaceName(base)) return { short: base, people: [], fits: true };
  // "Which country…" wants a name, not "in the history of music".
  if (/\b(?:what|which) (?:country|city|town|nation|state|capital|continent)\b/.test(question.folded)) return undefined;
  const anchors = anchorOffsets(input);
  const after = anchors.length > 0 ? Math.min(...anchors) : 0;
  const phrase = /\b(in|at|on|from|inside|near)\s+((?:the\s+)?[^,.;]{3,70}?)(?=[,.;]|\s+(?:and|which|who|that|with|since|by|when|while|as)\b|$)/g;
  phrase.lastIndex = after;
  const match = phrase.exec(facts.text);
  // A place is named ("in Cairo") or definite ("in the liberated territories"), never "in anyway".
  const placeLike = match && /^(?:the\s+\S|\p{Lu})/u.test(match[2]!);
  if (match && placeLike && !NOT_A_PLACE.test(match[2]!) && !inQuestion(match[2]!, input)) return { short: `${match[1]} ${match[2]}`, people: [], fits: false };
  return undefined;
}

/** What stands before a place: "in", "at", "near", with "the" or "a" ("in a New Orleans jail"). */
const PLACE_PREPOSITION = /\b(?:in|at|near)\s+(?:(?:the|a|an)\s+)?$/i;
/** "in Gateshead", "in south London": what stands before a place named as where something is. */
const LOCATIVE_BEFORE = /\b(in|at|near|inside|across|throughout|to)\s+(the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|western|central|north-east|north-west|south-east|south-west)\s+)?$/i;
/** Characters before a place that LOCATIVE_BEFORE reads. */
const LOCATIVE_LOOKBACK = 24;
/** "Chennai-based Tata": where a body is based ("Linux-based phones" is not a place: see isKnownPlace). */
const BASED_IN = /\b(\p{Lu}\p{L}+)-based\b/u;

/** "in a BBC poll", "in a statement", "in response": phrases after "in" that are not places. */
const NOT_A_PLACE = /^(?:(?:a|an|some|any|his|her|their|its|our)\s|(?:the\s+)?(?:poll|survey|statement|interview|letter|report|speech|way|time|order|addition|fact|case|terms|response|part|favou?r|line|effect|total|general|particular|public|contrast|turn|return|recent|future|past|charge|control|touch|talks|support|opposition|front|light|view|principle|practice|theory|place|end|meantime|process|hope|spite|protest|memory|honou?r|question|form|kind|short|full|person|private|detail|depth)\b)/i;

/** "Azerbaijan’s liberated territories" rather than just "Azerbaijan". */
function expandPlace(text: string, place: EntityMention): string {
  const possessive = /^[’']s\s+((?:[a-z-]+\s+){0,2}(?:territories|region|capital|border|coast|north|south|east|west|city|province|regions))\b/.exec(text.slice(place.end));
  return possessive ? `${place.text}’s ${possessive[1]}` : place.text;
}

/**
 * Whether the person an age belongs to is one the question names: "Luke Tomlinson, 27" is the
 * name before (the last of "Bryan Ferry and Luke Tomlinson"); "21-year-old Cesc Fabregas",
 * "the 22-year-old son", the name after, unless a name stands right before it ("Otis Ferry,
 * the 22-year-old son").
 */
function ownerAsked(quantity: Quantity, input: ExtractionInput): boolean {
  const { entities, text } = input.facts;
  const before = entities.filter((entity) => entity.end <= quantity.start).at(-1);
  const after = entities.find((entity) => entity.start >= quantity.end);
  const describesNext = /-old$/.test(quantity.text) && after !== undefined && !(before && /^,\s*(?:the|a|an)?\s*$/i.test(text.slice(before.end, quantity.start)));
  const owner = describesNext ? after : before;
  const last = owner?.text.split(/\s+and\s+/).at(-1) ?? '';
  return words(last).some((word) => input.questionStems.has(stem(word)));
}

/** The name right before ", 59," is one the question asks about. */
function agedName(before: string, input: ExtractionInput): boolean {
  const name = /(\p{Lu}\p{L}+),\s*$/u.exec(before)?.[1];
  return name !== undefined && input.questionStems.has(stem(name.toLowerCase()));
}

/** An amount without a figure: "millions", "dozens of". */
const isVague = (quantity: { text: string }): boolean => !/\d/.test(quantity.text) && /\b(?:hundreds|thousands|millions|billions|dozens)\b/i.test(quantity.text);

/** The words a question counts people by: any other name for them ("Azerbaijanis", "voters") is a count of people too. */
const PEOPLE = /^(?:people|persons|men|women|children)$/;

const DURATION = /\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies))\b/;
/** "how much time": a span of time asked by its own name (a figure's "times" is no duration: "three times"). */
const TIME_ITSELF = /^time$/;

export function extractHowMany(input: ExtractionInput): Extraction | undefined {
  const { facts, question } = input;
  // Drop the numbers the question itself names ("of the 4,000 missing, how many…"): only
  // the number is compared, so "two-year ban" still answers "how long was he banned".
  // "per 100 people" is a rate's denominator, not a count of anything.
  const perSomething = (quantity: Quantity): boolean => /\bper\s+$/i.test(facts.text.slice(Math.max(0, quantity.start - 4), quantity.start));
  let quantities = facts.quantities.filter((quantity) => !inQuestion(quantity.text.replace(/^[^\p{N}\p{L}£$€¥]+/u, '').split(/[\s-]/)[0]!, input) && !perSomething(quantity));
  if (quantities.length === 0) return undefined;
  if (/\bhow old\b/.test(question.folded)) return extractAge(quantities, input);
  // "died at the age of 71" answers how old she was, not "how many Carry On films was she in".
  if (!/\bages?\b/.test(question.folded)) quantities = quantities.filter((q) => !statesAge(q, facts.text));
  if (quantities.length === 0) return undefined;
  // "How long", "how much time": a span of time; "how much cocoa": anything but one.
  const wantsDuration = /\bhow long\b/.test(question.folded) || (question.unit !== undefined && (DURATION.test(question.unit) || TIME_ITSELF.test(question.unit)));
  // "two years ago" says when, not how long, unless the question asks how long ago.
  const asksAgo = /\bago\b/.test(question.folded);
  const ago = (q: Quantity): boolean => /^\s+ago\b/i.test(facts.text.slice(q.end)) || /\bago$/i.test(q.text);
  quantities = quantities.filter((q) => DURATION.test(q.unit) === wantsDuration && (asksAgo || !ago(q)));
  if (quantities.length === 0) return undefined;
  const wantsMoney = /\bhow much\b/.test(question.folded) && !question.unit;
  const asksPrice = PRICE_WORDS.test(question.folded) || (wantsMoney && EARNING_WORDS.test(question.folded));
  // "how much did the surplus grow": by a sum or by a share.
  const asksChange = ASKS_CHANGE.test(question.folded);
  const asked = ofTheKindAsked(quantities, question.folded, { wantsMoney, asksPrice, asksChange });
  quantities = asked.quantities;
  let fits = asked.fits;
  // "what percentage…" is a share, answered by one: its "unit" is no counted thing.
  if (question.unit && fits === undefined) ({ quantities, fits } = ofTheUnitAsked(quantities, question.unit, input));
  else if (fits === undefined && wantsMoney && asksPrice) fits = quantities.some((q) => q.money);
  if (wantsMoney) quantities = sumsNamed(quantities, input);
  if (quantities.length === 0) return undefined;
  // "from 350 to 400": the figure a change ends at, unless the question asks what it was before.
  if (!ASKS_EARLIER.test(question.folded)) {
    // "fell from 102 in 2003 to 81": the start is what "in 2003" asks.
    const yearAsked = (q: Quantity): boolean => question.folded.includes(IN_YEAR.exec(facts.text.slice(q.end))?.[1] ?? '\u0000');
    const ends = quantities.filter((q) => yearAsked(q) || !changesOnTo(CHANGE_FROM, q, facts.text, quantities));
    if (ends.length > 0) quantities = ends;
  }
  // "grew 17.9% to 12.011 trillion yen": how big it is now, unless the question asks how much it changed.
  if (!asksChange) {
    const levels = quantities.filter((q) => !changesOnTo(CHANGE_BY, q, facts.text, quantities));
    if (levels.length > 0) quantities = levels;
  }
  const anchors = anchorOffsets(input);
  // A figure beats a vague "millions" ("known to millions"), whatever its distance.
  // "80 million new PC users in India by 2010 and 40 million in Indonesia": the figure whose part of the sentence holds most of the question.
  const byPart = byClause(facts.text, facts.quantities, input.termWeight, input.isAskedName);
  const best = [...quantities].sort((a, b) => Number(isVague(a)) - Number(isVague(b)) || byPart(a, b) || distanceTo(facts.text, anchors, a.start) - distanceTo(facts.text, anchors, b.start))[0]!;
  // "How many" asks for a figure: "thousands" says there is one without giving it.
  if (isVague(best)) fits = false;
  const isChange = (first: Quantity): boolean => changesOnTo(CHANGE_FROM, first, facts.text, facts.quantities) || changesOnTo(CHANGE_BY, first, facts.text, facts.quantities);
  const short = figureRange(facts.text, facts.quantities, best, isChange) ?? withConversion(facts.text, facts.quantities, best) ?? partOf(best, facts.text, question.folded) ?? best.text;
  return { short: capitalise(short), people: [], ...(fits === undefined ? {} : { fits }) };
}

/**
 * The figures that count or measure the question's unit ("how many jobs", "how much
 * horsepower": focus.ts), and whether one does. An amount names what it measures near it
 * ("damage estimated at $6bn", "turnover of £2.3bn": the dictionary files neither with
 * money), a count in its own unit. A sum of money answers no count ("how many Mac
 * minis…") and no measure the sentence doesn't tie it to ("how much horsepower" of "a price
 * tag under £80,000"); a share or a count of something else ("three major parties" for "how
 * many call centres") is not a count of jobs; but people are counted under many names
 * ("4,000 Azerbaijanis" for "how many people"): a mismatch there says nothing.
 */
function ofTheUnitAsked(quantities: Quantity[], unit: string, input: ExtractionInput): { quantities: Quantity[]; fits?: boolean } {
  const unitStems = new Set([stem(unit), ...input.relatedStems(unit)]);
  const counts = /\bhow many\b/.test(input.question.folded);
  const named = (q: Quantity): string[] => (counts ? [...words(q.unit), ...numberOfIn(q, input.facts.text)] : [...words(q.unit), ...wordsAround(q, input.facts.text)]);
  const matching = quantities.filter((q) => named(q).some((word) => unitStems.has(stem(word))));
  if (matching.length > 0) return { quantities: matching, fits: true };
  const notMoney = quantities.filter((q) => !q.money);
  if (!counts) return { quantities: notMoney };
  // "how many jobs were added" of "grew 3.7%… jobs growth averaged 178,000": a share alone counts nothing; a figure beside
  // it may. A share of something ("cut 10% of its workforce of 35,000") counts that part of it.
  const notShares = notMoney.filter((q) => !q.percent || /^\s+of\b/.test(input.facts.text.slice(q.end)));
  const kept = notShares.length > 0 ? notShares : notMoney;
  const countsOther = (q: Quantity): boolean => q.percent || (q.unit !== '' && !PEOPLE.test(unit));
  return kept.every(countsOther) ? { quantities: kept, fits: false } : { quantities: kept };
}

/**
 * "how much debt…", "how much profit…": of the sums, those the sentence names as that
 * ("debts of more than £230m", not the "£146m ($281m)" of a sale in the same sentence);
 * all of them when none is named so.
 */
function sumsNamed(quantities: Quantity[], input: ExtractionInput): Quantity[] {
  const noun = /\bhow much ([a-z]+)/.exec(input.question.folded)?.[1];
  if (!noun || STOPWORDS.has(noun)) return quantities;
  const nounStems = new Set([stem(noun), ...input.relatedStems(noun)]);
  const named = quantities.filter((q) => q.money && wordsAround(q, input.facts.text).some((word) => nounStems.has(stem(word))));
  return named.length > 0 ? named : quantities;
}

/**
 * "The number of people out of work rose 32,000 to 1.41 million": what a figure with no unit
 * of its own counts, when its clause opens on "the number of" something.
 */
const NUMBER_OF = /\b(?:number|total) of ([a-z]+(?: [a-z]+){0,2})/i;
function numberOfIn(quantity: Quantity, text: string): string[] {
  // A share or a sum counts nothing: "12% of Europeans", "£2m".
  if (quantity.unit !== '' || quantity.percent || quantity.money) return [];
  const before = text.slice(0, quantity.start);
  // A clause ends at punctuation and a space ("32,000" goes on).
  const clause = before.split(/[,;:.]\s/).pop() ?? '';
  return words(NUMBER_OF.exec(clause)?.[1] ?? '');
}

/** How many words either side of an amount may name what it measures: "damage estimated at $6bn". */
const MEASURED_REACH = 4;

/** The words of the amount's clause within reach of it. */
function wordsAround(quantity: Quantity, text: string): string[] {
  const before = words(text.slice(0, quantity.start).split(/[,;:.]/).pop() ?? '').slice(-MEASURED_REACH);
  const after = words(text.slice(quantity.end).split(/[,;:.]/)[0] ?? '').slice(0, MEASURED_REACH);
  return [...before, ...after];
}

/** A question about a share of something: "what share of the backlog…", "how much of a stake…". */
const ASKS_SHARE = /\b(?:what|which) (?:share|proportion|percentage|fraction)\b|\bhow much of (?:a|an|the|its|his|her|their) (?:stake|share|company|firm|business|market)\b/;

/**
 * The figures of the kind a question asks for: a share ("25%", "one in five", "two thirds") for "what
 * share of…", "how much of a stake…", whatever sums the sentence names (none: the answer
 * doesn't fit); a sum of money (or the share it changed by) for "how much did it cost";
 * else all of them.
 */
function ofTheKindAsked(quantities: Quantity[], question: string, asks: { wantsMoney: boolean; asksPrice: boolean; asksChange: boolean }): { quantities: Quantity[]; fits?: boolean } {
  const isShare = (q: Quantity): boolean => q.percent || (/\b(?:in|out of|half|halves|thirds?|quarters?|fifths?|tenths?)\b/.test(q.text) && !/\bhalf an? (?:million|billion|dozen)\b/i.test(q.text));
  if (ASKS_SHARE.test(question)) return quantities.some(isShare) ? { quantities: quantities.filter(isShare), fits: true } : { quantities, fits: false };
  if (asks.wantsMoney && (asks.asksPrice || quantities.some((q) => q.money))) return { quantities: quantities.filter((q) => q.money || (asks.asksChange && q.percent)) };
  return { quantities };
}

/** "13 of Britain's 659 MPs", "12 of their 14 games": the part counted out of a whole, before it. */
const PART_BEFORE = /(?:^|[^\p{L}\p{N}£$€¥])([£$€¥]?\d[\d,.]*)\s+of\s+(?:(?:the|their|its|his|her|our|these|those|\p{Lu}[\p{L}.-]*['’]s)\s+)?$/u;
/** A question about the whole: "how many MPs are there in all?" */
const ASKS_TOTAL = /\b(?:total|in all|altogether|overall|all told)\b/;
/** How far before a figure its part may stand. */
const PART_REACH = 40;

/**
 * "$80m (£43m)": a sum and its conversion in brackets are one amount, answered as written; the
 * bracketed one alone ("£43m") reads as if the article gave it, and loses a "more than".
 */
function withConversion(text: string, quantities: Quantity[], best: Quantity): string | undefined {
  if (!best.money) return undefined;
  const bracketed = (outer: Quantity, inner: Quantity): boolean => inner.money && /^\s*\($/.test(text.slice(outer.end, inner.start)) && text[inner.end] === ')';
  const outer = quantities.find((q) => q.money && q.end <= best.start && bracketed(q, best));
  const inner = outer ? best : quantities.find((q) => q.start >= best.end && bracketed(best, q));
  const first = outer ?? best;
  return inner ? text.slice(first.start, inner.end + 1) : undefined;
}

/**
 * "Just 13 of Britain's 659 MPs are from ethnic minorities": the sentence counts the part,
 * and the whole is what it is counted out of. The figure asked is the part, shown with its
 * whole ("13 of Britain's 659 MPs"), unless the question asks for a total.
 */
function partOf(quantity: Quantity, text: string, question: string): string | undefined {
  if (ASKS_TOTAL.test(question)) return undefined;
  const before = text.slice(Math.max(0, quantity.start - PART_REACH), quantity.start);
  const part = PART_BEFORE.exec(before);
  // "sales in 2004 of 3.5 million cars": a year before "of" is when, not a part.
  if (!part || isYear(part[1]!)) return undefined;
  return `${before.slice(before.length - part[0].length + part[0].indexOf(part[1]!))}${quantity.text}`;
}

/** "a 27-year-old", "aged 27", "at the age of 71": a figure the words say is an age. */
function statesAge(quantity: Quantity, text: string): boolean {
  return /\byears?[- ]old\b/.test(quantity.unit) || /\b(?:aged|at the age of)\s+$/i.test(text.slice(Math.max(0, quantity.start - 14), quantity.start));
}

function extractAge(quantities: Quantity[], input: ExtractionInput): Extraction | undefined {
  const { facts } = input;
  const ages = quantities.filter(
    (q) =>
      statesAge(q, facts.text) ||
      // "He was 84, had been…": a bare number ending the clause after "was".
      (q.unit === '' && /^\d{1,3}$/.test(q.text) && /^[,.;]/.test(facts.text.slice(q.end)) && /\b(?:was|is|turned)\s+$/i.test(facts.text.slice(Math.max(0, q.start - 8), q.start))) ||
      // "Mrs Hassan, 59, who led…": the age of the person asked about.
      (q.unit === '' && /^\d{1,3}$/.test(q.text) && /^,/.test(facts.text.slice(q.end)) && agedName(facts.text.slice(Math.max(0, q.start - 30), q.start), input)),
  );
  // "Otis Ferry, the 22-year-old son…, and Luke Tomlinson, 27": the age of the person asked about, the one named last before it.
  const age = ages.find((q) => ownerAsked(q, input)) ?? ages[0];
  if (!age) return undefined;
  return { short: age.unit === '' ? `${age.text} years old` : capitalise(age.text), people: [] };
}

/** A question about the state before a change: "how many were there before", "what was it originally". */
const ASKS_EARLIER = /\b(?:before|previously|originally|initially|at first|used to|from what)\b/;
/** A change's verb or noun, then its "from" a few words on: "rise from", "increase the number of colleges from". */
const CHANGE_FROM = new RegExp(`\\b(?:${CHANGE_STEMS}|up|down)\\w*\\b[^,;.]{0,60}\\bfrom\\s+$`, 'i');
/** A change's verb just before its size: "grew 17.9%", "fell by 3%", "closed up 23 points". */
const CHANGE_BY = new RegExp(`\\b(?:(?:${CHANGE_STEMS})\\w*|up|down)\\s+(?:by\\s+)?(?:(?!from\\b)\\w+\\s+)?$`, 'i');
/** "…102 in 2003 to 81": the year a change's start stands at, after it. */
const IN_YEAR = new RegExp(`^\\s+in\\s+(${YEAR_DIGITS})\\b`);
/** The "to" after a change's start, the start's year between: " to ", " in 2003 to ". */
const CHANGE_TO = new RegExp(`^\\s+(?:in\\s+${YEAR_DIGITS}\\s+)?to\\s+`, 'i');
/** How far back a change's verb may stand from the figure. */
const CHANGE_REACH = 80;
/**
 * A question about a change itself: "by how much did it grow", "how many more are out of
 * work", "how much did shares plunge". Not "how much did Leeds lose" (the loss is a sum),
 * nor "what did it grow to" (the level).
 */
const ASKS_CHANGE = new RegExp(`(?:^|\\s)(?:by how much|how many more|how much more|how many fewer|how much less|(?:${CHANGE_STEMS})\\w*(?!\\s+to\\b))(?=\\s|$)`);

/**
 * A figure a change starts from ("rise from 350 to 400"; a range with no change, "from £20
 * to £80", is not one) or goes by ("grew 17.9% to 12.011 trillion yen"), when the one it
 * goes to follows: `before` says which.
 */
function changesOnTo(before: RegExp, quantity: Quantity, text: string, quantities: Quantity[]): boolean {
  if (!before.test(text.slice(Math.max(0, quantity.start - CHANGE_REACH), quantity.start))) return false;
  // "fell from 102 in 2003 to 81": the year of the start may stand between.
  const to = CHANGE_TO.exec(text.slice(quantity.end));
  return to !== null && quantities.some((other) => other.start === quantity.end + to[0].length);
}

/** The clause a cause opens: up to the sentence's end or a semicolon ("U.S." goes on). */
const CAUSE_CLAUSE = String.raw`((?:[^.;]|(?<=\b[A-Z])\.){5,200})`;
/** Words that state a cause or a purpose outright. */
const STATED_CAUSE = new RegExp(String.raw`\b(because(?: of)?|due to|as a result of|in order to|so that|so as to|owing to|thanks to|in protest (?:at|against|over)|to protest|in a bid to|in an effort to|in response to|citing|blamed on|caused by)\s+` + CAUSE_CLAUSE, 'i');
/**
 * Words a reader asking why takes for the cause when the sentence states none outright: what
 * came first ("sacked after testing positive", "following the merger"; not "named after",
 * "after 10 years", "the following day", "a large following among…"), what surrounded it
 * ("amid"), and what a deed was punished or praised for ("fined for calling the referee…",
 * after a participle) or "for … reasons".
 */
const IMPLIED_CAUSE = new RegExp(
  String.raw`\b((?<!\bnamed )[Aa]fter(?!\s+\d)|[Ff]ollowing(?=\s+(?:(?:the|a|an|his|her|their|its|this|that|these|those)\b|[A-Z\d]))|[Aa]mid|(?<=\b\w+(?:ed|en)\b(?:\s+\S+){0,3}\s)for(?=\s+[a-z]+ing\b)|[Ff]or(?=\s+(?:\S+\s+){0,2}reasons?\b))\s+` + CAUSE_CLAUSE,
);

/** The cause a sentence gives, as its clause ("Because of the referee"): one stated outright first, wherever it stands. */
export function extractWhy(input: ExtractionInput): Extraction | undefined {
  const text = input.facts.text;
  const cause = STATED_CAUSE.exec(text) ?? IMPLIED_CAUSE.exec(text);
  if (!cause) return undefined;
  // A clause longer than CAUSE_CLAUSE reads stops at its last whole word, and says it goes on: never "during the Firs".
  const end = cause.index + cause[0].length;
  const goesOn = end < text.length && !/^[.;]/.test(text.slice(end));
  const clause = goesOn ? `${cause[2]!.replace(/\s+\S*$/, '')}…` : cause[2]!;
  return { short: capitalise(`${cause[1]} ${clause}`.trim()), people: [] };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

