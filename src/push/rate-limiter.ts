export interface RateLimits {
  /** At most this many sends a second on the channel, all chats together (0 = no limit). */
  perSecond: number;
  /** Minimum gap between two sends to the same chat, ms (Telegram: 1000). */
  perChatGapMs: number;
  /** At most this many sends a minute to one group or channel (Telegram: 20; 0 = no limit). */
  groupPerMinute: number;
  /** A random extra pause of up to this many ms after each send (WhatsApp), 0 for none. */
  jitterMs: number;
}

export const NO_LIMITS: RateLimits = { perSecond: 0, perChatGapMs: 0, groupPerMinute: 0, jitterMs: 0 };

/**
 * Spaces sends out instead of letting them burst: with 25 a second, two sends are never
 * closer than 40 ms, so over any window the rate stays at or under the limit. Every
 * method takes the time, so a test's clock drives it.
 */
export class RateLimiter {
  private nextSendAt = 0;
  private pausedUntil = 0;
  private readonly lastSendToChat = new Map<string, number>();
  private readonly groupSends = new Map<string, number[]>();
  private readonly gapMs: number;

  constructor(
    private readonly limits: RateLimits,
    private readonly random: () => number = Math.random,
  ) {
    this.gapMs = limits.perSecond > 0 ? 1000 / limits.perSecond : 0;
  }

  /** How long until the channel may send anything (0 = now). */
  channelWait(now: number): number {
    return Math.max(0, this.nextSendAt - now, this.pausedUntil - now);
  }

  /** How long until this chat may receive (0 = now), on top of channelWait. */
  chatWait(chatId: string, isGroup: boolean, now: number): number {
    let wait = 0;
    const last = this.lastSendToChat.get(chatId);
    if (last !== undefined && this.limits.perChatGapMs > 0) wait = last + this.limits.perChatGapMs - now;
    if (isGroup && this.limits.groupPerMinute > 0) {
      const recent = this.groupSends.get(chatId);
      if (recent && recent.length >= this.limits.groupPerMinute) wait = Math.max(wait, recent[0]! + 60_000 - now);
    }
    return Math.max(0, wait);
  }

  /** A send to `chatId` starts now. */
  record(chatId: string, isGroup: boolean, now: number): void {
    const jitter = this.limits.jitterMs > 0 ? this.random() * this.limits.jitterMs : 0;
    this.nextSendAt = Math.max(now, this.nextSendAt) + this.gapMs + jitter;
    if (this.limits.perChatGapMs > 0) {
      this.lastSendToChat.set(chatId, now);
      if (this.lastSendToChat.size > 10_000) this.forgetOlderThan(now - this.limits.perChatGapMs);
    }
    if (isGroup && this.limits.groupPerMinute > 0) {
      const recent = (this.groupSends.get(chatId) ?? []).filter((at) => at > now - 60_000);
      recent.push(now);
      this.groupSends.set(chatId, recent);
    }
  }

  /** The platform said "too many requests, retry after": nothing goes out until then. */
  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [chatId, at] of this.lastSendToChat) if (at <= cutoff) this.lastSendToChat.delete(chatId);
  }
}
