import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Channel } from './channels/channel.js';
import { fatalFailure } from './channels/fatal-failure.js';
import type { WhatsAppClientLike } from './channels/whatsapp/whatsapp-channel.js';
import { createConfiguredChannels } from './channels/configured-channels.js';
import type { Terminal } from './channels/console.js';
import type { Config } from './config.js';
import { ContentWatcher } from './content/content-watcher.js';
import { type Core, createCore } from './core.js';
import { FeedPoller } from './feeds/feed-poller.js';
import { FeedStore } from './feeds/feed-store.js';
import { startHealthServer } from './health/health-server.js';
import { type Readiness, readiness } from './health/readiness.js';
import { countingResponder } from './metrics/counting-responder.js';
import { Metrics } from './metrics/metrics.js';
import { closeServer } from './net/close-server.js';
import { type Clock, systemClock } from './push/clock.js';
import type { Recipient } from './push/outbox.js';
import { PushService } from './push/push-service.js';
import { SubscriptionCommandHandler } from './push/subscription-commands.js';
import { QuestionLog } from './questions/question-log.js';
import { type Db, openDatabase } from './store/database.js';

/** How often unanswered questions past their 30 days are deleted while the bot runs. */
const QUESTION_PRUNE_MS = 60 * 60 * 1000;

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** The terminal, used for the console chat when no other channel is configured. */
  terminal?: Terminal;
  clock?: Clock;
  fetch?: typeof fetch;
  /** A stand-in for whatsapp-web.js's Client (tests); the real one otherwise. */
  whatsappClient?: () => WhatsAppClientLike;
  /**
   * The bot can't go on: a channel's configuration was refused (a wrong token), or every
   * configured channel has failed for good. main() exits 1; without it, it is only logged.
   */
  onFatal?: (error: Error) => void;
}

export interface App {
  core: Core;
  push: PushService;
  channels: Channel[];
  metrics: Metrics;
  questions: QuestionLog;
  /** What /readyz answers. */
  readiness(): Readiness;
  /** The health server, when it runs. */
  health?: Server;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Wires the bot: database, articles, the push service, every configured channel, the
 * content watcher and the feed poller. Nothing runs until start().
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const db: Db = openOrExplain(config.dataDir, logger);
  const metrics = new Metrics();
  const questions = new QuestionLog(db, () => clock.now());
  questions.prune();
  const channels: Channel[] = [];
  /** Set once the articles are loaded. */
  const articles: { count?: () => number } = {};
  const startedAt = clock.now();
  const configuredChannels: string[] = [];
  if (config.telegram) configuredChannels.push('telegram');
  if (config.whatsapp) configuredChannels.push('whatsapp');
  const currentReadiness = (): Readiness =>
    readiness({ loaded: articles.count !== undefined, count: articles.count?.() ?? 0 }, channels.map((channel) => channel.status), configuredChannels, startedAt);
  // Up before the articles load, so /healthz answers throughout and /readyz says "loading".
  // Not for the console alone: a person's terminal session needs no probe, and two of them
  // would fight over the port.
  let health: Server | undefined;
  if (config.health && (config.telegram || config.whatsapp)) {
    try {
      health = await startHealthServer({ ...config.health, readiness: currentReadiness, registry: metrics.registry, logger });
    } catch (error) {
      db.close();
      throw error;
    }
  }
  const closeHealth = async (): Promise<void> => {
    if (health) await closeServer(health);
  };
  const feedStore = new FeedStore(db);
  const channelPosts: Recipient[] = [];
  if (config.telegram?.channelId) channelPosts.push({ channel: 'telegram', chatId: config.telegram.channelId, isGroup: true });
  if (config.whatsapp?.channelId) channelPosts.push({ channel: 'whatsapp', chatId: config.whatsapp.channelId, isGroup: true });
  const push = new PushService({ db, clock, logger, channelPosts });

  const channelHints: string[] = [];
  const telegramChannel = config.telegram?.channelId;
  if (telegramChannel?.startsWith('@')) channelHints.push(`Follow our Telegram channel for every new article: https://t.me/${telegramChannel.slice(1)}`);
  if (config.whatsapp?.channelId) channelHints.push('Every new article is also posted to our WhatsApp channel.');

  /** What a failed start had opened, closed before its error reaches main(). */
  const releaseStarted = (core?: Core): Promise<void> =>
    releaseAll(logger, [
      ['health server', closeHealth],
      ['articles', async () => core?.close()],
      ['database', () => db.close()],
    ]);

