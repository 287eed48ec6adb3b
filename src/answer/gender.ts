import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { words } from '../text/normalize.js';

export type Gender = 'female' | 'male';

/** A third person's pronoun, in lower-case text: a chat's "he", an article's "his". */
export const PERSON_PRONOUN = /\b(she|he|her|him|his|hers)\b/;
const FEMALE_PRONOUN = /^(?:she|her|hers)$/;

/** The sex a person pronoun says ("she", "her": female; "he", "his": male). */
export function pronounGender(pronoun: string): Gender {
  return FEMALE_PRONOUN.test(pronoun) ? 'female' : 'male';
}

/** A title just before a name that says whether the person is a woman or a man: "Mrs Hassan", "Sir Alex Ferguson". */
const FEMALE_TITLE = /\b(?:Mrs|Ms|Miss|Lady|Dame|Queen|Princess|Baroness)\.?\s+$/;
const MALE_TITLE = /\b(?:Mr|Sir|Lord|King|Prince|Baron)\.?\s+$/;
/** How many words after a name a possessive or reflexive pronoun is taken to be the name's own ("Hamm ends her career"). */
const WORDS_AFTER_NAME = 3;
const FEMALE_PRONOUNS = new Set(['her', 'herself']);
const MALE_PRONOUNS = new Set(['his', 'himself']);

/**
 * Whether the article writes each person as a woman or a man, from its own words: a title
 * before a name, or "his"/"her" within a few words after it ("Hamm ends her career"). By
 * surname, the way the article goes on to name them. A person the article says nothing of,
 * or both, has no gender here: names alone ("Mia", "Nomar") are not read.
 */
export function gendersIn(knowledge: ArticleKnowledge): (name: string) => Gender | undefined {
  let read = readGenders.get(knowledge);
  if (!read) readGenders.set(knowledge, (read = readGendersOf(knowledge)));
  return read;
}

/** An article's genders, read once: coreference asks for them for each candidate sentence. */
const readGenders = new WeakMap<ArticleKnowledge, (name: string) => Gender | undefined>();

function readGendersOf(knowledge: ArticleKnowledge): (name: string) => Gender | undefined {
  const votes = new Map<string, { female: number; male: number }>();
  for (const sentence of knowledge.sentences) {
    for (const entity of sentence.entities) {
      if (entity.kind !== 'person') continue;
      const key = surname(entity.text);
      const vote = votes.get(key) ?? { female: 0, male: 0 };
      const before = sentence.text.slice(Math.max(0, entity.start - 12), entity.start);
      const after = words(sentence.text.slice(entity.end).split(/[,;:.!?"“”]/)[0] ?? '').slice(0, WORDS_AFTER_NAME);
      if (FEMALE_TITLE.test(before) || after.some((word) => FEMALE_PRONOUNS.has(word))) vote.female++;
      if (MALE_TITLE.test(before) || after.some((word) => MALE_PRONOUNS.has(word))) vote.male++;
      votes.set(key, vote);
    }
  }
  return (name) => {
    const vote = votes.get(surname(name));
    if (!vote || vote.female === vote.male) return undefined;
    return vote.female > vote.male ? 'female' : 'male';
  };
}

/** The last word of a name, the way an article goes on to name a person: "Hamm" of "Mia Hamm". */
export function surname(name: string): string {
  return words(name).at(-1) ?? '';
}
