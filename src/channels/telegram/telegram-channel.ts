import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { Telegraf } from 'telegraf';
import type { IncomingMessage, Reply } from '../../conversation/messages.js';
import { DEFAULTS } from '../../config.js';
import type { PushTransport } from '../../push/transport.js';
import { Backoff, type BackoffPolicy, sleep } from '../backoff.js';
import type { Channel, Responder } from '../channel.js';
import { ChannelConfigError, ChannelStatus } from '../channel-status.js';
import { describeFailure, guardBotApi } from './bot-api-guard.js';
import { inlineKeyboard, renderHtml, splitMessage } from './render-html.js';
import { sendResultOf } from './send-result.js';
import { type TelegramMessageLike, toIncoming } from './to-incoming.js';
import { closeServer } from '../../net/close-server.js';
import { startWebhookServer } from './webhook-server.js';

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  webhook?: { url: string; secret?: string | undefined; port: number } | undefined;
  /** Every Bot API call's timeout (default: TELEGRAM_API_TIMEOUT_SECONDS' default). */
  apiTimeoutMs?: number;
  /** getUpdates' long-poll wait. */
  longPollSeconds?: number;
  /** Between attempts to reach the Bot API while it is down. */
  retry?: BackoffPolicy;
  /** Webhook mode: how often the Bot API is asked about the webhook, to notice it is gone. */
  webhookProbeMs?: number;
}

/** Without a setting, the production values (see DEFAULTS in config.ts). */
const FALLBACK = { apiTimeoutMs: DEFAULTS.telegramApiTimeoutSeconds * 1000, longPollSeconds: DEFAULTS.telegramLongPollSeconds, retry: DEFAULTS.telegramRetry, webhookProbeMs: DEFAULTS.telegramWebhookProbeMs };

export interface TelegramChannelOptions {
  config: TelegramConfig;
  conversation: Responder;
  logger: Logger;
}

/**
 * The Telegram adapter: telegraf updates in, neutral replies out as HTML. Each update is
 * handled on its own promise, so one slow answer never holds up other chats; the set of
 * updates in hand is awaited on stop.
 *
 * Lifecycle: start() returns at once and a background loop connects (getMe, then polling
 * or the webhook); a Bot API that is down, slow or silent makes the channel `down` and is
 * retried with backoff for as long as the bot runs. A token it refuses makes it `failed`.
 */
