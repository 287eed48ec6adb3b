import type { ArticleSummary } from '../knowledge/knowledge-store.js';
import { formatDate } from '../knowledge/dates.js';
import type { Button } from './messages.js';

/** A button label longer than this is cut: Telegram shows about this much on a phone. */
const HEADLINE_BUTTON_CHARS = 60;

/** "Headline (1 May 2025)": a headline as the lists of articles show it. */
export function headlineItem(article: ArticleSummary): string {
  return `${article.title}${article.date ? ` (${formatDate(article.date)})` : ''}`;
}

/** One button a headline, opening its article. */
export function headlineButtons(articles: ArticleSummary[]): Button[][] {
  return articles.map((article) => [{ label: truncate(article.title, HEADLINE_BUTTON_CHARS), action: `/open ${article.id}` }]);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
