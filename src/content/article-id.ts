import { createHash } from 'node:crypto';

const MAX_ID_LENGTH = 48;

/**
 * A readable id from a path or title: "politics/012.txt" -> "politics-012".
 * Ids go into Telegram deep links (/start <id>), which allow [A-Za-z0-9_-] up to 64 chars,
 * so long ones are cut and made unique again with a short hash.
 */
export function articleIdFrom(origin: string): string {
  const slug = origin
    .replace(/\.(md|markdown|txt)$/i, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 0 && slug.length <= MAX_ID_LENGTH) return slug;
  const hash = createHash('sha1').update(origin).digest('hex').slice(0, 8);
  return `${slug.slice(0, MAX_ID_LENGTH - 9).replace(/-+$/, '')}-${hash}`.replace(/^-/, '');
}
