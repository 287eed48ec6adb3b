import { topicWords } from '../answer/question.js';
import { formatDate } from '../knowledge/dates.js';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { foldText } from '../text/normalize.js';
import { sourceLine } from './answer-reply.js';
import type { ChatContext, ChatMemory } from './chat-memory.js';
import type { Block, Button, Reply } from './messages.js';
import { textReply } from './messages.js';
import { readingParts } from './reading-parts.js';

const MORE_BUTTON: Button[] = [{ label: 'More', action: '/more' }];
const LATEST_BUTTON: Button[] = [{ label: 'Latest articles', action: '/latest' }];

/**
 * An article read in the chat: /open shows its headline and lede, /source where it comes
 * from and its first part, and each "more" the next part (src/conversation/reading-parts.ts)
 * until the end. The position is the chat's (ChatMemory); a question or another article
 * clears it, so "more" after those starts from the beginning.
 */
export class ArticleReader {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly memory: ChatMemory,
  ) {}

  /** The headline and the lede; the chat is about this article from now on. */
  open(id: string, chatKey: string): Reply {
    const knowledge = this.knowledge.get(id);
    if (!knowledge) return textReply(`I don't have an article with the id “${id.slice(0, 64)}”. Send /latest to see what I have.`);
    // "more" goes on after the lede: from the rest of the first part, or the second when the lede was all of it.
    const reading = withoutLede(readingParts(knowledge)[0] ?? [], knowledge).length > 0 ? { articleId: id, nextPart: 0, ledeShown: true } : { articleId: id, nextPart: 1 };
    this.memory.set(chatKey, { ...contextOf(knowledge), reading });
    const { article } = knowledge;
    return {
      blocks: [
        { kind: 'answer', text: article.title },
        { kind: 'text', text: knowledge.sentences[0]?.text ?? '' },
        { kind: 'source', text: sourceLine({ id, title: article.title, date: article.date ?? null }, article.source), ...(article.url ? { url: article.url } : {}) },
        { kind: 'text', text: 'Ask me anything about it.' },
      ],
      buttons: [[{ label: 'Summary', action: '/about' }, { label: 'Claims', action: '/claims' }, { label: 'Who?', action: 'who?' }]],
    };
  }

  /** /source: who published the article under discussion, when and where, and its first part. */
  fromStart(chatKey: string): Reply {
    return this.read(chatKey, () => 0, false);
  }

  /** "more": the part after the last one this chat read of the article under discussion. */
  next(chatKey: string): Reply {
    return this.read(chatKey, (context, id) => (context.reading?.articleId === id ? context.reading.nextPart : 0), true);
  }

  /** `readingOn`: "more" goes on from what /open showed; /source starts again with the header and the lede. */
  private read(chatKey: string, partOf: (context: ChatContext, articleId: string) => number, readingOn: boolean): Reply {
    const context = this.memory.get(chatKey);
    const knowledge = (context.articleId && this.knowledge.get(context.articleId)) || this.knowledge.latest(1)[0];
    if (!knowledge) return textReply('There are no articles yet.');
    const { id } = knowledge.article;
    const parts = readingParts(knowledge);
    const part = partOf(context, id);
    if (part > 0 && part >= parts.length) {
      return textReply(`That's the end of “${knowledge.article.title}”. Send /latest for other articles, or /source to read it again from the start.`, [LATEST_BUTTON, [{ label: 'From the start', action: '/source' }]]);
    }
    // Reading an article makes it the one under discussion: "who is she?" next asks about it.
    // A part read is something given: "ok" next thanks for it, whatever the question before got.
    this.memory.set(chatKey, { ...(context.articleId === id ? context : contextOf(knowledge)), reading: { articleId: id, nextPart: part + 1 }, lastRefused: false });
    // "more" right after /open goes on from what it showed: not the headline and the lede again.
    const ledeShown = readingOn && part === 0 && context.reading?.articleId === id && context.reading.ledeShown === true;
    const texts = ledeShown ? withoutLede(parts[0] ?? [], knowledge) : (parts[part] ?? []);
    const blocks: Block[] = [...(part === 0 && !ledeShown ? header(knowledge) : []), ...texts.map((text) => ({ kind: 'text' as const, text }))];
    if (part === 0 && knowledge.article.url) blocks.push({ kind: 'source', text: 'Read the full article:', url: knowledge.article.url });
    if (part + 1 < parts.length) {
      blocks.push({ kind: 'text', text: `Part ${part + 1} of ${parts.length}. Say “more” to read on.` });
      return { blocks, buttons: [MORE_BUTTON] };
    }
    blocks.push({ kind: 'text', text: "That's the end of the article. Send /latest for other articles, or ask me anything about it." });
    return { blocks, buttons: [LATEST_BUTTON] };
  }
}

/** The chat's context when an article is opened: its headline is the subject until the reader asks something ("who?" asks who in it). */
function contextOf(knowledge: ArticleKnowledge): ChatContext {
  return { articleId: knowledge.article.id, topicWords: topicWords(foldText(knowledge.article.title)) };
}

/** A first part's paragraphs without the lede /open showed (its first sentence). */
function withoutLede(paragraphs: string[], knowledge: ArticleKnowledge): string[] {
  const lede = knowledge.sentences[0]?.text ?? '';
  const [first = '', ...rest] = paragraphs;
  const after = first.startsWith(lede) ? first.slice(lede.length).trim() : first;
  return after ? [after, ...rest] : rest;
}

/** The headline, and who published it, when and from where. */
function header(knowledge: ArticleKnowledge): Block[] {
  const { article } = knowledge;
  // "Published by Trend on 1 May 2025, filed from Baku"; without a publisher, "Published on 1 May 2025".
  const published = [article.source && `by ${article.source}`, article.date && `on ${formatDate(article.date)}`].filter(Boolean).join(' ');
  const details = [published && `Published ${published}`, article.dateline && `filed from ${article.dateline}`].filter(Boolean).join(', ');
  // A dateline alone opens the line: "Filed from Baku, Azerbaijan."
  const line = details.charAt(0).toUpperCase() + details.slice(1);
  return [{ kind: 'answer', text: article.title }, ...(line ? [{ kind: 'text' as const, text: `${line}.` }] : [])];
}
