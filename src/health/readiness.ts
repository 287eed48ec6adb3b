import type { ChannelState, ChannelStatus } from '../channels/channel-status.js';

export interface Readiness {
  ready: boolean;
  articles: { loaded: boolean; count: number };
  channels: Record<string, { state: ChannelState; reason: string; since: string }>;
  /** One line per thing that isn't ready, for a person reading the probe's output. */
  notReady: string[];
}

/** What a configured channel reports before the app has created it. */
const NOT_CREATED_YET = 'not created yet';

/**
 * Ready = the articles are loaded and every configured channel is up. `configured` names
 * the channels the configuration asks for: one the app has not created yet (its module
 * still loading, after the articles) is `starting`, never missing from the count, so the
 * probe can't say ready in that gap.
 */
export function readiness(
  articles: { loaded: boolean; count: number },
  channels: readonly ChannelStatus[],
  configured: readonly string[],
  /** Since when a configured channel has been waiting to be created: the app's start. */
  waitingSince: number = Date.now(),
): Readiness {
  const notReady: string[] = [];
  if (!articles.loaded) notReady.push('articles: still loading');
  const byName: Readiness['channels'] = {};
  const report = (channel: string, state: ChannelState, reason: string, since: number): void => {
    byName[channel] = { state, reason, since: new Date(since).toISOString() };
    if (state !== 'up') notReady.push(`${channel}: ${state} (${reason})`);
  };
  for (const status of channels) {
    const { state, reason, since } = status.snapshot();
    report(status.channel, state, reason, since);
  }
  for (const channel of configured) if (!(channel in byName)) report(channel, 'starting', NOT_CREATED_YET, waitingSince);
  return { ready: notReady.length === 0, articles, channels: byName, notReady };
}
