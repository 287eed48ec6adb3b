import type { Logger } from 'pino';
import type { Telegram } from 'telegraf';
import { redactSecrets } from '../../logger.js';
import { Backoff, type BackoffPolicy, sleep } from '../backoff.js';
import { ChannelConfigError, type ChannelStatus } from '../channel-status.js';

export interface BotApiGuardOptions {
  /** Every Bot API call gets at most this long (a long poll: this on top of its own wait). */
  timeoutMs: number;
  /** How long getUpdates may hold the connection open waiting for updates. */
  longPollSeconds: number;
  retry: BackoffPolicy;
  status: ChannelStatus;
  logger: Logger;
  /** Aborted when the channel stops: retries give up at once. */
  stop: AbortSignal;
}

/**
 * The calls that keep the bot connected. Their failures mean the channel is down, and they
 * are retried where they stand, with backoff, for as long as the channel runs: telegraf's
 * own polling retries silently every 5 s and its calls wait up to 500 s for an answer.
 */
const CONNECTION_METHODS = new Set(['getMe', 'getUpdates', 'deleteWebhook', 'setWebhook', 'getWebhookInfo']);
/** A call that succeeds here means updates are flowing: the channel is up. */
const UP_METHODS = new Map([
  ['getUpdates', 'polling'],
  ['setWebhook', 'webhook set'],
  ['getWebhookInfo', 'webhook set'],
]);
/** Telegram answers these for a token it does not know (404 when it is malformed). */
const TOKEN_REFUSED = new Set([401, 404]);

interface CallError {
  name?: string;
  code?: unknown;
  description?: unknown;
  message?: unknown;
  parameters?: { retry_after?: unknown };
}

/** The Bot API did not answer in time. */
export class BotApiTimeoutError extends Error {
  constructor(method: string, ms: number) {
    super(`${method}: no answer from the Bot API within ${ms / 1000} s`);
    this.name = 'TimeoutError';
  }
}

/**
 * Puts a timeout on every call `telegram` makes, and retries the connection calls with
 * backoff while reporting the channel down, then up again. A token the Bot API refuses
 * becomes a ChannelConfigError naming TELEGRAM_BOT_TOKEN, which is never retried.
 */
export function guardBotApi(telegram: Telegram, options: BotApiGuardOptions): void {
  const { status, stop } = options;
  const original = telegram.callApi.bind(telegram) as (method: string, payload: unknown, extra?: { signal?: AbortSignal }) => Promise<unknown>;

  const once = async (method: string, payload: Record<string, unknown>, caller?: AbortSignal): Promise<unknown> => {
    const longPoll = typeof payload.timeout === 'number' ? payload.timeout * 1000 : 0;
    const deadline = options.timeoutMs + longPoll;
    // telegraf's polling passes a polyfilled signal, so the two are joined by hand.
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    caller?.addEventListener('abort', abort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, deadline);
    try {
      if (caller?.aborted) controller.abort();
      return await original(method, payload, { signal: controller.signal });
    } catch (error) {
      if (timedOut && !caller?.aborted) throw new BotApiTimeoutError(method, deadline);
      throw error;
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', abort);
    }
  };

  const guarded = async (method: string, payload: Record<string, unknown> = {}, extra: { signal?: AbortSignal } = {}): Promise<unknown> => {
    if (!CONNECTION_METHODS.has(method)) return once(method, payload, extra.signal);
    const backoff = new Backoff(options.retry);
    for (;;) {
      try {
        const result = await once(method, longPollFor(method, payload), extra.signal);
        const upReason = UP_METHODS.get(method);
        if (upReason) status.up(upReason);
        return result;
      } catch (error) {
        const failure = error as CallError;
        if (extra.signal?.aborted || stop.aborted) throw abortError();
        if (typeof failure.code === 'number' && TOKEN_REFUSED.has(failure.code) && (method === 'getMe' || failure.code === 401)) {
          throw new ChannelConfigError(
            'TELEGRAM_BOT_TOKEN',
            `TELEGRAM_BOT_TOKEN was refused by the Bot API (${failure.code} ${String(failure.description ?? '')}): it is wrong or was revoked. Copy the bot's token from @BotFather (/mybots > API Token).`,
          );
        }
        if (method === 'setWebhook' && failure.code === 400) {
          // "bad webhook: HTTPS url must be provided", "…resolve host": the URL is wrong, not the network.
          throw new ChannelConfigError('TELEGRAM_WEBHOOK_URL', `TELEGRAM_WEBHOOK_URL was refused by the Bot API (${String(failure.description ?? '400')}). Telegram needs a public https:// URL that reaches this bot's PORT.`);
        }
        if (!isRetryable(failure)) throw error;
        const retryAfterMs = Number(failure.parameters?.retry_after) * 1000;
        const wait = Math.max(backoff.next(), Number.isFinite(retryAfterMs) ? retryAfterMs : 0);
        const reason = describeFailure(method, failure);
        status.down(reason);
        options.logger.warn({ channel: status.channel, method, reason, attempt: backoff.attempts, retryInMs: wait }, 'Bot API call failed; retrying');
        await sleep(wait, stop);
        if (extra.signal?.aborted || stop.aborted) throw abortError();
      }
    }
  };
  (telegram as unknown as { callApi: typeof guarded }).callApi = guarded;

  /**
   * A long poll is kept shorter than telegraf's 50 s, so a connection that died silently is
   * noticed within one poll plus the timeout. Until the channel is up, the poll doesn't
   * wait at all: the Bot API answers at once, and the channel is up the moment it can be.
   */
  function longPollFor(method: string, payload: Record<string, unknown>): Record<string, unknown> {
    if (method !== 'getUpdates' || typeof payload.timeout !== 'number' || payload.timeout === 0) return payload;
    return { ...payload, timeout: status.state === 'up' ? options.longPollSeconds : 0 };
  }
}

/** Network errors, timeouts, 5xx, 429, and 409 (another copy of the bot is polling). */
function isRetryable(error: CallError): boolean {
  if (typeof error.code !== 'number') return true;
  return error.code >= 500 || error.code === 429 || error.code === 409;
}

/** What went wrong, without the token (request URLs carry it). */
export function describeFailure(method: string, error: CallError): string {
  if (error instanceof BotApiTimeoutError) return error.message;
  if (typeof error.code === 'number') return redactSecrets(`${method}: ${error.code} ${String(error.description ?? '')}`.trim());
  if (typeof error.code === 'string') return `${method}: ${error.code}`;
  return redactSecrets(`${method}: ${String(error.message ?? error)}`);
}

/** What telegraf's polling expects when it is being stopped: it returns quietly. */
function abortError(): Error {
  const error = new Error('stopped');
  error.name = 'AbortError';
  return error;
}
