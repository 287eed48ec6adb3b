import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { ArticleSummary } from '../knowledge/knowledge-store.js';
import { articlesAbout } from '../push/topic-articles.js';
import { MAX_TOPIC_CHARS, topicAsWritten } from '../push/topics.js';
import { headlineButtons, headlineItem } from './headlines.js';
import { type LatestRequest, MAX_LATEST, parseLatest } from './latest-request.js';
import { type Button, type Reply, textReply } from './messages.js';

const USAGE = `Send /latest for the newest headlines, /latest 3 for three of them (up to ${MAX_LATEST}), or /latest <topic> for the newest about a topic.`;

/**
 * /latest [count] [topic]: the newest headlines, or the newest about a topic (the topics
 * /subscribe follows), each with a button that opens it. A count past MAX_LATEST, or more
 * than there are, is said so rather than silently cut.
 */
export function latestReply(knowledge: KnowledgeBase, argument: string, canSubscribe: boolean): Reply {
  const request = parseLatest(argument, knowledge.vocabulary);
  switch (request.kind) {
    case 'badCount':
      return textReply(`I can't list “${request.typed.slice(0, 20)}” articles: a count is a whole number from 1 to ${MAX_LATEST}. ${USAGE}`);
    case 'topicTooLong':
      return textReply(`That topic is too long (${request.length} characters; a topic can be at most ${MAX_TOPIC_CHARS}). Try a word or two from the news. ${USAGE}`);
    case 'unreadableTopic':
      return textReply(`I couldn't read a topic in “${request.typed.slice(0, 40)}”. ${USAGE}`);
    case 'headlines':
      return request.topic ? topicHeadlines(knowledge, request, canSubscribe) : newestHeadlines(knowledge, request);
  }
}

type HeadlinesRequest = Extract<LatestRequest, { kind: 'headlines' }>;

function newestHeadlines(knowledge: KnowledgeBase, request: HeadlinesRequest): Reply {
  const newest = knowledge.latest(request.count).map(({ article }) => article);
  if (newest.length === 0) return textReply('There are no articles yet.');
  const fewer = `I have only ${newest.length} article${newest.length === 1 ? '' : 's'}.`;
  return headlinesReply(newest, [countNote(request, newest.length, fewer), 'Latest articles:']);
}

function topicHeadlines(knowledge: KnowledgeBase, request: HeadlinesRequest, canSubscribe: boolean): Reply {
  const { topic } = request;
  const { total, newest } = articlesAbout(knowledge, topic, request.count);
  if (total === 0) {
    const buttons: Button[][] = [[{ label: 'Latest articles', action: '/latest' }]];
    if (canSubscribe) buttons.push([{ label: `Subscribe to “${topicAsWritten(topic)}”`.slice(0, 60), action: `/subscribe ${topic}` }]);
    const subscribe = canSubscribe ? ` Send /subscribe ${topic} to get them here as they are published, or /latest for the newest headlines.` : ' Try another word from the news, or send /latest for the newest headlines.';
    return textReply(`I have no articles about “${topicAsWritten(topic)}”.${subscribe}`, buttons);
  }
  const fewer = `Only ${total} article${total === 1 ? ' is' : 's are'} about “${topicAsWritten(topic)}”.`;
  const of = total > newest.length ? ` (${newest.length} of ${total})` : '';
  return headlinesReply(newest, [countNote(request, newest.length, fewer), `Latest articles about “${topicAsWritten(topic)}”${of}:`]);
}

/** Why the list is shorter than the count typed: fewer articles than that, or the cap. */
function countNote(request: HeadlinesRequest, listed: number, fewer: string): string | undefined {
  if (request.asked === undefined) return undefined;
  if (listed < request.count) return fewer;
  if (request.asked > MAX_LATEST) return `I list at most ${MAX_LATEST} at a time.`;
  return undefined;
}

function headlinesReply(articles: ArticleSummary[], lines: (string | undefined)[]): Reply {
  return {
    blocks: [{ kind: 'text', text: lines.filter(Boolean).join('\n') }, { kind: 'list', items: articles.map(headlineItem) }],
    buttons: headlineButtons(articles),
  };
}
