import { ChatMemory } from '../../src/conversation/chat-memory.js';
import { Conversation, type SubscriptionCommands } from '../../src/conversation/conversation.js';
import { FloodGate } from '../../src/conversation/flood-gate.js';
import type { IncomingMessage } from '../../src/conversation/messages.js';
import { Answerer } from '../../src/answer/answerer.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { memoryLogger, seedArticle } from './seed.js';

export function seedConversation(options: { floodLimit?: number; now?: () => number; answerer?: Answerer; subscriptions?: SubscriptionCommands; knowledge?: KnowledgeBase } = {}) {
  const knowledge = options.knowledge ?? new KnowledgeBase([seedArticle()]);
  const { logger, lines } = memoryLogger();
  const conversation = new Conversation({
    knowledge,
    answerer: options.answerer ?? new Answerer(knowledge),
    memory: new ChatMemory(),
    flood: new FloodGate(options.floodLimit ?? 1000, 60_000, options.now),
    logger,
    ...(options.subscriptions ? { subscriptions: options.subscriptions } : {}),
  });
  return { conversation, knowledge, lines };
}

export const message = (text: string | undefined, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
  channel: 'test',
  chatId: 'chat-1',
  userId: 'user-1',
  ...(text === undefined ? { mediaKind: 'sticker' } : { text }),
  isGroup: false,
  addressedToBot: true,
  ...extra,
});
