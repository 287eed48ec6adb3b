import { createHash } from 'node:crypto';
import type { Article } from '../content/article.js';
import { articleIdFrom } from '../content/article-id.js';
import { htmlToText } from './html-to-text.js';

/** One item of a feed, with the raw fields we read (see feed-reader.ts). */
export interface FeedEntry {
  guid?: string;
  title: string;
  link?: string;
  published?: string;
  /** The richest text the item has (content:encoded, content, summary or description), as HTML. */
  html: string;
}

/**
 * The keys that identify an item across polls and restarts: its guid and its link. Either
 * one matching an item seen before makes it a duplicate (feeds re-list items with a new
 * guid or a new tracking link often enough).
 */
export function entryKeys(entry: FeedEntry): string[] {
  const keys = [entry.guid && `guid:${entry.guid}`, entry.link && `link:${entry.link}`].filter((key): key is string => Boolean(key));
  return keys.length ? keys : [`title:${entry.title}|${entry.published ?? ''}`];
}

/** The article a feed item becomes: headline, date, link and the feed's text. */
export function entryToArticle(entry: FeedEntry, feed: { url: string; title?: string }): Article {
  const key = entryKeys(entry)[0]!;
  const hash = createHash('sha1').update(`${feed.url}\n${key}`).digest('hex').slice(0, 8);
  const body = htmlToText(entry.html) || entry.title;
  const date = entry.published && !Number.isNaN(Date.parse(entry.published)) ? entry.published.slice(0, 10) : undefined;
  return {
    id: articleIdFrom(`feed ${entry.title.slice(0, 36)} ${hash}`),
    title: entry.title,
    ...(date ? { date } : {}),
    ...(feed.title ? { source: feed.title } : {}),
    ...(entry.link ? { url: entry.link } : {}),
    tags: [],
    body,
    origin: feed.url,
  };
}
