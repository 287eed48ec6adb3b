import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWhatsApp, splitWhatsApp } from '../src/channels/whatsapp/render-whatsapp.js';
import { createWhatsAppChannel, QR_PNG_FILE } from '../src/channels/whatsapp/whatsapp-channel.js';
import { seedConversation } from './helpers/conversation.js';
import { tempDataDir } from './helpers/push.js';
import { memoryLogger } from './helpers/seed.js';
import { BOT_NUMBER, FakeWhatsAppClient, until, waMessage } from './helpers/whatsapp.js';

const USER = '994501111111@c.us';
const GROUP = '120363000000000000@g.us';

describe('WhatsApp rendering', () => {
  it('answer bold, support as a quote, source in italics, buttons as a numbered menu', () => {
    const rendered = renderWhatsApp({
      blocks: [
        { kind: 'answer', text: 'Sabina *Aliyeva*' },
        { kind: 'quote', text: 'She wrote it.' },
        { kind: 'source', text: 'Source: Headline (Trend, 1 May 2025)' },
      ],
      buttons: [[{ label: 'Who?', action: 'who?' }, { label: 'When?', action: 'when?' }]],
    });
    expect(rendered.text).toBe('*Sabina Aliyeva*\n\n> She wrote it.\n\n_Source: Headline (Trend, 1 May 2025)_\n\nReply with a number:\n1. Who?\n2. When?');
    expect(rendered.menu.map((button) => button.action)).toEqual(['who?', 'when?']);
    expect(rendered.text).not.toMatch(/<[a-z]/);
  });

  it('a channel post gets a wa.me link for "Ask about this" instead of a menu', () => {
    const rendered = renderWhatsApp(
      { blocks: [{ kind: 'answer', text: 'Headline' }], buttons: [[{ label: 'Ask about this', action: '/open story-1', deepLink: 'story-1' }]] },
      { isChannelPost: true, botNumber: BOT_NUMBER },
    );
    expect(rendered.text).toBe(`*Headline*\n\nAsk about this: https://wa.me/${BOT_NUMBER}?text=%2Fopen%20story-1`);
  });

  it('long replies split at paragraph boundaries, each part at most 4,000 characters', () => {
    const paragraph = 'A sentence of news. '.repeat(40).trim();
    const parts = splitWhatsApp(Array.from({ length: 12 }, () => paragraph).join('\n\n'));
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4000);
      expect(part.endsWith('.')).toBe(true);
    }
  });
});

