import type { Answer, Closest } from '../answer/answer.js';
import type { ArticleRef } from '../content/article.js';
import { formatDate } from '../knowledge/dates.js';
import type { Block, Button, Reply } from './messages.js';

/** "Headline (Trend News Agency, 1 May 2025)". */
export function sourceLine(article: ArticleRef, publisher?: string): string {
  const details = [publisher, article.date ? formatDate(article.date) : undefined].filter(Boolean).join(', ');
  return `Source: ${article.title}${details ? ` (${details})` : ''}`;
}

export const FOLLOW_UP_BUTTONS: Button[][] = [
  [
    { label: 'Who?', action: 'who?' },
    { label: 'When?', action: 'when?' },
    { label: 'Claims', action: '/claims' },
    { label: 'Read more', action: '/more' },
  ],
];

/** Turns an engine answer into a neutral reply: answer, supporting quote, source. */
export function answerReply(answer: Answer, suggestion: string): Reply {
  if (answer.type === 'notFound') {
    const { closest, alsoClose } = answer;
    if (closest) return { blocks: [{ kind: 'text', text: answer.short }, ...closestBlocks(closest, alsoClose)] };
    return { blocks: [{ kind: 'text', text: answer.short }, { kind: 'text', text: suggestion }] };
  }
  const blocks: Block[] = [{ kind: 'answer', text: answer.short }];
  if (answer.items?.length) blocks.push({ kind: 'list', items: answer.items });
  if (answer.support) blocks.push({ kind: 'quote', text: answer.support });
  if (answer.article) blocks.push({ kind: 'source', text: sourceLine(answer.article, answer.publisher) });
  return { blocks, buttons: FOLLOW_UP_BUTTONS };
}

/** The closest passages, each article's source after its last passage. */
function closestBlocks(closest: Closest, alsoClose: Closest | undefined): Block[] {
  const source = (passage: Closest): Block => ({ kind: 'source', text: sourceLine(passage.article, passage.publisher) });
  if (!alsoClose) return [{ kind: 'quote', text: closest.passage }, source(closest)];
  if (alsoClose.article.id === closest.article.id) return [{ kind: 'quote', text: closest.passage }, { kind: 'quote', text: alsoClose.passage }, source(closest)];
  return [{ kind: 'quote', text: closest.passage }, source(closest), { kind: 'quote', text: alsoClose.passage }, source(alsoClose)];
}
