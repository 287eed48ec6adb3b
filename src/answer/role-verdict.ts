import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { ROLE_WORDS } from '../knowledge/gazetteer.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';
import type { QuestionTerms } from './question-terms.js';
import type { ParsedQuestion } from './question.js';
import type { Verdict } from './yes-no.js';

/** "is Martin Jol…", "was she…": a question about who someone is. */
const IDENTITY = /^(?:(?:and|so) )?(?:is|was|isn't|wasn't|isnt|wasnt) (.+)$/;
/** "…from Amnesty", "…with Bath", "…at the LSE": a question about whom someone belongs to. */
const MEMBERSHIP = /^(?:the |a |an )?(?:from|with|at|of|part of|working for|playing for)\b/;
/** Words that make a role another one: the deputy chief executive is not the chief executive. */
const ROLE_QUALIFIERS = new Set(['deputy', 'vice', 'former', 'ex', 'acting', 'assistant', 'interim', 'shadow']);

/**
 * "is Martin Jol the Nottingham Forest manager?", "is she from Amnesty?": who someone is is
 * answered by the role the article gives them, not by a sentence that names them near the
 * question's words ("Tottenham manager Martin Jol … Forest manager Gary Megson" holds every
 * word of the question). Yes when the role holds what is asked (a related word will do);
 * no when it lacks a name the question gives ("Tottenham manager" for "the Nottingham
 * Forest manager") or adds a qualifier it doesn't ("deputy chief executive"); otherwise
 * the role doesn't settle it. Undefined when the question doesn't ask who someone is, or
 * the article gives the person no role.
 */
export function roleVerdict(question: ParsedQuestion, knowledge: ArticleKnowledge, terms: QuestionTerms): Verdict | undefined {
  const asked = IDENTITY.exec(question.folded)?.[1];
  if (!asked) return undefined;
  const askedWords = words(asked);
  for (const [key, person] of knowledge.people) {
    if (person.kind !== 'person' || !person.role) continue;
    const named = nameLength(key, askedWords);
    if (named === 0) continue;
    const restText = askedWords.slice(named).join(' ');
    const rest = askedWords.slice(named).filter((word) => !STOPWORDS.has(word));
    if (rest.length === 0 || !(rest.some((word) => ROLE_WORDS.has(word)) || MEMBERSHIP.test(restText))) return undefined;
    return compare(rest, person.role, terms);
  }
  return undefined;
}

/** How many of the asked words name the person: the whole name, or the surname alone; 0 when they don't open with it. */
function nameLength(key: string, askedWords: string[]): number {
  const nameWords = key.split(' ');
  if (askedWords.slice(0, nameWords.length).join(' ') === key) return nameWords.length;
  return nameWords.length > 1 && askedWords[0] === nameWords.at(-1) ? 1 : 0;
}

function compare(rest: string[], role: string, terms: QuestionTerms): Verdict {
  const roleWords = words(role);
  const roleStems = new Set(roleWords.map(stem));
  const inRole = (word: string): boolean => {
    const term = stem(word);
    return roleStems.has(term) || (terms.alternatives.get(term) ?? []).some((other) => roleStems.has(other));
  };
  const missing = rest.filter((word) => !inRole(word));
  if (missing.some((word) => terms.names.has(stem(word)))) return 'no';
  if (missing.length > 0) return 'unknown';
  return roleWords.some((word) => ROLE_QUALIFIERS.has(word) && !rest.includes(word)) ? 'no' : 'yes';
}
