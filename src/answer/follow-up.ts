import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { words } from '../text/normalize.js';
import type { AnswerContext } from './answer.js';
import { type Gender, gendersIn, PERSON_PRONOUN, pronounGender } from './gender.js';
import { FILED_FROM, type ParsedQuestion, parseQuestion } from './question.js';

export { PERSON_PRONOUN };
const THING_PRONOUN = /\b(it|its)\b/;
const GROUP_PRONOUN = /\b(they|them|their|theirs)\b/;
/** "what year was that?", "how much is this one": a word pointing back at what was just said. */
const DEMONSTRATIVE = /\b(that|this|those|these)\b/;
/** "and when?", "what about Arsenal?": openings that continue the previous question. */
const CONTINUES = /^(?:and|what about|how about|also|so|then)\b/;
/**
 * Words a message can be made of and still lean on the previous question: question words,
 * auxiliaries, pronouns, prepositions. "when?", "to whom?", "why was that?" are made of
 * nothing else; "what is 2+2" is not.
 */
const LEANING_WORDS = new Set(
  `and so then also what about how who whom whose when where why which is was are were did does do has have had
  it its that this they them their he him his she her hers to from for of by with at in on the a an
  exactly much many long old happen happened then ok okay really more tell me about`.split(/\s+/),
);
const LEANING = /^(?:(?:and|so|then) )?(?:what|when|where|why|how|who)\b(?: \w+)?(?: it| its)\b(?: \w+)?$|\bis it (?:true|so)\b/;
const ARTICLE_LEVEL = new Set(['summary', 'published', 'claims']);

/**
 * A follow-up can't stand alone: it borrows the previous question's subject, and a pronoun
 * takes the most recent entity of its kind (and gender, where `contextArticle`, the chat's
 * article, says it). A message that stands alone is left as it is.
 */
export function resolveFollowUp(question: ParsedQuestion, context: AnswerContext, contextArticle?: ArticleKnowledge): { question: ParsedQuestion; followUp: boolean } {
  const referent = pronounReferent(question.folded, context, contextArticle);
  if (referent) {
    // "and who is she?" is "who is Agnès Callamard?": the name is the whole subject.
    const resolved = question.folded.replace(CONTINUES, '').trim().replace(PERSON_PRONOUN, referent).replace(THING_PRONOUN, referent).replace(GROUP_PRONOUN, referent);
    return { question: { ...parseQuestion(resolved), pronounReferent: referent }, followUp: true };
  }
  // "who's her husband?" with no "her" known: still about the previous subject, not anyone's husband.
  if ((leansOnPrevious(question) || pronounOnly(question)) && context.topicWords?.length) return { question: withPreviousSubject(question, context), followUp: true };
  return { question, followUp: false };
}

/**
 * "what's her job?", "who developed it?", "what year was that?": a word pointing back and at
 * most one other word, so what it points at carries the subject. With more words the
 * question may well stand alone ("what does Sabina Aliyeva ask in her letter?").
 */
function pronounOnly(question: ParsedQuestion): boolean {
  const pointsBack = [PERSON_PRONOUN, GROUP_PRONOUN, THING_PRONOUN, DEMONSTRATIVE].some((pattern) => pattern.test(question.folded));
  return pointsBack && question.topicWords.length <= 1;
}

/** True when the message is made only of question words, pronouns and the like, or opens with "and…". */
export function leansOnPrevious(question: ParsedQuestion): boolean {
  if (CONTINUES.test(question.folded)) return true;
  const all = words(question.folded);
  return all.length > 0 && all.every((word) => LEANING_WORDS.has(word));
}

function withPreviousSubject(question: ParsedQuestion, context: AnswerContext): ParsedQuestion {
  if (!context.topicWords?.length || ARTICLE_LEVEL.has(question.type)) return question;
  const extra = question.topicWords.filter((word) => !['and', 'about', 'also', 'then'].includes(word));
  const borrowedWords = context.topicWords.filter((word) => !extra.includes(word));
  return { ...question, topicWords: [...new Set([...context.topicWords, ...extra])], borrowedWords };
}

/**
 * The most recent entity of the pronoun's kind: a person for "she", a thing or group for
 * "it". "She" takes the most recent person the article writes as a woman, else the most
 * recent it doesn't write as a man ("how old is she?" after an answer naming her husband).
 */
function pronounReferent(folded: string, context: AnswerContext, contextArticle: ArticleKnowledge | undefined): string | undefined {
  const entities = context.entities ?? (context.people ?? []).map((text) => ({ text, kind: 'person' as const }));
  const pick = (kinds: string[]): string | undefined => entities.find((entity) => kinds.includes(entity.kind))?.text.toLowerCase();
  const person = PERSON_PRONOUN.exec(folded)?.[1];
  if (person) {
    const wanted = pronounGender(person);
    // Read from the article only here: most chat questions have no "he" or "she".
    const genderOf = contextArticle ? gendersIn(contextArticle) : (): Gender | undefined => undefined;
    // "who is greg dyke?" then "what did he do?": the one the reader just asked about by name, before others the answer's passage names.
    const asked = new Set(context.topicWords ?? []);
    const namedInQuestion = (entity: { text: string }): boolean => words(entity.text).every((word) => asked.has(word));
    const people = entities.filter((entity) => entity.kind === 'person').sort((a, b) => Number(namedInQuestion(b)) - Number(namedInQuestion(a)));
    const fits = people.find((entity) => genderOf(entity.text) === wanted) ?? people.find((entity) => genderOf(entity.text) === undefined) ?? people[0];
    return fits?.text.toLowerCase();
  }
  if (GROUP_PRONOUN.test(folded)) return pick(['org', 'person']);
  // "when did it happen?" leans on the previous question as a whole, not on a name.
  // "was Armenia brought up in it?": "in it", "about it" is the article, not a name.
  if (THING_PRONOUN.test(folded) && !LEANING.test(folded) && !/\b(?:in|about|of) it\b/.test(folded)) return pick(['org', 'other']);
  return undefined;
}

/**
 * "what year was it made?", "who did they beat?" in a chat about a story, with no name of the
 * chat for the pronoun to stand for: it points at the story itself. (The answerer still
 * treats the question as standing alone when it names what the story doesn't, or the story
 * holds little of what it asks.)
 */
export function pointsAtStory(question: ParsedQuestion, context: AnswerContext): boolean {
  return context.articleId !== undefined && question.pronounReferent === undefined && [PERSON_PRONOUN, THING_PRONOUN, GROUP_PRONOUN].some((pattern) => pattern.test(question.folded));
}

/** "who is she?", "and when?" in a chat with nothing before it: there is nothing to lean on. */
export function needsContext(question: ParsedQuestion, context: AnswerContext): boolean {
  // "who published this?", "where is this news from?" first thing: the story is the latest one (answerer.ts pickArticle).
  if (ARTICLE_LEVEL.has(question.type) || FILED_FROM.test(question.folded)) return false;
  // "what's her job?" leans on a name; "what does Sabina Aliyeva ask in her letter?" does not.
  const leaning = leansOnPrevious(question) || pronounOnly(question);
  return leaning && !context.topicWords?.length && !context.entities?.length && !context.people?.length;
}
