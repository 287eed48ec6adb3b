import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { sendResultOf } from '../src/channels/telegram/send-result.js';

const telegramError = (error_code: number, description: string, parameters?: { retry_after: number }) =>
  new TelegramError({ error_code, description, ...(parameters ? { parameters } : {}) });

describe('Telegram errors -> what the delivery worker does', () => {
  it.each([
    [telegramError(429, 'Too Many Requests: retry after 17', { retry_after: 17 }), { kind: 'retryAfter', seconds: 17 }],
    [telegramError(403, 'Forbidden: bot was blocked by the user'), { kind: 'chatGone' }],
    [telegramError(403, 'Forbidden: user is deactivated'), { kind: 'chatGone' }],
    [telegramError(400, 'Bad Request: chat not found'), { kind: 'chatGone' }],
    [telegramError(400, "Bad Request: can't parse entities"), { kind: 'rejected' }],
    [telegramError(502, 'Bad Gateway'), { kind: 'transient' }],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), { kind: 'transient' }],
  ])('%s', (error, expected) => {
    expect(sendResultOf(error)).toMatchObject({ ok: false, ...expected });
  });
});
