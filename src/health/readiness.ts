import type { ChannelState, ChannelStatus } from '../channels/channel-status.js';

export interface Readiness {
  ready: boolean;
  articles: { loaded: boolean; count: number };
  channels: Record<string, { state: ChannelState; reason: string; since: string }>;
  /** One line per thing that isn't ready, for a person reading the probe's output. */
  notReady: string[];
}

/** Ready = the articles are loaded and every configured channel is up. */
export function readiness(articles: { loaded: boolean; count: number }, channels: readonly ChannelStatus[]): Readiness {
  const notReady: string[] = [];
  if (!articles.loaded) notReady.push('articles: still loading');
  const byName: Readiness['channels'] = {};
  for (const status of channels) {
    const { state, reason, since } = status.snapshot();
    byName[status.channel] = { state, reason, since: new Date(since).toISOString() };
    if (state !== 'up') notReady.push(`${status.channel}: ${state} (${reason})`);
  }
  return { ready: notReady.length === 0, articles, channels: byName, notReady };
}
