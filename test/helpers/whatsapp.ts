import { EventEmitter } from 'node:events';
import type { WhatsAppClientLike } from '../../src/channels/whatsapp/whatsapp-channel.js';
import type { WhatsAppMessageLike } from '../../src/channels/whatsapp/to-incoming.js';

export const BOT_NUMBER = '994500000000';

/**
 * A stand-in for whatsapp-web.js's Client: the test emits its events (qr, ready, message,
 * disconnected…) and reads what the adapter sent.
 */
export class FakeWhatsAppClient extends EventEmitter implements WhatsAppClientLike {
  readonly sent: { chatId: string; content: string }[] = [];
  initialized = 0;
  destroyed = 0;
  initError: Error | undefined;
  sendError: Error | undefined;
  info = { wid: { _serialized: `${BOT_NUMBER}@c.us`, user: BOT_NUMBER }, pushname: 'News Bot' };

  async initialize(): Promise<void> {
    this.initialized++;
    if (this.initError) throw this.initError;
  }
  async destroy(): Promise<void> {
    this.destroyed++;
  }
  async sendMessage(chatId: string, content: string): Promise<unknown> {
    if (this.sendError) throw this.sendError;
    this.sent.push({ chatId, content });
    return {};
  }
  async getChatById(chatId: string) {
    return { sendMessage: (content: string) => this.sendMessage(chatId, content) };
  }
  sentTo(chatId: string): string[] {
    return this.sent.filter((sent) => sent.chatId === chatId).map((sent) => sent.content);
  }
}

export const waMessage = (body: string, extra: Partial<WhatsAppMessageLike> = {}): WhatsAppMessageLike => ({
  from: '994501111111@c.us',
  body,
  type: 'chat',
  fromMe: false,
  ...extra,
});

export { until } from './until.js';
