import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { ROLE_WORDS } from '../knowledge/gazetteer.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';
import type { QuestionTerms } from './question-terms.js';
import type { ParsedQuestion } from './question.js';
import { qualifiedBeyond, relatedStemsOf, roleHolds } from './roles.js';
import type { Verdict } from './yes-no.js';

/** "is Martin Jol…", "was she…": a question about who someone is. */
const IDENTITY = /^(?:(?:and|so) )?(?:is|was|isn't|wasn't|isnt|wasnt) (.+)$/;
/** "…from Amnesty", "…with Bath": a question about whom someone belongs to. */
const MEMBERSHIP = /^(?:from|with|of|working for|playing for) (?:the )?[a-z]+(?: [a-z]+){0,2}$/;
/** "…the ombudsperson of azerbaijan", "…the chief executive of cairn": a role, then whose it is. */
const WHOSE_ROLE = / of (?:the )?[a-z]+(?: [a-z]+){0,2}$/;
/**
 * A role phrase is short: "the nottingham forest manager", "the governor of the bank of
 * england" (its little words aside); more words ask something else.
 */
const MAX_ROLE_WORDS = 4;
/**
 * "is Martin Jol the Nottingham Forest manager?", "is she from Amnesty?": who someone is is
 * answered by the role the article gives them, not by a sentence that names them near the
 * question's words ("Tottenham manager Martin Jol … Forest manager Gary Megson" holds every
 * word of the question). Yes when the role holds what is asked (a related word will do);
 * no when it lacks a name the question gives ("Tottenham manager" for "the Nottingham
 * Forest manager") or adds a qualifier it doesn't ("deputy chief executive"). Undefined,
 * and the passage is read as usual, when the question asks anything more than a role ("is
 * Gordon Brown at the G8 summit?", "was he chancellor in 2005?"), when the role doesn't
 * settle it, when the name could be two people, or when the article gives no role.
 */
export function roleVerdict(question: ParsedQuestion, knowledge: ArticleKnowledge, terms: QuestionTerms): Verdict | undefined {
  const asked = IDENTITY.exec(question.folded)?.[1];
  if (!asked) return undefined;
  const askedWords = words(asked);
  const named = [...knowledge.people].flatMap(([key, person]) => {
    const length = nameLength(key, askedWords);
    return length > 0 && person.kind === 'person' ? [{ person, length }] : [];
  });
  // "is Brown the defender?" with Gordon and Wes Brown in the article: which one is asked about?
  if (named.length !== 1) return undefined;
  const { person, length } = named[0]!;
  const restWords = askedWords.slice(length);
  if (!person.role || !asksOnlyRole(restWords)) return undefined;
  const roleAsked = restWords.filter((word) => !STOPWORDS.has(word));
  // "…the star of ray": whose role it is must be in the person's role before it can settle anything.
  const whose = words(WHOSE_ROLE.exec(restWords.join(' '))?.[0] ?? '').filter((word) => !STOPWORDS.has(word));
  const verdict = whose.every(roleHolds(person.role, roleAsked, relatedStemsOf(terms))) ? compare(roleAsked, person.role, terms) : undefined;
  if (verdict !== undefined) return verdict;
  // "is Callamard the ombudsperson?" when the article makes Sabina Aliyeva the Ombudsperson:
  // someone else holds it. Only "the" post is one person's: many are "a minister".
  const heldByOther = restWords[0] === 'the' && [...knowledge.people.values()].some((other) => other !== person && other.kind === 'person' && other.role !== undefined && roleAsked.every(roleHolds(other.role, roleAsked, relatedStemsOf(terms))));
  return heldByOther ? 'no' : undefined;
}

/**
 * Whether the words after the name ask only who the person is: a role phrase ending in a
 * role word ("the nottingham forest manager", "ryanair s chief executive", "the ombudsperson
 * of azerbaijan"), or whom they belong to ("from amnesty international").
 */
function asksOnlyRole(rest: string[]): boolean {
  if (rest.length === 0 || rest.filter((word) => !STOPWORDS.has(word)).length > MAX_ROLE_WORDS) return false;
  const phrase = rest.join(' ');
  // "the ombudsperson of azerbaijan": the role ends before whose it is.
  const role = phrase.replace(WHOSE_ROLE, '').split(' ');
  return ROLE_WORDS.has(role.at(-1)!) || MEMBERSHIP.test(phrase);
}

/** How many of the asked words name the person: the whole name, or the surname alone; 0 when they don't open with it. */
function nameLength(key: string, askedWords: string[]): number {
  const nameWords = key.split(' ');
  if (askedWords.slice(0, nameWords.length).join(' ') === key) return nameWords.length;
  return nameWords.length > 1 && askedWords[0] === nameWords.at(-1) ? 1 : 0;
}

function compare(rest: string[], role: string, terms: QuestionTerms): Verdict | undefined {
  const inRole = roleHolds(role, rest, relatedStemsOf(terms));
  const missing = rest.filter((word) => !inRole(word));
  if (missing.some((word) => terms.names.has(stem(word)))) return 'no';
  if (missing.length > 0) return undefined;
  return qualifiedBeyond(role, rest) ? 'no' : 'yes';
}
