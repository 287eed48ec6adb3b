import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Article } from './article.js';
import { articleIdFrom } from './article-id.js';
import { isCalendarDate } from './calendar-date.js';

export type ParseResult = { ok: true; article: Article } | { ok: false; reason: string };

const frontMatterSchema = z.object({
  title: z.string().trim().min(1, 'title is empty'),
  date: z
    .union([z.string(), z.date()])
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const iso = value instanceof Date ? value.toISOString() : value.trim();
      const shaped = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(iso);
      if (shaped && !isCalendarDate(iso)) {
        ctx.addIssue({ code: 'custom', message: `date "${iso}" is not a real calendar date` });
        return z.NEVER;
      }
      if (!shaped || Number.isNaN(Date.parse(iso))) {
        ctx.addIssue({ code: 'custom', message: `date "${iso}" is not ISO 8601` });
        return z.NEVER;
      }
      return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
    }),
  source: z.string().trim().optional(),
  dateline: z.string().trim().optional(),
  url: z.url().optional(),
  tags: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  language: z.string().trim().optional(),
});

const PROMO = /\b(stay up[- ]to[- ]date|follow us|subscribe to our|join our|sign up for our|download our app)\b/i;
/** "BAKU, Azerbaijan, May 1." at the start of an agency story. */
const DATELINE = /^([A-Z][A-Z .'-]{2,}(?:, [A-Z][A-Za-z .'-]+)?),\s+[A-Z][a-z]{2,8}\.? \d{1,2}\.\s+/;

/**
 * Parses one content file. Markdown with YAML front matter is the canonical form; plain
 * text has the headline on its first non-empty line and an optional `date YYYY-MM-DD` line.
 */
export function parseArticle(origin: string, bytes: Uint8Array): ParseResult {
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { ok: false, reason: 'not UTF-8 text' };
  }
  text = text.replace(/\r\n?/g, '\n');
  return /\.(md|markdown)$/i.test(origin) ? parseMarkdown(origin, text) : parsePlainText(origin, text);
}

function parseMarkdown(origin: string, text: string): ParseResult {
  const frontMatter = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  if (!frontMatter) {
    if (text.startsWith('---')) return { ok: false, reason: 'front matter is not closed with ---' };
    return parsePlainText(origin, stripMarkdown(text));
  }
  let data: unknown;
  try {
    data = parseYaml(frontMatter[1]!);
  } catch (error) {
    return { ok: false, reason: `front matter is not valid YAML: ${firstLine(error)}` };
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'front matter';
    return { ok: false, reason: `front matter ${field}: ${issue.message}` };
  }
  const meta = parsed.data;
  return finish(origin, {
    title: meta.title,
    date: meta.date,
    source: meta.source,
    dateline: meta.dateline,
    url: meta.url,
    tags: meta.tags ?? [],
    language: meta.language,
    body: stripMarkdown(text.slice(frontMatter[0].length)),
  });
}

function parsePlainText(origin: string, text: string): ParseResult {
  const lines = text.split('\n');
  let index = lines.findIndex((line) => line.trim() !== '');
  if (index < 0) return { ok: false, reason: 'empty file' };
  const title = lines[index]!.replace(/^#+\s*/, '').trim();
  index += 1;
  while (index < lines.length && lines[index]!.trim() === '') index += 1;
  let date: string | undefined;
  const dateLine = /^\s*date:?\s+(\d{4}-\d{2}-\d{2})\s*$/i.exec(lines[index] ?? '');
  if (dateLine) {
    if (!isCalendarDate(dateLine[1]!)) return { ok: false, reason: `date "${dateLine[1]}" is not a real calendar date` };
    date = dateLine[1];
    index += 1;
  }
  return finish(origin, { title, date, tags: [], body: lines.slice(index).join('\n') });
}

function finish(origin: string, fields: Omit<Article, 'id' | 'origin' | 'promo'>): ParseResult {
  let body = fields.body.trim();
  let dateline = fields.dateline;
  const agencyDateline = DATELINE.exec(body);
  if (agencyDateline) {
    dateline ??= titleCase(agencyDateline[1]!);
    body = body.slice(agencyDateline[0].length);
  }
  let promo: string | undefined;
  const paragraphs = body.split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1]!.trim();
  if (paragraphs.length > 1 && last.length < 300 && PROMO.test(last)) {
    promo = last.replace(/\s+/g, ' ');
    body = paragraphs.slice(0, -1).join('\n\n').trim();
  }
  if (body.replace(/\W/g, '').length < 20) return { ok: false, reason: 'no body text' };
  if (fields.title.length > 300) return { ok: false, reason: 'headline longer than 300 characters' };
  const article: Article = { ...fields, id: articleIdFrom(origin), origin, body, dateline };
  if (promo) article.promo = promo;
  return { ok: true, article };
}

/** Keeps the words of Markdown and drops its syntax. */
function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S.*?\S|\S)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

function titleCase(text: string): string {
  return text.replace(/\b([A-Z])([A-Z'-]+)\b/g, (_, first: string, rest: string) => first + rest.toLowerCase());
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!;
}
