import { join } from 'node:path';
import wwebjs from 'whatsapp-web.js';
import type { WhatsAppClientLike } from './whatsapp-channel.js';

const { Client, LocalAuth } = wwebjs;

/**
 * Flags for headless Chromium on a server: no sandbox (the bot usually runs as root in a
 * container, where Chromium's sandbox cannot start), /tmp instead of a small /dev/shm, no
 * GPU, and none of the background traffic a closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--mute-audio',
];

export interface WhatsAppClientConfig {
  dataDir: string;
  chromePath: string;
  pairPhone?: string | undefined;
}

/** Where LocalAuth keeps the login, so a restart does not ask for a new one. */
export const whatsappSessionDir = (dataDir: string): string => join(dataDir, 'whatsapp-session');

/** The real whatsapp-web.js client with this project's options (not initialised). */
export function buildWhatsAppClient(config: WhatsAppClientConfig): InstanceType<typeof Client> {
  return new Client({
    authStrategy: new LocalAuth({ dataPath: whatsappSessionDir(config.dataDir), clientId: 'newsbot' }),
    puppeteer: { executablePath: config.chromePath, headless: true, args: CHROMIUM_ARGS },
    webVersionCache: { type: 'local', path: join(config.dataDir, 'whatsapp-web-cache') },
    ...(config.pairPhone ? { pairWithPhoneNumber: { phoneNumber: config.pairPhone, showNotification: true } } : {}),
  });
}

/** The same, seen through the slice the adapter uses. */
export function createWhatsAppClient(config: WhatsAppClientConfig): WhatsAppClientLike {
  // whatsapp-web.js types `on` with one overload per event; the slice names only the events used.
  return buildWhatsAppClient(config) as unknown as WhatsAppClientLike;
}
