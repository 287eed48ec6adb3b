import { access, constants, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import QRCode from 'qrcode';
import qrcodeTerminal from 'qrcode-terminal';
import type { Button, IncomingMessage, Reply } from '../../conversation/messages.js';
import type { PushTransport, SendResult } from '../../push/transport.js';
import { DEFAULTS } from '../../config.js';
import { Backoff, type BackoffPolicy } from '../backoff.js';
import type { Channel, Responder } from '../channel.js';
import { ChannelStatus } from '../channel-status.js';
import { renderWhatsApp, splitWhatsApp } from './render-whatsapp.js';
import { isIgnored, toIncoming, type WhatsAppMessageLike } from './to-incoming.js';

/**
 * The slice of whatsapp-web.js's `Client` this adapter uses. Tests drive the adapter with a
 * fake of it; `whatsapp-client.ts` builds the real one.
 */
export interface WhatsAppClientLike {
  on(event: 'qr' | 'code' | 'auth_failure' | 'disconnected', listener: (value: string) => void): unknown;
  on(event: 'ready' | 'authenticated', listener: () => void): unknown;
  on(event: 'message', listener: (message: WhatsAppMessageLike) => void): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<unknown>;
  /** For a channel id (…@newsletter) this is a Channel, whose sendMessage posts to it. */
  getChatById(chatId: string): Promise<{ sendMessage(content: string): Promise<unknown> }>;
  info?: { wid?: { _serialized: string; user: string }; pushname?: string };
}

export interface WhatsAppChannelOptions {
  /** Builds a fresh client; called again to re-initialise after a disconnect. */
  createClient: () => WhatsAppClientLike;
  conversation: Responder;
  logger: Logger;
  /** Where the login QR code is written as a PNG. */
  dataDir: string;
  /** Where the login session lives (LocalAuth), for the auth_failure advice. */
  sessionDir: string;
  /** The browser, checked before start so a wrong path is a clear error naming CHROME_PATH. */
  chromePath: string;
  /** Where the QR code is printed for a person at the terminal. */
  terminal?: Writable;
  /** Waits between re-initialisations after a disconnect or a failed start. */
  reconnect?: BackoffPolicy;
}

export const QR_PNG_FILE = 'whatsapp-login-qr.png';
const NUMBER_CHOICE = /^\s*(\d{1,2})\s*[.)]?\s*$/;
/** whatsapp-web.js / puppeteer errors that mean the browser or the session is gone, not the chat. */
const NOT_READY_ERROR = /session closed|target closed|protocol error|detached|not ready|execution context was destroyed|browser has disconnected/i;
const CHAT_GONE_ERROR = /invalid wid|wid error|no lid for user|chat not found|not registered|not a whatsapp user/i;

/**
 * The WhatsApp adapter: whatsapp-web.js messages in, WhatsApp-formatted text out. Handles
 * login (QR in the terminal and as a PNG, or a pairing code), re-initialises with backoff
 * after a disconnect, a failed start or a missing browser (the other channels run
 * meanwhile), and offers a push transport that keeps pushes queued while the client is not
 * ready. Its status: starting (and waiting for a login) -> up (ready) -> down -> up.
 */
