import { z } from 'zod';

/** Thrown when the environment is wrong; the message names the variable. */
export class ConfigError extends Error {}

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
const integer = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return fallback;
      const number = Number(value);
      if (!Number.isInteger(number) || number < min || number > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}, not "${value}"` });
        return z.NEVER;
      }
      return number;
    });
const list = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));
const boolean = (fallback: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return fallback;
      if (/^(true|1|yes|on)$/i.test(value)) return true;
      if (/^(false|0|no|off)$/i.test(value)) return false;
      ctx.addIssue({ code: 'custom', message: `must be true or false, not "${value}"` });
      return z.NEVER;
    });
const url = optionalText.refine((value) => value === undefined || /^https?:\/\/\S+$/.test(value), 'must be an http(s) URL');

/**
 * Retry and timeout defaults. Not environment variables (an operator has no reason to
 * change them), but named here so the real values sit next to the rest of the settings;
 * tests pass shorter ones to the channels.
 */
export const DEFAULTS = {
  /** Telegram: while the Bot API is down, try again after 1 s, 2 s, 4 s… at most 60 s apart. */
  telegramRetry: { baseMs: 1_000, maxMs: 60_000 },
  /** Every Bot API call's timeout unless TELEGRAM_API_TIMEOUT_SECONDS says otherwise (telegraf's own is 500 s). */
  telegramApiTimeoutSeconds: 10,
  /**
   * getUpdates waits this long for updates (telegraf's own 50 s is shortened so that a
   * connection that died silently is noticed within this plus the API timeout: 30 s).
   */
  telegramLongPollSeconds: 20,
  /** Webhook mode: ask the Bot API about the webhook this often (it calls us, so we'd never notice it gone). */
  telegramWebhookProbeMs: 15_000,
  /** WhatsApp: a failed start or a disconnect is retried after 5 s, 10 s, 20 s… at most 5 min (a browser start is heavy). */
  whatsappRetry: { baseMs: 5_000, maxMs: 5 * 60_000 },
} as const;

const schema = z.object({
  CONTENT_DIR: z.string().trim().default('content'),
  DATA_DIR: z.string().trim().default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty', 'auto']).default('auto'),
  FLOOD_MESSAGES_PER_MINUTE: integer(20, 1, 10_000),
  TELEGRAM_BOT_TOKEN: optionalText.refine((value) => value === undefined || /^\d+:[\w-]{20,}$/.test(value), 'does not look like a bot token (digits:letters, from @BotFather)'),
  TELEGRAM_API_ROOT: url,
  TELEGRAM_WEBHOOK_URL: url,
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine((value) => value === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(value), 'may only hold A-Z, a-z, 0-9, _ and - (1-256 characters)'),
  PORT: integer(8080, 1, 65_535),
  TELEGRAM_API_TIMEOUT_SECONDS: integer(DEFAULTS.telegramApiTimeoutSeconds, 1, 120),
  HEALTH_PORT: integer(8081, 0, 65_535),
  HEALTH_HOST: z.string().trim().default('127.0.0.1').refine((value) => /^[\w.:-]+$/.test(value), 'must be an address to listen on, such as 127.0.0.1 or 0.0.0.0'),
  QUESTION_LOG: boolean(true),
  CONTENT_POLL_SECONDS: integer(2, 1, 3600),
  FEED_URLS: list.refine((urls) => urls.every((item) => /^https?:\/\/\S+$/.test(item)), 'must be http(s) URLs separated by commas'),
  FEED_POLL_SECONDS: integer(300, 10, 86_400),
  TELEGRAM_PUSH_RATE: integer(25, 1, 30),
  TELEGRAM_CHANNEL_ID: optionalText.refine((value) => value === undefined || /^(@[A-Za-z][\w]{3,}|-100\d+)$/.test(value), 'must be @channelname or -100… (the numeric id)'),
  WHATSAPP_ENABLED: boolean(false),
  CHROME_PATH: z.string().trim().default('/usr/bin/chromium'),
  WHATSAPP_PAIR_PHONE: optionalText.refine((value) => value === undefined || /^\d{7,15}$/.test(value), 'must be the phone number in international format, digits only (e.g. 994501234567)'),
  WHATSAPP_PUSH_RATE: integer(10, 1, 60),
  WHATSAPP_CHANNEL_ID: optionalText.refine((value) => value === undefined || /^\d+@newsletter$/.test(value), 'must be a WhatsApp channel id such as 120363025246125486@newsletter'),
  // Memory for the article archive's caches (decoded postings, articles, SQLite pages): the
  // bot's memory grows with this setting, not with the number of articles.
  ARCHIVE_MEMORY_MB: integer(64, 16, 65_536),
  ADMIN_IDS: list.refine((ids) => ids.every((id) => /^(telegram|whatsapp|console):\S+$/.test(id)), 'must be channel-qualified ids such as telegram:12345, separated by commas'),
});

export type Config = ReturnType<typeof createConfig>;

/** Parses the environment once into a typed config; throws ConfigError naming the variable. */
export function createConfig(env: Record<string, string | undefined>) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env_ = parsed.data;
  if (env_.TELEGRAM_WEBHOOK_URL && env_.HEALTH_PORT === env_.PORT) {
    throw new ConfigError(`Invalid configuration: HEALTH_PORT: must differ from PORT (${env_.PORT}), where the webhook listens`);
  }
  return {
    contentDir: env_.CONTENT_DIR,
    dataDir: env_.DATA_DIR,
    log: { level: env_.LOG_LEVEL, format: env_.LOG_FORMAT },
    floodMessagesPerMinute: env_.FLOOD_MESSAGES_PER_MINUTE,
    archiveMemoryBytes: env_.ARCHIVE_MEMORY_MB * 1024 * 1024,
    contentPollMs: env_.CONTENT_POLL_SECONDS * 1000,
    feeds: { urls: env_.FEED_URLS, pollMs: env_.FEED_POLL_SECONDS * 1000 },
    admins: new Set(env_.ADMIN_IDS),
    /** /healthz, /readyz, /metrics; off (undefined) with HEALTH_PORT=0. */
    health: env_.HEALTH_PORT ? { port: env_.HEALTH_PORT, host: env_.HEALTH_HOST } : undefined,
    /** Keep the questions the bot couldn't answer (text only, 30 days) for /stats and `npm run questions`. */
    questionLog: env_.QUESTION_LOG,
    whatsapp: env_.WHATSAPP_ENABLED
      ? {
          chromePath: env_.CHROME_PATH,
          pairPhone: env_.WHATSAPP_PAIR_PHONE,
          pushPerMinute: env_.WHATSAPP_PUSH_RATE,
          channelId: env_.WHATSAPP_CHANNEL_ID,
          retry: { ...DEFAULTS.whatsappRetry },
        }
      : undefined,
    telegram: env_.TELEGRAM_BOT_TOKEN
      ? {
          token: env_.TELEGRAM_BOT_TOKEN,
          apiRoot: env_.TELEGRAM_API_ROOT ?? 'https://api.telegram.org',
          webhook: env_.TELEGRAM_WEBHOOK_URL ? { url: env_.TELEGRAM_WEBHOOK_URL, secret: env_.TELEGRAM_WEBHOOK_SECRET, port: env_.PORT } : undefined,
          pushPerSecond: env_.TELEGRAM_PUSH_RATE,
          channelId: env_.TELEGRAM_CHANNEL_ID,
          apiTimeoutMs: env_.TELEGRAM_API_TIMEOUT_SECONDS * 1000,
          longPollSeconds: DEFAULTS.telegramLongPollSeconds,
          retry: { ...DEFAULTS.telegramRetry },
          webhookProbeMs: DEFAULTS.telegramWebhookProbeMs,
        }
      : undefined,
  };
}
