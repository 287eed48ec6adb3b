import type { AnswerContext } from '../answer/answer.js';

/** How far a chat has read an article: "more" shows its part `nextPart` (src/conversation/article-reader.ts). */
export interface ReadingPosition {
  articleId: string;
  nextPart: number;
  /** /open showed the headline and the lede: the first part goes on after them. */
  ledeShown?: boolean;
}

/** What the engine needs to follow up ("and when?"), and where the reader is in the article. */
export interface ChatContext extends AnswerContext {
  reading?: ReadingPosition;
  /** The articles the chat's last /latest listed, in order: "/open 2" opens the second. */
  listed?: string[];
  /** The last question got no answer: "ok" next thanks nothing ("Glad that helped" would mock). */
  lastRefused?: boolean;
}

/**
 * What the bot remembers per chat: the article under discussion and the last topic, so
 * "and when?" follows on, and how far "more" has read. Bounded: the least recently used
 * chats are forgotten first.
 */
export class ChatMemory {
  private readonly chats = new Map<string, ChatContext>();

  constructor(private readonly capacity = 20_000) {}

  get(chatKey: string): ChatContext {
    const context = this.chats.get(chatKey);
    if (!context) return {};
    this.chats.delete(chatKey);
    this.chats.set(chatKey, context);
    return context;
  }

  /** The chat's new context; the last /latest list stays until a context brings another (a question or a reading doesn't end it). */
  set(chatKey: string, context: ChatContext): void {
    const listed = this.chats.get(chatKey)?.listed;
    this.chats.delete(chatKey);
    this.chats.set(chatKey, listed && !('listed' in context) ? { ...context, listed } : context);
    if (this.chats.size > this.capacity) this.chats.delete(this.chats.keys().next().value!);
  }
}
