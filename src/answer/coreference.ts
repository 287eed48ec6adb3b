import type { ArticleKnowledge, SentenceFacts } from '../knowledge/article-knowledge.js';
import type { EntityMention } from '../knowledge/entities.js';
import { sharedWordNet } from '../lexicon/shared-wordnet.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { gendersIn } from './gender.js';

/** How far back an unnamed mention may point: the sentence before, or the one before that. */
const PRONOUN_REACH = 2;
/** A sentence's subject stands at its start: "Sir Anthony Meyer, the Tory backbencher who challenged Margaret Thatcher…" */
const SUBJECT_WITHIN_CHARS = 30;
/** A person pronoun, and whether it says a woman. */
const PERSON_PRONOUN = /\b(?:(he|his|him)|(she|her))\b/i;
/** "The actor, who…", "The former England captain said", "The 40-year-old attended": a person written as what they are. */
const DESCRIBED_OPENING = /^["“]?The ((?:[\p{L}\p{N}-]+ ){0,3}?)([\p{L}\p{N}-]+)(?=[\s,])/u;
/** A sentence whose subject is "He" or "She". */
const SUBJECT_PRONOUN = /^(?:["“]?(?:But|And|Now|Then|Later|Earlier)\s+)?(?:He|She)\s/;
/** "The 40-year-old": an age stands for the person. */
const AGE_NOUN = /^\d+-year-old$/;

/** The full name the article gives a surname ("Davies": "Quentin Davies"), when it gives exactly one. */
export function fullName(knowledge: ArticleKnowledge, surname: string): string | undefined {
  const key = words(surname).join(' ');
  if (key.includes(' ')) return undefined;
  const matches = [...knowledge.people].filter(([name, person]) => person.kind === 'person' && name.endsWith(` ${key}`));
  return matches.length === 1 ? matches[0]![1].name : undefined;
}

const mainPeople = new WeakMap<ArticleKnowledge, EntityMention | null>();

/**
 * The person an article is about: the first its lede names, when it names them again later
 * ("Actor Keanu Reeves…", then "Reeves said"). News writes its subject as "he", "the actor",
 * "the 40-year-old" from then on.
 */
function mainPerson(knowledge: ArticleKnowledge): EntityMention | undefined {
  let known = mainPeople.get(knowledge);
  if (known === undefined) {
    const lede = knowledge.sentences[0]?.entities.find((entity) => entity.kind === 'person');
    const surname = lede ? words(lede.text).at(-1) : undefined;
    const again = surname !== undefined && knowledge.sentences.slice(1).some((sentence) => sentence.entities.some((entity) => entity.kind === 'person' && words(entity.text).at(-1) === surname));
    known = again ? lede! : null;
    mainPeople.set(knowledge, known);
  }
  return known ?? undefined;
}

/** Whether a noun at the head of "The …" stands for a person: "the actor", "the 40-year-old". */
function personNoun(head: string): boolean {
  return AGE_NOUN.test(head) || sharedWordNet()?.nounKind(head) === 'person';
}

/** Where a sentence first mentions a person without naming them, and whether as a woman; undefined if it doesn't. */
function unnamedMention(text: string): { at: number; female?: boolean } | undefined {
  const described = DESCRIBED_OPENING.exec(text);
  const head = described?.[2]?.toLowerCase();
  if (head && personNoun(head)) return { at: 0 };
  const pronoun = PERSON_PRONOUN.exec(text);
  if (!pronoun) return undefined;
  return { at: pronoun.index, female: pronoun[2] !== undefined };
}

/**
 * "The actor, who was born in the Lebanese capital Beirut", "His next film, Constantine, …",
 * "He was arrested in Barstow": a sentence about a person it doesn't name holds their name as
 * far as the evidence goes ("where was Keanu Reeves born?"). The person is whoever the
 * sentences just before have as subject, else the one the article is about; never when the
 * sentence names someone before the mention (the pronoun is theirs), nor someone the article
 * writes as the other sex. Only what the evidence reads changes: the text, and so the answer, stay.
 */
export function withReferent(facts: SentenceFacts, knowledge: ArticleKnowledge): SentenceFacts {
  const mention = unnamedMention(facts.text);
  if (!mention || facts.entities.some((entity) => entity.kind === 'person' && entity.start < mention.at)) return facts;
  const person = personMeant(knowledge, facts.position, mention.female);
  if (!person) return facts;
  const name = fullName(knowledge, person.text) ?? person.text;
  return { ...facts, terms: [...facts.terms, ...words(name).map(stem)] };
}

/**
 * Whom a sentence's subject means when it opens with "He", "She" or "The actor": "He left
 * Bullfrog in 1997" answers "who left Bullfrog?" with the person meant. Undefined when the
 * sentence opens otherwise.
 */
export function openingReferent(facts: SentenceFacts, knowledge: ArticleKnowledge): EntityMention | undefined {
  const head = DESCRIBED_OPENING.exec(facts.text)?.[2]?.toLowerCase();
  const pronoun = SUBJECT_PRONOUN.exec(facts.text)?.[0];
  if (pronoun === undefined && !(head && personNoun(head))) return undefined;
  return personMeant(knowledge, facts.position, pronoun === undefined ? undefined : /\bShe\s$/.test(pronoun));
}

/**
 * Whom an unnamed mention means: the one person of the nearest sentence before that names
 * anyone (one of the pronoun's sex, where the article says), or that sentence's subject
 * when it opens with them and the article writes them as that sex ("John Smith met Mary
 * Jones. She said…" is neither: the engine reads no first names). With no one named just
 * before, the person the article is about.
 */
function personMeant(knowledge: ArticleKnowledge, position: number, female: boolean | undefined): EntityMention | undefined {
  const genderOf = gendersIn(knowledge);
  const wanted = female === undefined ? undefined : female ? 'female' : 'male';
  for (let back = 1; back <= PRONOUN_REACH && position - back >= 0; back++) {
    const people = knowledge.sentences[position - back]!.entities.filter((entity) => entity.kind === 'person');
    if (people.length === 0) continue;
    const fitting = people.filter((person) => wanted === undefined || genderOf(person.text) !== (wanted === 'female' ? 'male' : 'female'));
    if (new Set(fitting.map((person) => words(person.text).at(-1))).size === 1) return fitting[0];
    const subject = people[0]!;
    const opensWith = subject.start <= SUBJECT_WITHIN_CHARS;
    return opensWith && (wanted === undefined || genderOf(subject.text) === wanted) ? subject : undefined;
  }
  return mainPerson(knowledge);
}
