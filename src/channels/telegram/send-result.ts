import type { SendResult } from '../../push/transport.js';

interface TelegramErrorLike {
  code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown };
  message?: unknown;
}

/** Descriptions of a 400 that mean the chat itself is gone, not just this message. */
const CHAT_GONE_400 = /chat not found|user not found|group chat was (deleted|upgraded)|have no rights to send|not enough rights|bot is not a member|channel_private|peer_id_invalid/i;

/**
 * Maps what telegraf threw onto what the delivery worker does next:
 * 429 -> wait retry_after; 403 (blocked, deactivated, kicked) or a 400 saying the chat is
 * gone -> switch the subscriber off; other 4xx -> drop this message; 5xx and network
 * errors -> retry with backoff.
 */
export function sendResultOf(error: unknown): SendResult {
  const { code, description, parameters, message } = (error ?? {}) as TelegramErrorLike;
  const detail = String(description ?? message ?? error).slice(0, 300);
  if (typeof code !== 'number') return { ok: false, kind: 'transient', detail };
  if (code === 429) {
    const seconds = Number(parameters?.retry_after);
    return { ok: false, kind: 'retryAfter', seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 5, detail };
  }
  if (code === 403) return { ok: false, kind: 'chatGone', detail };
  if (code === 400 && CHAT_GONE_400.test(detail)) return { ok: false, kind: 'chatGone', detail };
  if (code >= 400 && code < 500) return { ok: false, kind: 'rejected', detail };
  return { ok: false, kind: 'transient', detail };
}
