import { describe, expect, it } from 'vitest';
import { ChannelConfigError, ChannelStatus } from '../src/channels/channel-status.js';
import { fatalFailure } from '../src/channels/fatal-failure.js';
import { memoryLogger } from './helpers/seed.js';

describe('when the bot stops for its channels', () => {
  const status = (channel: string) => new ChannelStatus(channel, memoryLogger().logger);

  it('a refused configuration stops it even while another channel runs', () => {
    const telegram = status('telegram');
    const whatsapp = status('whatsapp');
    whatsapp.up('ready');
    telegram.failed(new ChannelConfigError('TELEGRAM_BOT_TOKEN', 'TELEGRAM_BOT_TOKEN was refused'));
    expect(fatalFailure([telegram, whatsapp])).toMatchObject({ variable: 'TELEGRAM_BOT_TOKEN' });
  });

  it('another failure stops it only when every configured channel has failed for good', () => {
    const telegram = status('telegram');
    const whatsapp = status('whatsapp');
    telegram.failed(new Error('gave up'));
    whatsapp.down('browser missing');
    expect(fatalFailure([telegram, whatsapp])).toBeUndefined();
    whatsapp.failed(new Error('gave up too'));
    expect(fatalFailure([telegram, whatsapp])?.message).toBe('Every configured channel has failed for good (telegram: gave up; whatsapp: gave up too); nothing left to run.');
  });

  it('channels that are down (retrying) or starting never stop it', () => {
    const telegram = status('telegram');
    telegram.down('getMe: ECONNREFUSED');
    expect(fatalFailure([telegram, status('whatsapp')])).toBeUndefined();
    expect(fatalFailure([])).toBeUndefined();
  });

  it('failed is final: a late "down" or "up" does not hide it', () => {
    const telegram = status('telegram');
    telegram.failed(new Error('gave up'));
    telegram.down('late retry');
    telegram.up('late success');
    expect(telegram.snapshot()).toMatchObject({ state: 'failed', reason: 'gave up' });
  });
});
