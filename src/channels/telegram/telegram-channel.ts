import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage as HttpRequest, type Server } from 'node:http';
import type { Logger } from 'pino';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Conversation } from '../../conversation/conversation.js';
import type { IncomingMessage, Reply } from '../../conversation/messages.js';
import type { PushTransport } from '../../push/transport.js';
import type { Channel } from '../channel.js';
import { inlineKeyboard, renderHtml, splitMessage } from './render-html.js';
import { sendResultOf } from './send-result.js';
import { type TelegramMessageLike, toIncoming } from './to-incoming.js';

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  webhook?: { url: string; secret?: string; port: number };
}

export interface TelegramChannelOptions {
  config: TelegramConfig;
  conversation: Conversation;
  logger: Logger;
}

/**
 * The Telegram adapter: telegraf updates in, neutral replies out as HTML. Each update is
 * handled on its own promise, so one slow answer never holds up other chats; the set of
 * updates in hand is awaited on stop.
 */
export function createTelegramChannel(options: TelegramChannelOptions): Channel & { send(chatId: string, reply: Reply): Promise<void>; push: PushTransport } {
  const { config, conversation } = options;
  const logger = options.logger.child({ channel: 'telegram' });
  const bot = new Telegraf(config.token, { telegram: { apiRoot: config.apiRoot, webhookReply: false }, handlerTimeout: 60_000 });
  const inFlight = new Set<Promise<void>>();
  let me = { id: 0, username: '' };
  let server: Server | undefined;
  let polling: Promise<void> | undefined;

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
        await ctx.answerCbQuery().catch((error: unknown) => logger.debug({ err: error }, 'answerCallbackQuery failed'));
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
      if (!me.username) return { ok: false, kind: 'notReady', detail: 'bot not started yet' };
      try {
        await send(chatId, message);
        return { ok: true };
      } catch (error) {
        return sendResultOf(error);
      }
    },
  };

  return {
    name: 'telegram',
    send,
    push,
    async start() {
      const info = await bot.telegram.getMe();
      me = { id: info.id, username: info.username };
      bot.botInfo = info;
      logger.info({ username: info.username }, 'telegram bot ready');
      if (config.webhook) {
        const secret = config.webhook.secret ?? randomBytes(24).toString('hex');
        server = await startWebhookServer(config.webhook.port, secret, (update) => bot.handleUpdate(update), logger);
        await bot.telegram.setWebhook(config.webhook.url, { secret_token: secret });
        logger.info({ url: config.webhook.url, port: config.webhook.port }, 'webhook set');
      } else {
        // launch() resolves only when polling stops, so it is not awaited here.
        polling = bot.launch({ dropPendingUpdates: false }).catch((error: unknown) => {
          logger.error({ err: error }, 'telegram polling stopped');
        });
      }
    },
    async stop() {
      if (polling) {
        try {
          bot.stop('shutdown');
        } catch {
          // not running
        }
      }
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
      await polling;
    },
  };
}

/** Accepts updates only with the right secret header; everything else gets 401. */
export function startWebhookServer(port: number, secret: string, handle: (update: Update) => Promise<unknown>, logger: Logger): Promise<Server> {
  const expected = Buffer.from(secret);
  const server = createServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405).end();
      return;
    }
    if (!secretMatches(request, expected)) {
      logger.warn({ remote: request.socket.remoteAddress }, 'webhook request with a wrong secret token');
      response.writeHead(401).end('unauthorized');
      return;
    }
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 1_000_000) request.destroy();
    });
    request.on('end', () => {
      let update: Update;
      try {
        update = JSON.parse(body) as Update;
      } catch {
        response.writeHead(400).end('bad json');
        return;
      }
      response.writeHead(200).end('ok');
      handle(update).catch((error: unknown) => logger.error({ err: error }, 'webhook update failed'));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}

function secretMatches(request: HttpRequest, expected: Buffer): boolean {
  const given = Buffer.from(String(request.headers['x-telegram-bot-api-secret-token'] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
