import { extractFromXml } from '@extractus/feed-extractor';
import type { FeedEntry } from './feed-entry.js';

export interface ParsedFeed {
  title?: string;
  entries: FeedEntry[];
}

type Raw = Record<string, unknown>;

/** Parses RSS 2.0, RSS 1.0 (RDF) or Atom; throws with a readable reason when it is neither. */
export function parseFeed(xml: string): ParsedFeed {
  const feed = extractFromXml(xml, {
    descriptionMaxLen: 0,
    // The normalised entry drops the raw guid (it invents one when missing) and flattens
    // the HTML; keep both raw.
    getExtraEntryFields: (raw: Raw) => ({
      rawGuid: textOf(raw.guid) ?? textOf(raw.id),
      html: textOf(raw['content:encoded']) ?? textOf(raw.content) ?? textOf(raw.description) ?? textOf(raw.summary) ?? '',
    }),
  }) as { title?: string; entries?: (Raw & { title?: string; link?: string; published?: string; rawGuid?: string; html: string })[] } | null;
  if (!feed) throw new Error('not an RSS or Atom feed');
  const entries = (feed.entries ?? [])
    .filter((entry) => typeof entry.title === 'string' && entry.title.trim() !== '')
    .map((entry) => ({
      title: entry.title!.trim(),
      html: entry.html,
      ...(entry.rawGuid ? { guid: entry.rawGuid } : {}),
      ...(entry.link ? { link: entry.link } : {}),
      ...(entry.published ? { published: entry.published } : {}),
    }));
  return { ...(feed.title ? { title: feed.title } : {}), entries };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as Raw)['#text']);
  return undefined;
}
