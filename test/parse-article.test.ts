import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/content/parse-article.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const BODY = 'The council approved the new budget on Tuesday after a long debate about schools.';

describe('parseArticle', () => {
  it('reads Markdown with front matter', () => {
    const result = parseArticle('news/budget.md', bytes(`---\ntitle: Budget approved\ndate: 2025-03-04\nsource: City Times\ntags: [budget, council]\nurl: https://example.com/budget\n---\n\n**${BODY}**\n`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article).toMatchObject({ id: 'news-budget', title: 'Budget approved', date: '2025-03-04', source: 'City Times', tags: ['budget', 'council'], url: 'https://example.com/budget', body: BODY });
  });

  it('reads plain text with a headline and an optional date line', () => {
    const result = parseArticle('a.txt', bytes(`\nBudget approved\ndate 2025-03-04\n\n${BODY}`));
    expect(result.ok && result.article.title).toBe('Budget approved');
    expect(result.ok && result.article.date).toBe('2025-03-04');
  });

  it('takes an agency dateline out of the text and a trailing promotion out of the answerable body', () => {
    const result = parseArticle('t.md', bytes(`---\ntitle: T\n---\nBAKU, Azerbaijan, May 1. ${BODY}\n\nStay up-to-date with more news on our WhatsApp channel`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.dateline).toBe('Baku, Azerbaijan');
    expect(result.article.body).toBe(BODY);
    expect(result.article.promo).toMatch(/WhatsApp channel/);
  });

  it.each([
    ['bad YAML', `---\ntitle: [unclosed\n---\n${BODY}`, /not valid YAML/],
    ['no title', `---\ndate: 2025-01-01\n---\n${BODY}`, /title/],
    ['a date that is not ISO 8601', `---\ntitle: T\ndate: 1st of May\n---\n${BODY}`, /not ISO 8601/],
    ['an unclosed front matter', `---\ntitle: T\n${BODY}`, /not closed/],
    ['no body', `---\ntitle: T\n---\n\n`, /no body/],
  ])('rejects Markdown with %s', (_name, text, reason) => {
    const result = parseArticle('bad.md', bytes(text));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it.each([
    ['front matter', `---\ntitle: T\ndate: 2025-02-30\n---\n${BODY}`, 'x.md', 'front matter date: date "2025-02-30" is not a real calendar date'],
    ['front matter, month 13', `---\ntitle: T\ndate: 2025-13-01\n---\n${BODY}`, 'x.md', 'front matter date: date "2025-13-01" is not a real calendar date'],
    ['front matter, 25 o\'clock', `---\ntitle: T\ndate: 2025-05-01T25:10:00Z\n---\n${BODY}`, 'x.md', /not a real calendar date|not ISO 8601/],
    ['plain text', `Headline\ndate 2023-02-29\n\n${BODY}`, 'x.txt', 'date "2023-02-29" is not a real calendar date'],
  ])('rejects an impossible calendar date in %s instead of rolling it over', (_name, text, file, reason) => {
    const result = parseArticle(file, bytes(text));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('accepts real dates at the edges: 29 February of a leap year, 31 December, midnight', () => {
    for (const date of ['2024-02-29', '2025-12-31', '2025-01-31T23:59:59Z', '2025-04-30T00:00:00+04:00']) {
      expect(parseArticle('x.md', bytes(`---\ntitle: T\ndate: ${date}\n---\n${BODY}`)).ok).toBe(true);
    }
  });

  it('rejects binary and non-UTF-8 files with a reason', () => {
    expect(parseArticle('x.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).toEqual({ ok: false, reason: expect.stringMatching(/binary/) });
    expect(parseArticle('x.txt', new Uint8Array([0x48, 0x65, 0xa3, 0x35, 0x20, 0x6d]))).toEqual({ ok: false, reason: 'not UTF-8 text' });
  });

  it('makes ids that fit a Telegram deep link', () => {
    const result = parseArticle(`${'very-long-folder-name/'.repeat(5)}story.md`, bytes(`---\ntitle: T\n---\n${BODY}`));
    expect(result.ok && result.article.id).toMatch(/^[a-z0-9-]{1,48}$/);
  });
});
