import { ChannelConfigError, type ChannelStatus } from './channel-status.js';

/**
 * Whether the bot can go on, given its channels: not when one of them was refused its
 * configuration (a wrong token: the operator must fix it, and a bot that half-runs hides
 * that), nor when every configured channel has failed for good. Returns the reason to stop.
 */
export function fatalFailure(statuses: readonly ChannelStatus[]): Error | undefined {
  const failed = statuses.filter((status) => status.state === 'failed');
  const refused = failed.map((status) => status.error).find((error) => error instanceof ChannelConfigError);
  if (refused) return refused;
  if (failed.length > 0 && failed.length === statuses.length) {
    return new Error(`Every configured channel has failed for good (${failed.map((status) => `${status.channel}: ${status.snapshot().reason}`).join('; ')}); nothing left to run.`);
  }
  return undefined;
}
