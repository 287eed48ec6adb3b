import { describe, expect, it } from 'vitest';
import { ChannelStatus } from '../src/channels/channel-status.js';
import { readiness } from '../src/health/readiness.js';
import { memoryLogger } from './helpers/seed.js';

// What /readyz says while the bot starts: an orchestrator routes readers to it on "ready".
describe('readiness', () => {
  const loaded = { loaded: true, count: 1 };

  it('is not ready while a configured channel has not been created yet, though the articles are loaded', () => {
    // Waiting since the app started: the same moment on every probe.
    const state = readiness(loaded, [], ['telegram'], Date.parse('2026-01-01T00:00:00Z'));
    expect(state.ready).toBe(false);
    expect(state.channels).toEqual({ telegram: { state: 'starting', reason: 'not created yet', since: '2026-01-01T00:00:00.000Z' } });
    expect(state.notReady).toEqual(['telegram: starting (not created yet)']);
  });

  it('is ready once every configured channel is up, and not when one of them is down', () => {
    const { logger } = memoryLogger();
    const telegram = new ChannelStatus('telegram', logger);
    const whatsapp = new ChannelStatus('whatsapp', logger);
    telegram.up('polling');
    expect(readiness(loaded, [telegram], ['telegram', 'whatsapp']).notReady).toEqual(['whatsapp: starting (not created yet)']);
    whatsapp.up('connected');
    expect(readiness(loaded, [telegram, whatsapp], ['telegram', 'whatsapp'])).toMatchObject({ ready: true, notReady: [] });
    telegram.down('getMe: connection refused');
    expect(readiness(loaded, [telegram, whatsapp], ['telegram', 'whatsapp']).notReady).toEqual(['telegram: down (getMe: connection refused)']);
  });

  it('is not ready while the articles load', () => {
    expect(readiness({ loaded: false, count: 0 }, [], []).notReady).toEqual(['articles: still loading']);
  });
});
