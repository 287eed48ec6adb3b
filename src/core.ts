import type { Logger } from 'pino';
import { Answerer } from './answer/answerer.js';
import type { Article } from './content/article.js';
import { loadContentDir, type SeenFile, type SkippedFile } from './content/load-content.js';
import { ChatMemory } from './conversation/chat-memory.js';
import { Conversation, type ConversationDeps, type SubscriptionCommands } from './conversation/conversation.js';
import { FloodGate } from './conversation/flood-gate.js';
import { KnowledgeBase } from './knowledge/knowledge-base.js';

export interface CoreOptions {
  contentDir: string;
  floodMessagesPerMinute: number;
  logger: Logger;
  /** Articles kept elsewhere (those that came from feeds), loaded after the folder's. */
  extraArticles?: Article[];
  /** The push feature's commands, given the knowledge base they read topics from. */
  subscriptions?: (knowledge: KnowledgeBase) => SubscriptionCommands;
  channelHints?: string[];
  /** Told of every answer the conversation works out (metrics, the question log). */
  onAnswer?: ConversationDeps['onAnswer'];
}

export interface Core {
  knowledge: KnowledgeBase;
  answerer: Answerer;
  conversation: Conversation;
  /** The content folder's files as they were read at start-up (for the content watcher). */
  files: SeenFile[];
  /** Files skipped at start-up, with the reason (already logged). */
  skipped: SkippedFile[];
}

/** Loads the articles and builds the channel-agnostic bot over them. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { logger } = options;
  const started = performance.now();
  const { articles, skipped, files } = await loadContentDir(options.contentDir, logger);
  const knowledge = new KnowledgeBase(articles);
  for (const article of options.extraArticles ?? []) if (!knowledge.get(article.id)) knowledge.upsert(article);
  logger.info(
    { contentDir: options.contentDir, articles: knowledge.size, skipped: skipped.length, ms: Math.round(performance.now() - started) },
    'content loaded',
  );
  if (articles.length === 0) logger.warn({ contentDir: options.contentDir }, 'no articles: every question will get "not found"');
  const answerer = new Answerer(knowledge);
  const conversation = new Conversation({
    knowledge,
    answerer,
    memory: new ChatMemory(),
    flood: new FloodGate(options.floodMessagesPerMinute, 60_000),
    logger,
    ...(options.subscriptions ? { subscriptions: options.subscriptions(knowledge) } : {}),
    ...(options.channelHints ? { channelHints: options.channelHints } : {}),
    ...(options.onAnswer ? { onAnswer: options.onAnswer } : {}),
  });
  return { knowledge, answerer, conversation, files, skipped };
}
