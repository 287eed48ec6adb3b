import { isCommonWord, isVerbForm } from '../lexicon/shared-wordnet.js';
import { STOPWORDS } from '../text/stopwords.js';
import { EVENT_ENDINGS, isDemonym, isGazetteerPlace, MONTHS, NOT_NAMES, NOT_PERSON_WORDS, ORG_WORDS, PLACE_WORDS, ROLE_WORDS, THING_WORDS, WEEKDAYS } from './gazetteer.js';

export type EntityKind = 'person' | 'org' | 'place' | 'other';

export interface EntityMention {
  text: string;
  kind: EntityKind;
  start: number;
  end: number;
  /** The position the sentence gives the person: "Secretary General of Amnesty International". */
  role?: string;
}

const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'on', 'de', 'du', 'da', 'al', 'von', 'van', 'der', 'la', 'le', '&']);
/** A word, or a parenthesis; an apostrophe ends none ("the United States' aggression" names the United States). */
const TOKEN = /\((?:[^()]{1,40})\)|[\p{L}\p{N}][\p{L}\p{N}'’.&-]*(?<!['’])/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

/** A title that only ever stands before a person's name: "Mr Slattery" is a person, however short. */
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady)\.?$/i;
/** A name's middle initial ("Walter M Phillips", "George W. Bush"). */
const INITIAL = /^\p{Lu}\.?$/u;
/** What may follow a person's surname: "Martin Luther King Jr". */
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;
const PROPER_WORD = /^[\p{Lu}][\p{L}'’-]+$/u;
/** What stands just before the first word of a quote. */
const OPENING_QUOTE = /["“‘]\s*$/;

/**
 * Whether words are shaped like a person's name: two or three proper words, with middle
 * initials and a closing "Jr" allowed ("Walter M Phillips Jr").
 */
function hasNameShape(words: string[]): boolean {
  const core = words.length > 2 && NAME_SUFFIX.test(words[words.length - 1]!) ? words.slice(0, -1) : words;
  const proper = core.filter((word) => !INITIAL.test(word));
  const initialsInside = core.every((word, i) => !INITIAL.test(word) || (i > 0 && i < core.length - 1));
  return initialsInside && proper.length >= 2 && proper.length <= 3 && proper.every((word) => PROPER_WORD.test(word));
}

/** A day or month after "on": "in Hove on Saturday" is a place and a day, not one name ("Fourth of July" is one). */
const isCalendarWord = (text: string): boolean => {
  const word = bare(text).toLowerCase();
  return (WEEKDAYS as readonly string[]).includes(word) || (MONTHS as readonly string[]).includes(word);
};

const isCapitalised = (text: string): boolean => /^\(?[\p{Lu}]/u.test(text) || /^\d+[A-Z]/.test(text);
const bare = (text: string): string => text.replace(/[’']s$/, '').replace(/\.$/, '');
const isPlace = isGazetteerPlace;
const isKeyword = (text: string): boolean => {
  const word = bare(text).toLowerCase();
  return ORG_WORDS.has(word) || ROLE_WORDS.has(word) || isPlace(word) || text.startsWith('(');
};

/**
 * "Lamine Diack and Namibian athlete Frankie Fredericks": a nationality before a lower-case
 * word describes the next name; it doesn't go on with the one before the "and" (as "Marks
 * and Spencer" does).
 */
function describesNext(tokens: Token[], at: number): boolean {
  const word = bare(tokens[at]!.text);
  const following = tokens[at + 1];
  return following !== undefined && !isCapitalised(following.text) && (isDemonym(word) || NOT_PERSON_WORDS.has(word.toLowerCase()));
}

/**
 * The two people a name joins with "and" ("Jamie Foxx and Hilary Swank"), when each side is
 * shaped like a person's full name; undefined for any other name ("Marks and Spencer",
 * "Bosnia and Herzegovina", "Tony Blair and Labour").
 */
export function peopleJoined(name: string): string[] | undefined {
  const sides = name.split(' and ');
  const isPerson = (side: string): boolean => {
    const words = side.split(' ');
    return hasNameShape(words) && kindOf(words) === 'person';
  };
  return sides.length === 2 && sides.every(isPerson) ? sides : undefined;
}

/** Finds the capitalised names in a sentence and says what each probably is. */
export function extractEntities(sentence: string): EntityMention[] {
  const tokens: Token[] = [...sentence.matchAll(TOKEN)].map((match) => ({
    text: match[0],
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
  const mentions: EntityMention[] = [];
  let index = 0;
  while (index < tokens.length) {
    if (!isCapitalised(tokens[index]!.text)) {
      index += 1;
      continue;
    }
    const run: Token[] = [tokens[index]!];
    let next = index + 1;
    while (next < tokens.length) {
      const token = tokens[next]!;
      const gap = sentence.slice(run[run.length - 1]!.end, token.start);
      if (/[,;:"“”]|\s-\s/.test(gap) || /\.$/.test(run[run.length - 1]!.text) && !/^[A-Z]\.$/.test(run[run.length - 1]!.text)) break;
      if (isCapitalised(token.text)) {
        run.push(token);
        next += 1;
      } else if (CONNECTORS.has(token.text) && next + 1 < tokens.length && isCapitalised(tokens[next + 1]!.text) && !(token.text === 'on' && isCalendarWord(tokens[next + 1]!.text)) && !(token.text === 'and' && describesNext(tokens, next + 1))) {
        run.push(token);
        next += 1;
      } else if (
        CONNECTORS.has(token.text) && next + 2 < tokens.length &&
        tokens[next + 1]!.text === 'the' && isCapitalised(tokens[next + 2]!.text)
      ) {
        run.push(token, tokens[next + 1]!); // "Secretary General of the Amnesty International"
        next += 2;
      } else break;
    }
    index = next;
    mentions.push(...classifyRun(sentence, run));
  }
  return mentions;
}

function classifyRun(sentence: string, run: Token[]): EntityMention[] {
  // Capitalised only because it opens the sentence or a quote: "But", "However", "Directed by…",
  // 'said: "Normally…'; not a name that ends the same way ("Kelly", "Boeing", "Mohammed").
  const opensSentenceOnly = (token: Token): boolean => (token.start === 0 || OPENING_QUOTE.test(sentence.slice(0, token.start))) && /^[A-Z][a-z]+(ed|ing|ly)$/.test(token.text) && isCommonWord(token.text.toLowerCase());
  // "Mr Sears and Ms Druyun", "Harvey Keitel and Sir Roger Moore": a title after "and" opens another person.
  const joined = run.findIndex((token, i) => token.text === 'and' && i > 0 && HONORIFIC.test(run[i + 1]?.text ?? ''));
  if (joined > 0) return [...classifyRun(sentence, run.slice(0, joined)), ...classifyRun(sentence, run.slice(joined + 1))];
  const titled = run.length >= 2 && HONORIFIC.test(run[0]!.text);
  while (run.length > 0 && (NOT_NAMES.has(bare(run[0]!.text).toLowerCase()) || CONNECTORS.has(run[0]!.text) || opensSentenceOnly(run[0]!))) run.shift();
  while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!.text)) run.pop();
  if (run.length === 0) return [];
  const owned = possessiveSplit(run);
  if (owned) {
    const [owner, tail] = [classifyRun(sentence, run.slice(0, owned.at)), classifyRun(sentence, run.slice(owned.at))];
    // "Martin Scorsese's The Aviator": what he owns is a title, whatever it looks like.
    return [...owner, ...(owned.title ? tail.map(({ text, start, end }) => ({ text, start, end, kind: 'other' as const })) : tail)];
  }
  const span = (tokens: Token[]): { text: string; start: number; end: number } => {
    const start = tokens[0]!.start;
    const last = tokens[tokens.length - 1]!;
    const text = bare(sentence.slice(start, last.end));
    return { text, start, end: start + text.length };
  };
  const words = run.map((token) => bare(token.text));
  // The title drops off ("Mr" is not part of the name), but it says who the name is.
  // "Lord Chancellor", "Lord Chief Justice" are roles, not people.
  // ("Mr" may already be gone with the other words that never start a name.)
  const titledName = titled ? run.slice(HONORIFIC.test(run[0]!.text) ? 1 : 0) : [];
  const nameWords = titledName.map((token) => bare(token.text));
  if (titledName.length > 0 && titledName.length <= 3 && nameWords.every((word) => (PROPER_WORD.test(word) || INITIAL.test(word)) && !ROLE_WORDS.has(word.toLowerCase()) && !NOT_PERSON_WORDS.has(word.toLowerCase()))) {
    return [{ ...span(titledName), kind: 'person' }];
  }
  const lastKeyword = afterHead(words, run);
  const tail = run.slice(lastKeyword + 1);
  const tailWords = tail.map((t) => bare(t.text));
  const tailIsName = !tail.some((t) => isKeyword(t.text)) && ((tail.length === 1 && PROPER_WORD.test(tailWords[0]!) && !NAME_SUFFIX.test(tailWords[0]!)) || hasNameShape(tailWords));
  if (lastKeyword >= 0 && tailIsName) {
    const head = run.slice(0, lastKeyword + 1);
    const headWords = head.map((t) => bare(t.text).toLowerCase());
    const headHasRole = headWords.some((word) => ROLE_WORDS.has(word));
    if (tail.length >= 2 || headHasRole) {
      const person: EntityMention = { ...span(tail), kind: 'person' };
      // "Judge Lord Cullen": the honorific goes with the name, not the role ("the Judge", not "the Judge Lord");
      // "Said Mr Bysshe" has no role once "Mr" goes.
      const role = span(head).text.replace(/^the\s+/i, '').replace(/\s+(?:Lord|Lady|Sir|Dame|Mr|Mrs|Ms|Miss|Dr)\.?$/, '');
      const roleHasRoleWord = role.split(/\s+/).some((word) => ROLE_WORDS.has(bare(word).toLowerCase()) && !HONORIFIC.test(word));
      if (headHasRole && roleHasRoleWord) person.role = role;
      else person.role = afterNameRole(sentence, person.end);
      const headKind = kindOf(head.map((t) => bare(t.text)));
      const result: EntityMention[] = [person];
      if (headKind !== 'other' && !headHasRole) result.unshift({ ...span(head), kind: headKind });
      return result;
    }
  }
  const mention: EntityMention = { ...span(run), kind: kindOf(words) };
  if (mention.kind === 'person') {
    const role = afterNameRole(sentence, mention.end) ?? beforeNameRole(sentence, mention.start);
    if (role) mention.role = role;
  }
  return [mention];
}

/**
 * Where a possessive splits a run into two names, the owner and what it owns: a person
 * ("Million Dollar Baby's Hilary Swank", "Britain's Kelly Holmes": words shaped like a
 * person's name, opening with no common English word, so "St John's Wood" and "Jack's
 * Snooker Hall" stay one) or a title ("Martin Scorsese's The Aviator", "Alice Sebold's The
 * Lovely Bones": opening with an article or a possessive pronoun). Only the last possessive
 * of a run is read; undefined when it splits nothing.
 */
function possessiveSplit(run: Token[]): { at: number; title: boolean } | undefined {
  for (let at = run.length - 2; at >= 0; at--) {
    if (!/[’']s$/.test(run[at]!.text)) continue;
    const tail = run.slice(at + 1).map((token) => bare(token.text));
    if (/^(?:the|a|an|my|his|her|its|our|their|your)$/i.test(tail[0]!)) return tail.length > 1 ? { at: at + 1, title: true } : undefined;
    return hasNameShape(tail) && kindOf(tail) === 'person' && !isCommonWord(tail[0]!.toLowerCase()) ? { at: at + 1, title: false } : undefined;
  }
  return undefined;
}

/**
 * Where a title or body ends and a person's name may begin: after the last keyword
 * ("Bolton boss | Sam Allardyce"). After "of", "on", "for" the words go on naming the body
 * ("Convention on Climate Change"); a person follows only as the last two of three or more
 * ("Secretary of State for Defence | Geoff Hoon"). -1: no name follows.
 */
function afterHead(words: string[], run: Token[]): number {
  const last = words.findLastIndex((word, i) => isKeyword(run[i]!.text) || CONNECTORS.has(word));
  if (last < 0 || !CONNECTORS.has(words[last]!)) return last;
  // Only a title is followed by a person: "Institute for Public Policy Research" is one body.
  const titleBefore = words.slice(0, last).some((word) => ROLE_WORDS.has(word.toLowerCase()));
  const following = words.length - last - 1;
  return titleBefore && following >= 3 ? words.length - 3 : -1;
}

function kindOf(words: string[]): EntityKind {
  const lower = words.map((word) => word.toLowerCase());
  if (isPlace(words.join(' '))) return 'place';
  // "Committee of the Olympic Games" is a body: the contest only qualifies what it names.
  if (words.length >= 2 && EVENT_ENDINGS.has(lower[lower.length - 1]!) && !lower.some((word) => CONNECTORS.has(word))) return 'other';
  if (lower.some((word) => ORG_WORDS.has(word))) return 'org';
  if (words.length === 1 && isPlace(words[0]!)) return 'place';
  const last = lower[lower.length - 1]!;
  if (words.length >= 2 && PLACE_WORDS.has(last)) return 'place';
  if (words.length >= 2 && THING_WORDS.has(last)) return 'other';
  if (
    hasNameShape(words) &&
    !lower.some((word) => (MONTHS as readonly string[]).includes(word) || ROLE_WORDS.has(word) || NOT_PERSON_WORDS.has(word) || isPlace(word))
  ) {
    return 'person';
  }
  return 'other';
}

/**
 * A role's modifiers ("former", "deputy prime") are not verbs or prepositions: "axed by former
 * coach" is "former coach"; a possessive is one ("the MDA's chairman", not "s chairman"); a
 * prefix is part of the role ("Tory co-chairman", "vice-president").
 */
const LOWER_ROLE = new RegExp(
  `\\b(?:the\\s+)?((?:(?!(?:by|to|from|with|for|of|at|in|on|and|or|was|is|were|are|has|have|had|said|says)\\s)[a-z-]+(?:['’]s)?\\s+){0,3}(?:[a-z]+-)?(?:${lowerRoleHeads()}))\\s+$`,
  'i',
);

/**
 * The role words that end a lower-case title before a name ("Arsenal keeper Jens Lehmann"):
 * all of ROLE_WORDS but the honorifics, written with a capital ("Mr", "Lord"), and the words
 * that only qualify another ("deputy", "vice", "general", "chief" alone), longest first.
 */
function lowerRoleHeads(): string {
  const notHeads = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'deputy', 'vice', 'general', 'chief', 'executive']);
  return [...ROLE_WORDS].filter((word) => !notHeads.has(word)).sort((a, b) => b.length - a.length).join('|');
}

/**
 * The words of a title before a name, without the sentence's words before them: "gave
 * Rangers manager" is "Rangers manager", "its founder" is "founder". A lower-case word that is
 * a little word or a verb's inflection (WordNet: "gave", "praised", "allowing"; not "managing"
 * of "managing director", nor "former" or "retired") ends what describes the person.
 */
function titleWords(phrase: string, wordBefore = ''): string {
  const parts = phrase.split(/\s+/);
  const capitalised = (i: number): boolean => /^\p{Lu}/u.test(parts[i] ?? '');
  for (let i = parts.length - 2; i >= 0; i--) {
    const word = parts[i]!;
    if (capitalised(i)) continue;
    // "Bank of England", "Touching the Void": "of" and "the" inside a name the title belongs to.
    if (NAME_CONNECTOR.test(word) && capitalised(i + 1) && parts.slice(0, i).reverse().find((other) => !NAME_CONNECTOR.test(other))?.match(/^\p{Lu}/u)) continue;
    if (STOPWORDS.has(word)) return parts.slice(i + 1).join(' ');
    // "Kyrgyzstan's ousted president", "of exiled leader": after a determiner, a verb's form describes.
    if (isVerbForm(word, parts[i + 1]!.toLowerCase()) && !DESCRIBED_AFTER.test(i > 0 ? parts[i - 1]! : wordBefore)) return parts.slice(i + 1).join(' ');
  }
  return phrase;
}

/** What stands before a verb's form that describes the title ("the ousted president"), not acts on it ("praised striker"). */
const DESCRIBED_AFTER = /^(?:the|a|an|its|his|her|their|our|this|that|of|for|\S+['’]s)$/i;

/** Little words a name goes on through: "Bank of England", "Institute for Fiscal Studies". */
const NAME_CONNECTOR = /^(?:of|for|the)$/;
/** A name with "of" or "for" just before a title that goes on with it: "Bank of England deputy governor". */
const OWNER_BEFORE = /(?:^|\s)((?:\p{Lu}[\p{L}&'’.-]*\s+)+(?:of|for)\s+(?:the\s+)?)$/u;

/** Words that open a clause, not a description: what follows a name's comma after them is no role. */
const CLAUSE_OPENER = /^(?:while|whereas|but|and|or|after|before|when|although|though|because|since|if|where|with|despite)\b/i;

/** "…, the chancellor, said" or "…, chief executive of Yukos," right after a name. */
function afterNameRole(sentence: string, end: number): string | undefined {
  const after = /^\s*,\s+((?:the|a|an)\s+)?([^,;.()"“”]{3,90}?)\s*(?:,|;|\.|\)|$)/.exec(sentence.slice(end));
  if (!after) return undefined;
  // "Otis Ferry, the 22-year-old son of rock star Bryan Ferry and Luke Tomlinson, 27, a…": a
  // name with its own age after it is the next of a list, not part of the description.
  const listed = /^\s*\d{1,3}\s*,/.test(sentence.slice(end + after[0].length)) ? /\s+and\s+\p{Lu}[^,]*$/u.exec(after[2]!) : null;
  const phrase = listed ? after[2]!.slice(0, listed.index) : after[2]!;
  const hasRole = phrase.split(/\s+/).some((word) => ROLE_WORDS.has(word.toLowerCase()));
  // "Hilary Swank, while Clive Owen… failed to win best supporting actor": a clause, not a description.
  if (!hasRole || /\b(said|says|told|was|is|has|had|who|which)\b/.test(phrase) || CLAUSE_OPENER.test(phrase)) return undefined;
  return (after[1] ?? '') + phrase;
}

/** "chief executive John Smith": a lower-case title just before the name. */
function beforeNameRole(sentence: string, start: number): string | undefined {
  const window = sentence.slice(Math.max(0, start - 60), start);
  const before = LOWER_ROLE.exec(window);
  if (!before) return undefined;
  let phrase = before[1]!.trim();
  let phraseStart = before.index + before[0].indexOf(before[1]!);
  // "Bank of England deputy governor": the title's words can't hold "of", the name before it can.
  const owner = /^\p{Lu}/u.test(phrase) ? OWNER_BEFORE.exec(window.slice(0, phraseStart)) : null;
  if (owner) {
    phrase = owner[1]! + phrase;
    phraseStart -= owner[1]!.length;
  }
  const wordBefore = /(\S+)\s*$/.exec(window.slice(0, phraseStart))?.[1] ?? '';
  // "But Labour's campaign spokesman", "declared Kasabian's singer": a possessive opens the role.
  const role = titleWords(phrase, wordBefore).replace(/^.*?\s(?=\S+['’]s\s)/, '');
  // "whether tottenham's boss": a possessive is a name's, written with a capital.
  return /^\p{Ll}\S*['’]s\s/u.test(role) ? role.replace(/^\S+['’]s\s+/, '') : role;
}
