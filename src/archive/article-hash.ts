import { createHash } from 'node:crypto';
import type { Article } from '../content/article.js';

/** Same parsed article, same hash: its analysis is reused, not redone. */
export function articleHash(article: Article): string {
  return createHash('sha1').update(JSON.stringify(article)).digest('base64url');
}