export function createWhatsAppChannel(options: WhatsAppChannelOptions): Channel & { push: PushTransport; readonly ready: boolean } {
  const { conversation } = options;
  const logger = options.logger.child({ channel: 'whatsapp' });
  const status = new ChannelStatus('whatsapp', options.logger);
  const backoff = new Backoff(options.reconnect ?? DEFAULTS.whatsappRetry);
  const qrFile = join(options.dataDir, QR_PNG_FILE);
  const menus = new Map<string, Button[]>();
  const inFlight = new Set<Promise<void>>();
  let client: WhatsAppClientLike | undefined;
  let ready = false;
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const botIdentity = () => ({ id: client?.info?.wid?._serialized, number: client?.info?.wid?.user });

  const sendReply = async (chatId: string, reply: Reply): Promise<void> => {
    const isChannelPost = chatId.endsWith('@newsletter');
    const number = botIdentity().number;
    const rendered = renderWhatsApp(reply, { isChannelPost, ...(number ? { botNumber: number } : {}) });
    if (!isChannelPost) {
      if (rendered.menu.length) rememberMenu(chatId, rendered.menu);
      else menus.delete(chatId);
    }
    const current = client;
    if (!current) throw new Error('not ready');
    for (const chunk of splitWhatsApp(rendered.text)) {
      if (isChannelPost) await (await current.getChatById(chatId)).sendMessage(chunk);
      else await current.sendMessage(chatId, chunk);
    }
  };

  const rememberMenu = (chatId: string, menu: Button[]): void => {
    menus.delete(chatId);
    menus.set(chatId, menu);
    if (menus.size > 10_000) menus.delete(menus.keys().next().value!);
  };

  /** "2" after a numbered menu means the menu's second entry. */
  const resolveMenuChoice = (incoming: IncomingMessage): IncomingMessage => {
    const choice = incoming.text === undefined ? null : NUMBER_CHOICE.exec(incoming.text);
    const entry = choice ? menus.get(incoming.chatId)?.[Number(choice[1]) - 1] : undefined;
    return entry ? { ...incoming, text: entry.action, addressedToBot: true } : incoming;
  };

  const handleMessage = async (message: WhatsAppMessageLike): Promise<void> => {
    if (isIgnored(message)) return;
    const incoming = resolveMenuChoice(await toIncoming(message, botIdentity()));
    const reply = await conversation.respond(incoming);
    if (!reply) return;
    try {
      await sendReply(incoming.chatId, reply);
    } catch (error) {
      logger.error({ chatId: incoming.chatId, err: error }, 'reply not delivered');
    }
  };

  const track = (work: Promise<void>): void => {
    const tracked = work.catch((error: unknown) => logger.error({ err: error }, 'message failed')).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  const showQr = async (qr: string): Promise<void> => {
    if (options.terminal) {
      qrcodeTerminal.generate(qr, { small: true }, (art) => void options.terminal!.write(`Scan this with WhatsApp (Settings > Linked devices > Link a device):\n${art}\n`));
    }
    await mkdir(options.dataDir, { recursive: true });
    await QRCode.toFile(qrFile, qr, { width: 512 });
    logger.info({ qrPng: qrFile }, 'WhatsApp login: scan the QR code printed in the terminal, or open the PNG');
  };

  const scheduleReconnect = (why: string): void => {
    if (stopping || retryTimer) return;
    status.down(why);
    const wait = backoff.next();
    logger.warn({ reason: why, retryInMs: wait, attempt: backoff.attempts }, 'WhatsApp client down; re-initialising');
    const old = client;
    client = undefined;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void (old ? old.destroy().catch(() => undefined) : Promise.resolve()).then(() => connect());
    }, wait);
  };

  const connect = async (): Promise<void> => {
    if (stopping) return;
    try {
      await access(options.chromePath, constants.X_OK);
    } catch {
      const reason = `CHROME_PATH=${options.chromePath}: no browser there. Install Debian's chromium (apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome executable.`;
      logger.error({ CHROME_PATH: options.chromePath }, reason);
      scheduleReconnect(reason);
      return;
    }
    const current = options.createClient();
    client = current;
    current.on('qr', () => {
      if (client === current) status.starting('waiting for login: scan the QR code (see the log) or enter the pairing code');
    });
    current.on('qr', (qr) => void showQr(qr).catch((error: unknown) => logger.error({ err: error }, 'could not write the QR code')));
    current.on('code', (code) => {
      options.terminal?.write(`WhatsApp pairing code: ${code}\nOn the phone: Settings > Linked devices > Link a device > Link with phone number instead.\n`);
      logger.info({ code }, 'WhatsApp login: enter the pairing code on the phone');
    });
    current.on('authenticated', () => {
      logger.info('WhatsApp authenticated; session saved');
      void rm(qrFile, { force: true });
    });
    current.on('auth_failure', (message) => {
      if (client === current) status.down(`login failed (${message}): stop the bot, delete ${options.sessionDir} and link the phone again`);
      logger.error(
        { reason: message, sessionDir: options.sessionDir },
        `WhatsApp login failed (${message}). Stop the bot, delete ${options.sessionDir}, start it again and link the phone anew.`,
      );
    });
    current.on('ready', () => {
      if (client !== current) return;
      ready = true;
      backoff.reset();
      status.up(`ready as ${current.info?.wid?.user ?? 'the linked number'}`);
      logger.info({ account: current.info?.wid?.user, name: current.info?.pushname }, 'WhatsApp ready');
    });
    current.on('disconnected', (reason) => {
      if (client !== current) return;
      ready = false;
      scheduleReconnect(`disconnected: ${reason}`);
    });
    // `message` only: `message_create` would also deliver the bot's own messages.
    current.on('message', (message) => track(handleMessage(message)));
    try {
      await current.initialize();
    } catch (error) {
      if (client !== current || stopping) return;
      const reason = error instanceof Error ? error.message : String(error);
      const browser = /launch|chrom|executable|spawn|ENOENT|EACCES/i.test(reason);
      logger.error({ reason, ...(browser ? { CHROME_PATH: options.chromePath } : {}) }, browser ? `WhatsApp could not start the browser at CHROME_PATH=${options.chromePath}` : 'WhatsApp client failed to start');
      ready = false;
      scheduleReconnect(reason);
    }
  };

  const push: PushTransport = {
    channel: 'whatsapp',
    async send(chatId, message): Promise<SendResult> {
      if (!ready || !client) return { ok: false, kind: 'notReady', detail: 'WhatsApp client not ready' };
      try {
        await sendReply(chatId, message);
        return { ok: true };
      } catch (error) {
        const detail = (error instanceof Error ? error.message : String(error)).slice(0, 300);
        if (NOT_READY_ERROR.test(detail)) return { ok: false, kind: 'notReady', detail };
        if (CHAT_GONE_ERROR.test(detail)) return { ok: false, kind: 'chatGone', detail };
        return { ok: false, kind: 'transient', detail };
      }
    },
  };

  return {
    name: 'whatsapp',
    status,
    push,
    get ready() {
      return ready;
    },
    async start() {
      status.starting('starting the browser');
      // initialize() resolves only after login, which can wait for a person with a phone:
      // it runs in the background and the other channels start meanwhile.
      void connect();
    },
    async stop() {
      stopping = true;
      clearTimeout(retryTimer);
      await Promise.allSettled([...inFlight]);
      ready = false;
      await client?.destroy().catch((error: unknown) => logger.warn({ err: error }, 'WhatsApp browser did not close cleanly'));
    },
  };
}