export function createTelegramChannel(options: TelegramChannelOptions): Channel & { send(chatId: string, reply: Reply): Promise<void>; push: PushTransport } {
  const { conversation } = options;
  const config = { ...FALLBACK, ...options.config };
  const logger = options.logger.child({ channel: 'telegram' });
  const status = new ChannelStatus('telegram', options.logger);
  const bot = new Telegraf(config.token, { telegram: { apiRoot: config.apiRoot, webhookReply: false }, handlerTimeout: 60_000 });
  const stopping = new AbortController();
  guardBotApi(bot.telegram, { timeoutMs: config.apiTimeoutMs, longPollSeconds: config.longPollSeconds, retry: config.retry, status, logger, stop: stopping.signal });
  const inFlight = new Set<Promise<void>>();
  let me = { id: 0, username: '' };
  let server: Server | undefined;
  let running: Promise<void> | undefined;

  const send = async (chatId: string, reply: Reply): Promise<void> => {
    const chunks = splitMessage(renderHtml(reply));
    const keyboard = inlineKeyboard(reply.buttons, me.username || undefined);
    for (const [index, chunk] of chunks.entries()) {
      const last = index === chunks.length - 1;
      await bot.telegram.sendMessage(chatId, chunk, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
      });
    }
  };

  const answer = async (incoming: IncomingMessage): Promise<void> => {
    const reply = await conversation.respond(incoming);
    if (!reply) return;
    try {
      await send(incoming.chatId, reply);
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (code === 403) logger.info({ chatId: incoming.chatId }, 'reply not delivered: the user blocked the bot');
      else logger.error({ chatId: incoming.chatId, err: error }, 'reply not delivered');
    }
  };

  const track = (work: Promise<void>): void => {
    const tracked = work.catch((error: unknown) => logger.error({ err: error }, 'update failed')).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  bot.on('message', (ctx) => {
    track(answer(toIncoming(ctx.message as TelegramMessageLike, me)));
  });
  bot.on('edited_message', (ctx) => {
    // An edit is answered like a new question: the reader fixed a typo and wants the answer.
    track(answer(toIncoming(ctx.editedMessage as TelegramMessageLike, me)));
  });
  bot.on('callback_query', (ctx) => {
    const query = ctx.callbackQuery;
    const data = 'data' in query ? query.data : undefined;
    const chat = query.message?.chat;
    track(
      (async () => {
        // bot.telegram, not ctx.telegram: only the former has the timeout.
        await bot.telegram.answerCbQuery(query.id).catch((error: unknown) => logger.debug({ err: error }, 'answerCallbackQuery failed'));
        if (!data || !chat) return;
        await answer({
          channel: 'telegram',
          chatId: String(chat.id),
          userId: String(query.from.id),
          text: data,
          isGroup: chat.type === 'group' || chat.type === 'supergroup',
          addressedToBot: true,
        });
      })(),
    );
  });
  bot.catch((error, ctx) => logger.error({ err: error, chatId: ctx.chat?.id }, 'telegram handler failed'));

  // Pushes share the bot with answers but not a queue: the delivery worker paces them
  // below Telegram's 30 a second, leaving room for answers, which go out directly.
  const push: PushTransport = {
    channel: 'telegram',
    async send(chatId, message) {
      if (status.state !== 'up') return { ok: false, kind: 'notReady', detail: `telegram channel ${status.state}` };
      try {
        await send(chatId, message);
        return { ok: true };
      } catch (error) {
        return sendResultOf(error);
      }
    },
  };

  /** One connection: getMe, then polling until it stops, or the webhook and its probe. */
  const connect = async (): Promise<void> => {
    const info = await bot.telegram.getMe();
    me = { id: info.id, username: info.username };
    bot.botInfo = info;
    logger.info({ username: info.username }, 'telegram bot ready');
    if (!config.webhook) {
      // Resolves when polling stops; polling's own failures are retried inside the calls.
      await bot.launch({ dropPendingUpdates: false });
      if (!stopping.signal.aborted) throw new Error('polling stopped');
      return;
    }
    const url = new URL(config.webhook.url);
    const secret = config.webhook.secret ?? randomBytes(24).toString('hex');
    if (!server) {
      try {
        server = await startWebhookServer(bot, { path: url.pathname + url.search, secret, port: config.webhook.port, logger });
      } catch (error) {
        throw new Error(`webhook server can't listen on PORT=${config.webhook.port} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
    }
    await bot.telegram.setWebhook(config.webhook.url, { secret_token: secret });
    logger.info({ url: url.origin + url.pathname, port: config.webhook.port }, 'webhook set');
    // Telegram calls us, so nothing would notice it going away: ask it now and then.
    while (!stopping.signal.aborted) {
      await sleep(config.webhookProbeMs, stopping.signal);
      if (stopping.signal.aborted) return;
      const hook = await bot.telegram.getWebhookInfo();
      if (hook.url !== config.webhook.url) {
        logger.warn({ current: hook.url ? 'another URL' : 'none' }, 'the webhook was changed outside the bot; setting it again');
        await bot.telegram.setWebhook(config.webhook.url, { secret_token: secret });
      }
    }
  };

  /** Connects, and connects again after anything but a stop or a refused token. */
  const run = async (): Promise<void> => {
    const backoff = new Backoff(config.retry);
    while (!stopping.signal.aborted) {
      try {
        await connect();
        return;
      } catch (error) {
        if (stopping.signal.aborted) return;
        if (error instanceof ChannelConfigError) {
          status.failed(error);
          return;
        }
        const wait = backoff.next();
        const reason = describeFailure('connect', error as Error);
        status.down(reason);
        logger.warn({ reason, attempt: backoff.attempts, retryInMs: wait }, 'telegram connection lost; connecting again');
        await sleep(wait, stopping.signal);
      }
    }
  };

  return {
    name: 'telegram',
    status,
    send,
    push,
    async start() {
      status.starting(config.webhook ? 'connecting (webhook)' : 'connecting (long polling)');
      running = run();
    },
    async stop() {
      stopping.abort();
      if (bot.botInfo && !config.webhook) {
        try {
          bot.stop('shutdown');
        } catch {
          // polling was not running
        }
      }
      if (server) await closeServer(server);
      await Promise.allSettled([...inFlight]);
      await running;
    },
  };
}
