import type { Answer } from '../answer/answer.js';
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
    const { closest } = answer;
    if (closest) return { blocks: [{ kind: 'text', text: answer.short }, { kind: 'quote', text: closest.passage }, { kind: 'source', text: sourceLine(closest.article, closest.publisher) }] };
    return { blocks: [{ kind: 'text', text: answer.short }, { kind: 'text', text: suggestion }] };
  }
  const blocks: Block[] = [{ kind: 'answer', text: answer.short }];
  if (answer.items?.length) blocks.push({ kind: 'list', items: answer.items });
  if (answer.support) blocks.push({ kind: 'quote', text: answer.support });
  if (answer.article) blocks.push({ kind: 'source', text: sourceLine(answer.article, answer.publisher) });
  return { blocks, buttons: FOLLOW_UP_BUTTONS };
}
