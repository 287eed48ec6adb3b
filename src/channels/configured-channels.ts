import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { PushService } from '../push/push-service.js';
import { NO_LIMITS } from '../push/rate-limiter.js';
import type { Channel, Responder } from './channel.js';
import { createConsoleChannel, type Terminal } from './console.js';
import type { WhatsAppClientLike } from './whatsapp/whatsapp-channel.js';

/** Telegram's limit for one chat is a message a second; 20 a minute in a group. */
const TELEGRAM_CHAT_GAP_MS = 1000;
const TELEGRAM_GROUP_PER_MINUTE = 20;
const TELEGRAM_CONCURRENCY = 8;
const WHATSAPP_CHAT_GAP_MS = 1000;

export interface ChannelWiring {
  config: Config;
  conversation: Responder;
  push: PushService;
  logger: Logger;
  /** The terminal: the console chat when no other channel is configured, WhatsApp's pairing QR code otherwise. */
  terminal?: Terminal;
  /** A stand-in for whatsapp-web.js's Client (tests); the real one otherwise. */
  whatsappClient?: () => WhatsAppClientLike;
}

/**
 * Every channel the configuration names, each plugged into the push service with its
 * platform's rate limits; the console chat when none is. A platform's module is loaded only
 * when it is configured, so a console-only bot never loads a browser driver.
 */
export async function createConfiguredChannels({ config, conversation, push, logger, terminal, whatsappClient }: ChannelWiring): Promise<Channel[]> {
  const channels: Channel[] = [];
  if (config.telegram) {
    const { createTelegramChannel } = await import('./telegram/telegram-channel.js');
    const telegram = createTelegramChannel({ config: config.telegram, conversation, logger });
    channels.push(telegram);
    push.addTransport(telegram.push, { perSecond: config.telegram.pushPerSecond, perChatGapMs: TELEGRAM_CHAT_GAP_MS, groupPerMinute: TELEGRAM_GROUP_PER_MINUTE, jitterMs: 0 }, TELEGRAM_CONCURRENCY);
  }
  if (config.whatsapp) {
    const whatsapp = config.whatsapp;
    const { createWhatsAppChannel } = await import('./whatsapp/whatsapp-channel.js');
    const { createWhatsAppClient, whatsappSessionDir } = await import('./whatsapp/whatsapp-client.js');
    const channel = createWhatsAppChannel({
      createClient: whatsappClient ?? (() => createWhatsAppClient({ dataDir: config.dataDir, chromePath: whatsapp.chromePath, pairPhone: whatsapp.pairPhone })),
      conversation,
      logger,
      dataDir: config.dataDir,
      reconnect: whatsapp.retry,
      sessionDir: whatsappSessionDir(config.dataDir),
      chromePath: whatsapp.chromePath,
      ...(terminal ? { terminal: terminal.output } : {}),
    });
    channels.push(channel);
    // WhatsApp bans numbers that message too fast: a few a minute, unevenly spaced.
    const gapMs = 60_000 / whatsapp.pushPerMinute;
    push.addTransport(channel.push, { perSecond: whatsapp.pushPerMinute / 60, perChatGapMs: WHATSAPP_CHAT_GAP_MS, groupPerMinute: 0, jitterMs: gapMs / 2 }, 1);
  }
  if (channels.length === 0 && terminal) {
    const consoleChannel = createConsoleChannel({ conversation, logger, ...terminal });
    channels.push(consoleChannel);
    push.addTransport(consoleChannel.push, NO_LIMITS, 1);
  }
  return channels;
}
