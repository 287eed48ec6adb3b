import type { ArticleKnowledge, SentenceFacts } from '../knowledge/article-knowledge.js';
import type { EntityMention } from '../knowledge/entities.js';
import { sharedWordNet } from '../lexicon/shared-wordnet.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { type Gender, gendersIn, PERSON_PRONOUN, pronounGender, surname } from './gender.js';

/** How many sentences back an unnamed mention may point: the sentence before, or the one before that. */
const SENTENCES_BACK = 2;
/** A sentence's subject stands at its start: "Sir Anthony Meyer, the Tory backbencher who challenged Margaret Thatcher…" */
const SUBJECT_WITHIN_CHARS = 30;
/** "The actor, who…", "The former England captain said", "The 40-year-old attended": up to four words after an opening "The", to a comma. */
const DESCRIBED_OPENING = /^["“]?The ((?:[\p{L}\p{N}-]+ ?){1,4})/u;
/** A sentence whose subject is "He" or "She". */
const SUBJECT_PRONOUN = /^(?:["“]?(?:But|And|Now|Then|Later|Earlier)\s+)?(?:He|She)\s/;
/** "The 40-year-old": an age stands for the person. */
const AGE_NOUN = /^\d+-year-old$/;
/** How far either side of a name the article's own description of them stands: "actor Keanu Reeves", "Reeves, the actor,". */
const DESCRIPTION_REACH = 40;

/** The full name the article gives a surname ("Davies": "Quentin Davies"), when it gives exactly one. */
export function fullName(knowledge: ArticleKnowledge, lastName: string): string | undefined {
  const key = words(lastName).join(' ');
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
    const again = lede !== undefined && knowledge.sentences.slice(1).some((sentence) => sentence.entities.some((entity) => entity.kind === 'person' && surname(entity.text) === surname(lede.text)));
    known = again ? lede : null;
    mainPeople.set(knowledge, known);
  }
  return known ?? undefined;
}

/** How a sentence mentions a person without naming them: as what they are ("The actor"), or by a pronoun ("he", "her"). */
type Mention = { described: string[] } | { gender: Gender };

/**
 * The words after an opening "The" that stand for a person ("actor", "40-year-old"), if any,
 * in a sentence that doesn't name them right there ("The 18-year-old Mirza…" does).
 */
function describedAs(facts: SentenceFacts): string[] {
  const opening = DESCRIBED_OPENING.exec(facts.text);
  if (!opening || facts.entities.some((entity) => entity.kind === 'person' && entity.start <= opening[0].length)) return [];
  return words(opening[1]!).filter((word) => AGE_NOUN.test(word) || sharedWordNet()?.nounKind(word) === 'person');
}

function unnamedMention(facts: SentenceFacts): Mention | undefined {
  const described = describedAs(facts);
  if (described.length > 0) return { described };
  const pronoun = PERSON_PRONOUN.exec(facts.text.toLowerCase())?.[1];
  return pronoun ? { gender: pronounGender(pronoun) } : undefined;
}

/**
 * Whether the article writes the person as what the sentence calls them: an age always
 * stands for the person; "the actor" only for someone the article calls an actor ("actor
 * Keanu Reeves", "Reeves, the actor,"). "The judge" after a sentence about Michael Jackson is
 * someone else.
 */
function describes(knowledge: ArticleKnowledge, person: EntityMention, nouns: string[]): boolean {
  if (nouns.some((noun) => AGE_NOUN.test(noun))) return true;
  const named = surname(person.text);
  return knowledge.sentences.some((sentence) =>
    sentence.entities.some((entity) => {
      if (entity.kind !== 'person' || surname(entity.text) !== named) return false;
      const around = words(`${entity.role ?? ''} ${sentence.text.slice(Math.max(0, entity.start - DESCRIPTION_REACH), entity.end + DESCRIPTION_REACH)}`);
      return nouns.some((noun) => around.includes(noun));
    }),
  );
}

/**
 * "The actor, who was born in the Lebanese capital Beirut", "His next film, Constantine, …",
 * "He was arrested in Barstow": a sentence about a person it doesn't name holds their name as
 * far as the evidence goes ("where was Keanu Reeves born?"). A pronoun counts only in a
 * sentence that names no one (its pronoun may be theirs, before or after it: "In his first
 * speech as leader, Michael Howard…"); a description only when the article describes the
 * person so. Only what the evidence reads changes: the text, and so the answer, stay.
 */
export function withReferent(facts: SentenceFacts, knowledge: ArticleKnowledge): SentenceFacts {
  const mention = unnamedMention(facts);
  if (!mention) return facts;
  const person = 'described' in mention ? describedPerson(facts, knowledge, mention.described) : facts.entities.some((entity) => entity.kind === 'person') ? undefined : personMeant(knowledge, facts.position, mention.gender);
  if (!person) return facts;
  const name = fullName(knowledge, person.text) ?? person.text;
  return { ...facts, terms: [...facts.terms, ...words(name).map(stem)] };
}

function describedPerson(facts: SentenceFacts, knowledge: ArticleKnowledge, nouns: string[]): EntityMention | undefined {
  const person = personMeant(knowledge, facts.position, undefined);
  return person && describes(knowledge, person, nouns) ? person : undefined;
}

/**
 * Whom a sentence's subject means when it opens with "He", "She" or "The actor": "He left
 * Bullfrog in 1997" answers "who left Bullfrog?" with the person meant. Undefined when the
 * sentence opens otherwise.
 */
export function openingReferent(facts: SentenceFacts, knowledge: ArticleKnowledge): EntityMention | undefined {
  const pronoun = SUBJECT_PRONOUN.exec(facts.text)?.[0];
  if (pronoun !== undefined) return personMeant(knowledge, facts.position, pronounGender(words(pronoun).at(-1) ?? ''));
  const described = describedAs(facts);
  return described.length > 0 ? describedPerson(facts, knowledge, described) : undefined;
}

/**
 * Whom an unnamed mention means: the one person of the nearest sentence before that names
 * anyone (one of the pronoun's sex, where the article says), or that sentence's subject
 * when it opens with them and the article writes them as that sex ("John Smith met Mary
 * Jones. She said…" is neither: the engine reads no first names). With no one named just
 * before, the person the article is about, when the last sentence naming anyone names them
 * and the article doesn't write them as the other sex.
 */
function personMeant(knowledge: ArticleKnowledge, position: number, wanted: Gender | undefined): EntityMention | undefined {
  const genderOf = gendersIn(knowledge);
  const fitsPronoun = (person: EntityMention): boolean => wanted === undefined || genderOf(person.text) !== (wanted === 'female' ? 'male' : 'female');
  for (let back = 1; back <= SENTENCES_BACK && position - back >= 0; back++) {
    const people = knowledge.sentences[position - back]!.entities.filter((entity) => entity.kind === 'person');
    if (people.length === 0) continue;
    const fitting = people.filter(fitsPronoun);
    if (new Set(fitting.map((person) => surname(person.text))).size === 1) return fitting[0];
    const subject = people[0]!;
    const opensWith = subject.start <= SUBJECT_WITHIN_CHARS;
    return opensWith && (wanted === undefined || genderOf(subject.text) === wanted) ? subject : undefined;
  }
  const main = mainPerson(knowledge);
  const lastNamed = knowledge.sentences.slice(0, position).reverse().find((sentence) => sentence.entities.some((entity) => entity.kind === 'person'));
  const namesMain = main !== undefined && lastNamed?.entities.some((entity) => entity.kind === 'person' && surname(entity.text) === surname(main.text));
  return main && namesMain && fitsPronoun(main) ? main : undefined;
}
