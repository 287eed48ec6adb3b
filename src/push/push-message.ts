import { attributed } from '../knowledge/claims.js';
import type { Reply } from '../conversation/messages.js';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { formatDate } from '../knowledge/dates.js';

/** The summary under the headline: about two lines on a phone. */
const SUMMARY_CHARS = 240;

/**
 * The message a new article is pushed as: headline, a short summary (claims attributed,
 * as in every answer), date and source, the link when there is one, and an "Ask about
 * this" button that puts the reader's chat on this article.
 */
export function pushMessage(knowledge: ArticleKnowledge): Reply {
  const { article } = knowledge;
  const summary = summaryOf(knowledge);
  const details = [article.date ? formatDate(article.date) : undefined, article.source].filter(Boolean).join(' · ');
  return {
    blocks: [
      { kind: 'answer', text: `📰 ${article.title}` },
      ...(summary ? [{ kind: 'text' as const, text: summary }] : []),
      ...(details ? [{ kind: 'text' as const, text: details }] : []),
      ...(article.url ? [{ kind: 'source' as const, text: 'Read it:', url: article.url }] : []),
    ],
    buttons: [[{ label: 'Ask about this', action: `/open ${article.id}`, deepLink: article.id }]],
  };
}

function summaryOf(knowledge: ArticleKnowledge): string {
  let summary = '';
  for (const sentence of knowledge.sentences.slice(0, 3)) {
    const text = sentence.claim ? attributed(sentence.claim) : sentence.text;
    if (summary && summary.length + text.length + 1 > SUMMARY_CHARS) break;
    summary = summary ? `${summary} ${text}` : text;
    if (summary.length >= SUMMARY_CHARS / 2) break;
  }
  return summary.length <= SUMMARY_CHARS ? summary : `${summary.slice(0, SUMMARY_CHARS - 1).replace(/\s+\S*$/, '')}…`;
}

/** An admin's /broadcast, as every subscriber will see it. */
export function broadcastMessage(text: string): Reply {
  return { blocks: [{ kind: 'answer', text: '📣 Announcement' }, { kind: 'text', text }] };
}
