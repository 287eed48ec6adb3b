import { refOf } from '../content/article.js';
import { attributed, lowerFirst } from '../knowledge/claims.js';
import type { Answer } from './answer.js';
import type { Candidate } from './candidates.js';
import { MAX_SUPPORT_CHARS, trimAround, withContinuation } from './passage.js';
import type { ParsedQuestion } from './question.js';
import type { QuestionTerms } from './question-terms.js';
import { yesNoShort } from './yes-no.js';

/** A whole answer (short answer, supporting sentence, source line) fits a phone screen. */
const MAX_REPLY_CHARS = 400;
/** The longest a supporting sentence may be, when the reply has room for it. */
const MAX_SENTENCE_CHARS = 320;
/** Room the source line takes besides the headline and publisher ("Source: … (…, 1 May 2025)"). */
const SOURCE_LINE_CHARS = 30;

/** An answer's first letter as the sentence writes it: "nearly 4,000", but "Armenia". */
function asWritten(short: string, sentence: string): string {
  const first = short.split(' ')[0]!.toLowerCase();
  const writtenLower = sentence.split(/[^\p{L}\p{N}'’-]+/u).includes(first);
  return writtenLower ? short.charAt(0).toLowerCase() + short.slice(1) : short;
}

/**
 * One contains the other, or both end in the same name: "Mr Davies" and "Quentin Davies, the
 * MP for Grantham". "the Home Office" and "Charles Clarke, the Home Secretary" share a word,
 * not a person.
 */
function namesAlike(source: string, answer: string): boolean {
  if (source.includes(answer) || answer.includes(source)) return true;
  const lastName = (text: string): string | undefined => /(\p{Lu}[\p{L}'’-]+)\s*$/u.exec(text.split(', ')[0]!)?.[1];
  const name = lastName(answer);
  return name !== undefined && name === lastName(source);
}

/** The answers taken from an attributed claim that stay attributed to it. */
const ATTRIBUTED_TYPES = new Set<Answer['type']>(['who', 'howMany', 'why', 'what']);

/** Openings of a reply that says the passage lacks what was asked: an honest partial answer. */
export const NOT_STATED: Partial<Record<Answer['type'], string>> = {
  who: "The article doesn't name who. The closest it comes:",
  when: "The article doesn't say when. The closest it comes:",
  where: "The article doesn't say where. The closest it comes:",
  howMany: "The article doesn't give that number. The closest it comes:",
};

/** The reply for one candidate: the short answer, the passage it comes from, the source. */
export function compose(question: ParsedQuestion, candidate: Candidate, terms: QuestionTerms, confidence: number): Answer {
  const { facts, extraction } = candidate;
  const knowledge = candidate.hit.sentence.knowledge;
  const sourceChars = knowledge.article.title.length + (knowledge.article.source?.length ?? 0) + SOURCE_LINE_CHARS;
  const shortChars = extraction ? extraction.short.length + 10 : 60;
  const room = Math.max(MAX_SUPPORT_CHARS / 2, Math.min(MAX_SENTENCE_CHARS, MAX_REPLY_CHARS - sourceChars - shortChars));
  const sentence = trimAround(extraction ? facts.text : withContinuation(facts, knowledge, room), terms.stems, room);
  const claim = facts.claim;
  let short: string;
  let support: string | undefined = sentence;
  if (question.type === 'yesNo') {
    short = yesNoShort(candidate.yesNo?.verdict ?? 'unknown', candidate, terms);
  } else if (extraction) {
    short = extraction.short;
    // Who did it, how many and why are what a claim asserts: taken from one, they are the
    // claim's, not facts ("who is responsible?" -> "According to the letter, Armenia"). Its
    // time and place are the setting. "According to the 20-year-old, 20-year-old" or
    // "According to Mr Davies, Quentin Davies" says nothing: only a source apart from the answer.
    if (claim && ATTRIBUTED_TYPES.has(question.type) && !namesAlike(claim.source, short)) short = `According to ${lowerFirst(claim.source)}, ${asWritten(short, facts.text)}`;
  } else if (NOT_STATED[question.type]) {
    // Asked for a name, date, place or number the passage doesn't hold: say so.
    short = NOT_STATED[question.type]!;
  } else if (claim?.content && !/^according to\b/i.test(sentence)) {
    short = attributed(claim, trimAround(claim.content, terms.stems));
  } else {
    short = /[.!?)"”…]$/.test(sentence) ? sentence : `${sentence}.`;
    support = undefined;
  }
  // "The article doesn't name who", "The article doesn't say": the reply asserts nothing.
  const unstated = extraction === undefined && (question.type === 'yesNo' ? candidate.yesNo?.verdict !== 'yes' && candidate.yesNo?.verdict !== 'no' : NOT_STATED[question.type] !== undefined);
  return {
    type: question.type,
    ...(unstated ? { unstated: true as const } : {}),
    short,
    ...(support && support !== short ? { support } : {}),
    article: refOf(knowledge.article),
    ...(knowledge.article.source ? { publisher: knowledge.article.source } : {}),
    confidence: Math.round(confidence * 100) / 100,
    people: extraction?.people.length ? extraction.people : facts.entities.filter((e) => e.kind === 'person').map((e) => e.text),
    entities: [...(extraction?.people ?? []).map((text) => ({ text, kind: 'person' as const })), ...facts.entities.map(({ text, kind }) => ({ text, kind }))],
    topicWords: terms.words,
  };
}
