import type { AnswerContext } from '../answer/answer.js';

/**
 * What the bot remembers per chat: the article under discussion and the last topic, so
 * "and when?" follows on. Bounded: the least recently used chats are forgotten first.
 */
export class ChatMemory {
  private readonly chats = new Map<string, AnswerContext>();

  constructor(private readonly capacity = 20_000) {}

  get(chatKey: string): AnswerContext {
    const context = this.chats.get(chatKey);
    if (!context) return {};
    this.chats.delete(chatKey);
    this.chats.set(chatKey, context);
    return context;
  }

  set(chatKey: string, context: AnswerContext): void {
    this.chats.delete(chatKey);
    this.chats.set(chatKey, context);
    if (this.chats.size > this.capacity) this.chats.delete(this.chats.keys().next().value!);
  }
}
