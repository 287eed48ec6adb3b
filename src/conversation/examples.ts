import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

/** Used when no article names anyone: still a question the bot answers. */
const GENERIC_EXAMPLE = 'What is the latest article about?';

/**
 * Example questions drawn from the newest article, so that the greeting and /help suggest
 * something this bot can answer today, whatever its articles are: "Who is Agnès Callamard?".
 */
export function exampleQuestions(knowledge: KnowledgeBase): string[] {
  const newest = knowledge.latest(1)[0];
  const person = newest ? [...newest.people.values()].find((known) => known.kind === 'person' && known.role && known.name.includes(' ')) : undefined;
  return person ? [`Who is ${person.name}?`, GENERIC_EXAMPLE] : [GENERIC_EXAMPLE];
}