describe('WhatsApp channel (fake client)', () => {
  let channel: ReturnType<typeof createWhatsAppChannel> | undefined;
  afterEach(async () => {
    await channel?.stop();
    channel = undefined;
  });

  async function setup(options: { chromePath?: string; failingStarts?: number } = {}) {
    const clients: FakeWhatsAppClient[] = [];
    const { conversation } = seedConversation();
    const { logger, lines } = memoryLogger();
    const dataDir = tempDataDir();
    const terminal = new PassThrough();
    let printed = '';
    terminal.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    channel = createWhatsAppChannel({
      createClient: () => {
        const client = new FakeWhatsAppClient();
        // The clients after the first fail to launch their browser this many times.
        if (clients.length > 0 && clients.length <= (options.failingStarts ?? 0)) client.initError = new Error('Failed to launch the browser process! spawn /usr/bin/chromium ENOENT');
        clients.push(client);
        return client;
      },
      conversation,
      logger,
      dataDir,
      sessionDir: join(dataDir, 'whatsapp-session'),
      chromePath: options.chromePath ?? process.execPath,
      terminal,
      reconnect: { baseMs: 10, maxMs: 40 },
    });
    await channel.start();
    await until(() => clients.length === 1 && clients[0]!.initialized === 1);
    const client = () => clients.at(-1)!;
    client().emit('ready');
    const ask = async (body: string, extra = {}) => {
      const before = client().sent.length;
      client().emit('message', waMessage(body, extra));
      await until(() => client().sent.length > before);
      return client().sent.at(-1)!.content;
    };
    return { clients, client, ask, lines, dataDir, printed: () => printed };
  }

  it('answers a question in WhatsApp formatting, and a menu number picks the follow-up', async () => {
    const { ask } = await setup();
    const answer = await ask('who wrote teh leter');
    expect(answer).toMatch(/^\*Sabina Aliyeva, the Commissioner for Human Rights \(Ombudsperson\) of Azerbaijan\*\n\n> .*\n\n_Source: Azerbaijan's Ombudsperson.*_\n\nReply with a number:\n1\. Who\?\n2\. When\?/s);
    const picked = await ask('2');
    // The menu's "2" is the "When?" follow-up: another reader who types it gets the same reply.
    const other = { from: '994502222222@c.us' };
    await ask('who wrote teh leter', other);
    expect(picked).toBe(await ask('when?', other));
    expect(picked).not.toMatch(/^\*?Sabina Aliyeva, the Commissioner/);
  });

  it.each(['/help', '!help', 'help'])('accepts commands as %s', async (command) => {
    const { ask } = await setup();
    expect(await ask(command)).toMatch(/^Ask a question in your own words/);
  });

  it('never answers its own messages, status broadcasts or channel traffic', async () => {
    const { client, ask } = await setup();
    client().emit('message', waMessage('who wrote the letter', { fromMe: true }));
    client().emit('message', waMessage('who wrote the letter', { from: 'status@broadcast', isStatus: true }));
    client().emit('message', waMessage('who wrote the letter', { from: '120363025246125486@newsletter' }));
    client().emit('message', waMessage('', { type: 'e2e_notification' }));
    expect(await ask('/help')).toMatch(/^Ask a question/);
    expect(client().sent).toHaveLength(1);
  });

  it('in a group: ignores chatter, answers a mention, a reply to the bot, and commands', async () => {
    const { client, ask } = await setup();
    client().emit('message', waMessage('who wrote the letter', { from: GROUP, author: USER }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client().sent).toHaveLength(0);
    expect(await ask(`@${BOT_NUMBER} who wrote the letter`, { from: GROUP, author: USER, mentionedIds: [`${BOT_NUMBER}@c.us`] })).toMatch(/^\*Sabina Aliyeva/);
    // A reply to the bot is answered, in the chat the mention started ("she" is its answer).
    expect(await ask('who is she?', { from: GROUP, author: USER, hasQuotedMsg: true, getQuotedMessage: async () => ({ fromMe: true }) })).toMatch(/Commissioner for Human Rights/);
    expect(await ask('!latest', { from: GROUP, author: USER })).toMatch(/^Latest articles:/);
    expect(client().sentTo(GROUP)).toHaveLength(3);
  });

  it.each(['image', 'ptt', 'sticker', 'location'])('a %s gets a short polite reply', async (type) => {
    const { ask } = await setup();
    expect(await ask('', { type })).toMatch(/^I can only read text/);
  });

  it('writes the login QR code as a PNG under DATA_DIR, prints it, and says where in the log', async () => {
    const { client, dataDir, lines, printed } = await setup();
    client().emit('qr', '2@abcdefghijklmnopqrstuvwxyz0123456789,ABCDEFG=,HIJKLMN=');
    const file = join(dataDir, QR_PNG_FILE);
    await until(() => existsSync(file) && lines.some((line) => line.qrPng === file));
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    expect(printed()).toMatch(/Scan this with WhatsApp/);
    client().emit('authenticated');
    await until(() => !existsSync(file));
  });

  it('with WHATSAPP_PAIR_PHONE: shows the pairing code in the terminal and the log', async () => {
    const { client, lines, printed } = await setup();
    client().emit('code', 'ABCD-EFGH');
    expect(printed()).toMatch(/WhatsApp pairing code: ABCD-EFGH\nOn the phone: Settings > Linked devices/);
    expect(lines.find((line) => line.code === 'ABCD-EFGH')!.msg).toBe('WhatsApp login: enter the pairing code on the phone');
  });

  it('logs "ready" with the account', async () => {
    const { lines } = await setup();
    expect(lines.find((line) => line.msg === 'WhatsApp ready')).toMatchObject({ account: BOT_NUMBER, name: 'News Bot' });
  });

  it('explains an auth failure in one line with what to do', async () => {
    const { client, lines } = await setup();
    client().emit('auth_failure', 'session expired');
    expect(lines.find((line) => line.level === 50)!.msg).toMatch(/^WhatsApp login failed \(session expired\)\. Stop the bot, delete .*whatsapp-session, start it again/);
    // …and /readyz says the same.
    expect(channel!.status.snapshot()).toMatchObject({ state: 'down', reason: expect.stringMatching(/^login failed \(session expired\): stop the bot, delete .*whatsapp-session and link the phone again$/) });
  });

  it('re-initialises a fresh client with backoff after "disconnected", and pushes wait until it is ready', async () => {
    const { clients, client, ask } = await setup();
    client().emit('disconnected', 'NAVIGATION');
    expect(channel!.ready).toBe(false);
    expect(await channel!.push.send(USER, { blocks: [{ kind: 'text', text: 'news' }] })).toMatchObject({ ok: false, kind: 'notReady' });
    await until(() => clients.length === 2 && clients[1]!.initialized === 1);
    expect(clients[0]!.destroyed).toBe(1);
    client().emit('ready');
    expect(await channel!.push.send(USER, { blocks: [{ kind: 'text', text: 'news' }] })).toEqual({ ok: true });
    expect(await ask('who wrote the letter')).toMatch(/^\*Sabina Aliyeva/);
  });

  it('a browser that fails to launch is logged naming CHROME_PATH and retried', async () => {
    const { clients, client, lines } = await setup({ failingStarts: 2 });
    client().emit('disconnected', 'CONFLICT');
    await until(() => clients.length === 4 && clients[3]!.initialized === 1);
    const launchErrors = lines.filter((line) => typeof line.msg === 'string' && line.msg.startsWith('WhatsApp could not start the browser at CHROME_PATH='));
    expect(launchErrors).toHaveLength(2);
    // Waits grow: 10 ms, 20 ms, 40 ms.
    expect(lines.filter((line) => line.msg === 'WhatsApp client down; re-initialising').map((line) => line.retryInMs)).toEqual([10, 20, 40]);
    client().emit('ready');
    expect(channel!.ready).toBe(true);
  });

  it('stop() waits for answers in hand and closes the browser', async () => {
    const { client } = await setup();
    const fake = client();
    await channel!.stop();
    channel = undefined;
    expect(fake.destroyed).toBe(1);
  });

  it('a missing browser: a clear error naming CHROME_PATH, the channel down and retried with backoff; up once the browser is there', async () => {
    const dataDir = tempDataDir();
    const chromePath = join(dataDir, 'chromium');
    const clients: FakeWhatsAppClient[] = [];
    const { logger, lines } = memoryLogger();
    channel = createWhatsAppChannel({
      createClient: () => {
        const client = new FakeWhatsAppClient();
        clients.push(client);
        return client;
      },
      conversation: seedConversation().conversation,
      logger,
      dataDir,
      sessionDir: join(dataDir, 'whatsapp-session'),
      chromePath,
      reconnect: { baseMs: 10, maxMs: 40 },
    });
    await channel.start();
    await until(() => lines.filter((line) => line.msg === 'WhatsApp client down; re-initialising').length >= 3);
    expect(channel.status.snapshot()).toMatchObject({ state: 'down', reason: expect.stringMatching(/^CHROME_PATH=.*\/chromium: no browser there\. Install Debian's chromium/) });
    expect(lines.find((line) => line.msg === 'channel down; retrying')).toMatchObject({ channel: 'whatsapp', previous: 'starting', reason: expect.stringMatching(/^CHROME_PATH=/) });
    expect(lines.filter((line) => line.msg === 'WhatsApp client down; re-initialising').slice(0, 3).map((line) => line.retryInMs)).toEqual([10, 20, 40]);
    expect(clients).toHaveLength(0);

    // The operator installs the browser: the next attempt starts it.
    writeFileSync(chromePath, '#!/bin/sh\n');
    chmodSync(chromePath, 0o755);
    await until(() => clients.length === 1 && clients[0]!.initialized === 1);
    clients[0]!.emit('ready');
    expect(channel.status.state).toBe('up');
    expect(lines.find((line) => line.msg === 'channel up')).toMatchObject({ channel: 'whatsapp', previous: 'down', reason: `ready as ${BOT_NUMBER}` });
  });

  it('maps send failures: browser gone -> stays queued, unknown chat -> chat gone', async () => {
    const { client } = await setup();
    client().sendError = new Error('Protocol error (Runtime.callFunctionOn): Session closed.');
    expect(await channel!.push.send(USER, { blocks: [{ kind: 'text', text: 'x' }] })).toMatchObject({ kind: 'notReady' });
    client().sendError = new Error('Evaluation failed: Error: wid error: invalid wid');
    expect(await channel!.push.send(USER, { blocks: [{ kind: 'text', text: 'x' }] })).toMatchObject({ kind: 'chatGone' });
  });
});
