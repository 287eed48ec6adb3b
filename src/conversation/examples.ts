import type { ArticleKnowledge, PersonFact } from '../knowledge/article-knowledge.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { createLexicon } from '../lexicon/lexicon.js';
import { words } from '../text/normalize.js';

/** Used when no article names anyone: still a question the bot answers. */
const GENERIC_EXAMPLE = 'What is the latest article about?';

/**
 * Example questions drawn from the newest article, so that the greeting and /help suggest
 * something this bot can answer today, whatever its articles are: "Who is Agnès Callamard?".
 */
export function exampleQuestions(knowledge: KnowledgeBase): string[] {
  const newest = knowledge.latest(1)[0];
  const person = newest ? surelyAPerson(newest) : undefined;
  return person ? [`Who is ${person.name}?`, GENERIC_EXAMPLE] : [GENERIC_EXAMPLE];
}

/**
 * The first person the article gives a role and a full name, whom it is sure of: one it
 * names again by surname, or whose name has a word that is no dictionary word. A name of
 * dictionary words alone, named once, may be a thing read as a person: "Wars Galaxies"
 * (with the role "Star") from "Star Wars Galaxies" made the greeting suggest "Who is Wars
 * Galaxies?" (session 20's new-user trial).
 */
function surelyAPerson(article: ArticleKnowledge): PersonFact | undefined {
  const people = [...article.people.values()].filter((known) => known.kind === 'person' && known.role && known.name.includes(' '));
  // Named again as a name: "Mr Blair", "Blair said", not "the galaxies in the game".
  const namedAgain = (person: PersonFact): boolean => {
    const surname = words(person.name).at(-1)!;
    return article.sentences.filter((sentence) => sentence.entities.some((entity) => words(entity.text).includes(surname))).length > 1;
  };
  const lexicon = createLexicon();
  return people.find(namedAgain) ?? people.find((person) => words(person.name).some((word) => !lexicon.knows(word)));
}
