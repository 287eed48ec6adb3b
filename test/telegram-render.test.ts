import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineKeyboard, renderHtml, splitMessage } from '../src/channels/telegram/render-html.js';
import { toIncoming } from '../src/channels/telegram/to-incoming.js';

const BOT = { id: 666, username: 'news_bot' };

describe('Telegram rendering', () => {
  it('escapes every piece of article and user text', () => {
    const html = renderHtml({ blocks: [{ kind: 'answer', text: '<script>&' }, { kind: 'quote', text: 'a < b > c' }, { kind: 'source', text: 'Source: "A&B"' }] });
    expect(html).toBe('<b>&lt;script&gt;&amp;</b>\n\n<blockquote>a &lt; b &gt; c</blockquote>\n\n<i>Source: "A&amp;B"</i>');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('splits a long reply at sentence boundaries into messages of at most 4096 characters, tags balanced', () => {
    const sentence = 'The ombudsperson wrote a long letter about many things & more. ';
    const html = `<b>${escapeHtml(sentence.repeat(150))}</b>`;
    const chunks = splitMessage(html);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(4096);
      expect(chunk.startsWith('<b>')).toBe(true);
      expect(chunk.endsWith('</b>')).toBe(true);
      expect(chunk).not.toMatch(/&[a-z]*<\/b>$/);
      expect(chunk.replace(/<\/?b>/g, '')).toMatch(/more\.\s*$/);
    }
    expect(chunks.join(' ').replace(/<\/?b>/g, '').replace(/\s+/g, ' ').trim()).toBe(escapeHtml(sentence.repeat(150)).trim());
  });

  it('leaves short messages whole and drops buttons whose callback data is over 64 bytes', () => {
    expect(splitMessage('<b>short</b>')).toEqual(['<b>short</b>']);
    expect(inlineKeyboard([[{ label: 'ok', action: '/about' }, { label: 'long', action: `/open ${'x'.repeat(80)}` }]])).toEqual({ inline_keyboard: [[{ text: 'ok', callback_data: '/about' }]] });
  });
});

describe('Telegram group rules', () => {
  const group = { id: -100, type: 'supergroup' };
  it('a group message is addressed to the bot only with a mention or as a reply to the bot', () => {
    expect(toIncoming({ chat: group, from: { id: 1 }, text: 'who wrote it' }, BOT).addressedToBot).toBe(false);
    const mentioned = toIncoming({ chat: group, from: { id: 1 }, text: '@news_bot who wrote it' }, BOT);
    expect(mentioned).toMatchObject({ addressedToBot: true, text: 'who wrote it', isGroup: true });
    expect(toIncoming({ chat: group, from: { id: 1 }, text: 'and when?', reply_to_message: { from: { id: 666 } } }, BOT).addressedToBot).toBe(true);
    expect(toIncoming({ chat: { id: 5, type: 'private' }, from: { id: 5 }, text: 'hi' }, BOT).addressedToBot).toBe(true);
  });

  it('names the kind of a non-text message', () => {
    const photo = toIncoming({ chat: group, from: { id: 1 }, photo: [] }, BOT);
    expect(photo.mediaKind).toBe('photo');
    expect(photo.text).toBeUndefined();
  });
});