  if (!existsSync(config.contentDir)) {
    await releaseStarted();
    throw new Error(`CONTENT_DIR=${config.contentDir}: no such folder. Point CONTENT_DIR at the folder that holds the articles.`);
  }
  const core = await createCore({
    onAnswer: (question, answer, seconds) => {
      // Bookkeeping must never cost a reader the answer.
      try {
        metrics.answered(answer, seconds);
        if (answer.type === 'notFound' && config.questionLog) questions.record(question);
      } catch (error) {
        logger.error({ err: error }, 'recording an answer failed');
      }
    },
    contentDir: config.contentDir,
    floodMessagesPerMinute: config.floodMessagesPerMinute,
    logger,
    extraArticles: feedStore.articles(),
    archive: { dataDir: config.dataDir, memoryBytes: config.archiveMemoryBytes },
    channelHints,
    subscriptions: (knowledge) =>
      new SubscriptionCommandHandler({
        subscribers: push.subscribers,
        outbox: push.outbox,
        publisher: push.publisher,
        knowledge,
        admins: config.admins,
        logger,
        questions: config.questionLog ? questions : null,
      }),
  }).catch(async (error: unknown) => {
    await releaseStarted();
    throw error;
  });
  articles.count = () => core.knowledge.size;
  metrics.watch({ outboxStats: () => push.outbox.stats(), backlogByChannel: () => push.outbox.backlogByChannel(), articles: () => core.knowledge.size });
  const conversation = countingResponder(core.conversation, metrics);

  try {
    channels.push(...(await createConfiguredChannels({ config, conversation, push, logger, ...(options.terminal ? { terminal: options.terminal } : {}), ...(options.whatsappClient ? { whatsappClient: options.whatsappClient } : {}) })));
  } catch (error) {
    // A channel that can't be made (its platform library broken in the install) must not
    // leave the health port, the index and the database held: the process has to exit.
    await releaseStarted(core);
    throw error;
  }

  for (const channel of channels) {
    metrics.channelState(channel.name, channel.status.state);
    channel.status.onChange((snapshot, name) => {
      metrics.channelState(name, snapshot.state);
      if (snapshot.state === 'failed') reportFailure();
    });
  }
  let fatal = false;
  const reportFailure = (): void => {
    const error = fatalFailure(channels.map((channel) => channel.status));
    if (!error || fatal) return;
    fatal = true;
    logger.fatal({ err: error }, 'the bot cannot go on');
    options.onFatal?.(error);
  };

  const watcher = new ContentWatcher({
    dir: config.contentDir,
    intervalMs: config.contentPollMs,
    logger,
    onArticles: (articles) => push.articlesArrived(core.knowledge, articles),
    onRemoved: (id) => core.knowledge.remove(id),
    ...(core.fileLog ? { fileLog: core.fileLog } : {}),
  });
  const feeds = new FeedPoller({
    urls: config.feeds.urls,
    intervalMs: config.feeds.pollMs,
    store: feedStore,
    logger,
    onArticle: (article, isNew) => push.articleArrived(core.knowledge, article, isNew),
    onPolled: (ok) => metrics.feedPolled(ok),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  let started = false;
  let stopped = false;
  let pruning: NodeJS.Timeout | undefined;
  return {
    core,
    push,
    channels,
    metrics,
    questions,
    readiness: currentReadiness,
    ...(health ? { health } : {}),
    async start() {
      started = true;
      // Each channel connects in the background: one that is down never holds up the
      // others, the pushes or the content folder.
      for (const channel of channels) {
        // Piped input is a script, not a person: it is answered from the whole folder, as
        // `npm run ask` is, rather than from the part indexed so far.
        if (channel.name === 'console' && options.terminal && !options.terminal.interactive) await core.ready;
        try {
          await channel.start();
        } catch (error) {
          logger.error({ channel: channel.name, err: error }, 'channel failed to start; the others keep running');
          channel.status.failed(error instanceof Error ? error : new Error(String(error)));
        }
      }
      // The channels answer from what is indexed so far; what follows needs every article.
      await core.ready;
      if (stopped) return;
      push.catchUp(core.knowledge);
      push.start();
      // Old questions go even when nobody asks anything new.
      pruning = setInterval(() => questions.prune(), QUESTION_PRUNE_MS).unref();
      watcher.prime(core.files, core.skipped.map((skip) => skip.file));
      watcher.start();
      if (config.feeds.urls.length) feeds.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(pruning);
      if (started) {
        await watcher.stop();
        await feeds.stop();
        await Promise.allSettled(channels.map((channel) => channel.stop()));
        await push.stop();
      }
      await core.close();
      await closeHealth();
      db.close();
    },
  };
}

/**
 * Closes each of `steps` in turn, the health port first (a restart waits for it). One that
 * fails is logged and the rest still run: it must never hide the error that stopped the start.
 */
async function releaseAll(logger: Logger, steps: [what: string, close: () => unknown][]): Promise<void> {
  for (const [what, close] of steps) {
    try {
      await close();
    } catch (error) {
      logger.error({ err: error, what }, 'closing after a failed start failed');
    }
  }
}

/** The database, or an error that names DATA_DIR and says what to do. */
function openOrExplain(dataDir: string, logger: Logger): Db {
  try {
    return openDatabase(dataDir, logger);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`DATA_DIR=${dataDir}: can't keep the bot's database there (${reason}). Point DATA_DIR at a writable folder.`);
  }
}
