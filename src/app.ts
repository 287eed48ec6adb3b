import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { Channel } from './channels/channel.js';
import type { WhatsAppClientLike } from './channels/whatsapp/whatsapp-channel.js';
import { createConsoleChannel } from './channels/console.js';
import type { Config } from './config.js';
import { ContentWatcher } from './content/content-watcher.js';
import { type Core, createCore } from './core.js';
import { FeedPoller } from './feeds/feed-poller.js';
import { FeedStore } from './feeds/feed-store.js';
import { type Clock, systemClock } from './push/clock.js';
import type { Recipient } from './push/outbox.js';
import { PushService } from './push/push-service.js';
import { NO_LIMITS } from './push/rate-limiter.js';
import { SubscriptionCommandHandler } from './push/subscription-commands.js';
import { type Db, openDatabase } from './store/database.js';

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** The terminal, used for the console chat when no other channel is configured. */
  terminal?: { input: Readable; output: Writable; interactive: boolean; onClose?: () => void };
  clock?: Clock;
  fetch?: typeof fetch;
  /** A stand-in for whatsapp-web.js's Client (tests); the real one otherwise. */
  whatsappClient?: () => WhatsAppClientLike;
}

export interface App {
  core: Core;
  push: PushService;
  channels: Channel[];
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
  const feedStore = new FeedStore(db);
  const channelPosts: Recipient[] = [];
  if (config.telegram?.channelId) channelPosts.push({ channel: 'telegram', chatId: config.telegram.channelId, isGroup: true });
  if (config.whatsapp?.channelId) channelPosts.push({ channel: 'whatsapp', chatId: config.whatsapp.channelId, isGroup: true });
  const push = new PushService({ db, clock, logger, channelPosts });

  const channelHints: string[] = [];
  const telegramChannel = config.telegram?.channelId;
  if (telegramChannel?.startsWith('@')) channelHints.push(`Follow our Telegram channel for every new article: https://t.me/${telegramChannel.slice(1)}`);
  if (config.whatsapp?.channelId) channelHints.push('Every new article is also posted to our WhatsApp channel.');

  if (!existsSync(config.contentDir)) {
    db.close();
    throw new Error(`CONTENT_DIR=${config.contentDir}: no such folder. Point CONTENT_DIR at the folder that holds the articles.`);
  }
  const core = await createCore({
    contentDir: config.contentDir,
    floodMessagesPerMinute: config.floodMessagesPerMinute,
    logger,
    extraArticles: feedStore.articles(),
    archive: { dataDir: config.dataDir, memoryBytes: config.archiveMemoryBytes },
    channelHints,
    subscriptions: (knowledge) =>
      new SubscriptionCommandHandler({ subscribers: push.subscribers, outbox: push.outbox, publisher: push.publisher, knowledge, admins: config.admins, logger }),
  });

  const channels: Channel[] = [];
  if (config.telegram) {
    const { createTelegramChannel } = await import('./channels/telegram/telegram-channel.js');
    const telegram = createTelegramChannel({ config: config.telegram, conversation: core.conversation, logger });
    channels.push(telegram);
    push.addTransport(telegram.push, { perSecond: config.telegram.pushPerSecond, perChatGapMs: 1000, groupPerMinute: 20, jitterMs: 0 }, 8);
  }
  if (config.whatsapp) {
    const whatsapp = config.whatsapp;
    const { createWhatsAppChannel } = await import('./channels/whatsapp/whatsapp-channel.js');
    const { createWhatsAppClient, whatsappSessionDir } = await import('./channels/whatsapp/whatsapp-client.js');
    const channel = createWhatsAppChannel({
      createClient: options.whatsappClient ?? (() => createWhatsAppClient({ dataDir: config.dataDir, chromePath: whatsapp.chromePath, pairPhone: whatsapp.pairPhone })),
      conversation: core.conversation,
      logger,
      dataDir: config.dataDir,
      sessionDir: whatsappSessionDir(config.dataDir),
      chromePath: whatsapp.chromePath,
      ...(options.terminal ? { terminal: options.terminal.output } : {}),
    });
    channels.push(channel);
    // WhatsApp bans numbers that message too fast: a few a minute, unevenly spaced.
    const gapMs = 60_000 / whatsapp.pushPerMinute;
    push.addTransport(channel.push, { perSecond: whatsapp.pushPerMinute / 60, perChatGapMs: 1000, groupPerMinute: 0, jitterMs: gapMs / 2 }, 1);
  }
  if (channels.length === 0 && options.terminal) {
    const terminal = options.terminal;
    const consoleChannel = createConsoleChannel({ conversation: core.conversation, ...terminal });
    channels.push(consoleChannel);
    push.addTransport(consoleChannel.push, NO_LIMITS, 1);
  }

  const watcher = new ContentWatcher({
    dir: config.contentDir,
    intervalMs: config.contentPollMs,
    logger,
    onArticle: (article) => push.articleArrived(core.knowledge, article),
    onRemoved: (id) => core.knowledge.remove(id),
    ...(core.fileLog ? { fileLog: core.fileLog } : {}),
  });
  const feeds = new FeedPoller({
    urls: config.feeds.urls,
    intervalMs: config.feeds.pollMs,
    store: feedStore,
    logger,
    onArticle: (article, isNew) => push.articleArrived(core.knowledge, article, isNew),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  let started = false;
  let stopped = false;
  return {
    core,
    push,
    channels,
    async start() {
      started = true;
      for (const channel of channels) {
        try {
          await channel.start();
          logger.info({ channel: channel.name }, 'channel started');
        } catch (error) {
          logger.error({ channel: channel.name, err: error }, 'channel failed to start; the others keep running');
        }
      }
      // The channels answer from what is indexed so far; what follows needs every article.
      await core.ready;
      if (stopped) return;
      push.catchUp(core.knowledge);
      push.start();
      watcher.prime(core.files);
      watcher.start();
      if (config.feeds.urls.length) feeds.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (started) {
        await watcher.stop();
        await feeds.stop();
        await Promise.allSettled(channels.map((channel) => channel.stop()));
        await push.stop();
      }
      await core.close();
      db.close();
    },
  };
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
