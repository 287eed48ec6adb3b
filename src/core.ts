import type { Logger } from 'pino';
import { Answerer } from './answer/answerer.js';
import { ArchiveStore } from './archive/archive-store.js';
import { FileLog } from './archive/file-log.js';
import { syncFolder } from './archive/folder-sync.js';
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
  /**
   * Keep the analysed articles on disk under `dataDir` (the bot, `npm run ask`): a restart
   * re-reads only what changed, and memory stays within `memoryBytes`. Without it every
   * article is analysed and held in memory (the eval, most tests).
   */
  archive?: { dataDir: string; memoryBytes: number };
}

export interface Core {
  knowledge: KnowledgeBase;
  answerer: Answerer;
  conversation: Conversation;
  /** The content folder's files as they were read (for the content watcher); complete once `ready`. */
  files: SeenFile[];
  /** Files skipped at start-up, with the reason (already logged); complete once `ready`. */
  skipped: SkippedFile[];
  /** Settles when every article is indexed; until then the bot answers from those indexed so far. */
  ready: Promise<void>;
  /** Records what the content watcher reads, so the next start need not read it again. */
  fileLog?: FileLog;
  /** Stops indexing and closes the archive. */
  close(): Promise<void>;
}

/** Loads the articles and builds the channel-agnostic bot over them. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { logger } = options;
  const started = performance.now();
  const files: SeenFile[] = [];
  const skipped: SkippedFile[] = [];
  let knowledge: KnowledgeBase;
  let ready: Promise<void>;
  let close = async (): Promise<void> => {};
  let fileLog: FileLog | undefined;
  if (options.archive) {
    const archive = openArchiveOrExplain(options.archive, logger);
    knowledge = new KnowledgeBase([], archive);
    fileLog = new FileLog(archive, options.contentDir);
    let stopping = false;
    ready = syncFolder({ dir: options.contentDir, archive, logger, extraArticles: options.extraArticles ?? [], shouldStop: () => stopping })
      .then((result) => {
        files.push(...result.files);
        skipped.push(...result.skipped);
        logger.info(
          { contentDir: options.contentDir, articles: knowledge.size, read: result.read, analysed: result.analysed, removed: result.removed, skipped: result.skipped.length, ms: Math.round(performance.now() - started), archiveBytes: archive.diskBytes() },
          result.stopped ? 'indexing stopped' : 'content loaded',
        );
        if (knowledge.size === 0) logger.warn({ contentDir: options.contentDir }, 'no articles: every question will get "not found"');
      })
      .catch((error: unknown) => logger.error({ err: error, contentDir: options.contentDir }, 'indexing the content folder failed; answering from the archive as it is'));
    close = async () => {
      stopping = true;
      await ready;
      archive.close();
    };
  } else {
    const loaded = await loadContentDir(options.contentDir, logger);
    files.push(...loaded.files);
    skipped.push(...loaded.skipped);
    knowledge = new KnowledgeBase(loaded.articles);
    for (const article of options.extraArticles ?? []) if (!knowledge.get(article.id)) knowledge.upsert(article);
    logger.info(
      { contentDir: options.contentDir, articles: knowledge.size, skipped: loaded.skipped.length, ms: Math.round(performance.now() - started) },
      'content loaded',
    );
    if (loaded.articles.length === 0) logger.warn({ contentDir: options.contentDir }, 'no articles: every question will get "not found"');
    ready = Promise.resolve();
  }
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
  return { knowledge, answerer, conversation, files, skipped, ready, close, ...(fileLog ? { fileLog } : {}) };
}

/** The archive, or an error that names DATA_DIR and says what to do. */
function openArchiveOrExplain(options: { dataDir: string; memoryBytes: number }, logger: Logger): ArchiveStore {
  try {
    return ArchiveStore.open({ ...options, logger });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`DATA_DIR=${options.dataDir}: can't keep the article archive there (${reason}). Point DATA_DIR at a writable folder.`);
  }
}
