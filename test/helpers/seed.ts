import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { Answerer } from '../../src/answer/answerer.js';
import type { Article } from '../../src/content/article.js';
import { parseArticle } from '../../src/content/parse-article.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

export const SEED_FILE = 'content/2025-05-01-ombudsperson-letter-to-amnesty.md';
export const BBC_DIR = join('..', 'shared', 'data', 'bbc-news');
/** The BBC corpus sits beside the repo in the workspace, not in a clone: tests that need it skip. */
export const HAS_CORPUS = existsSync(BBC_DIR);
/** Appended to the name of a test that needs the corpus, so a skipped run says why. */
export const NEEDS_CORPUS = HAS_CORPUS ? '' : ` (skipped: the BBC corpus ${BBC_DIR} is not there)`;

export function seedArticle(): Article {
  const parsed = parseArticle('2025-05-01-ombudsperson-letter-to-amnesty.md', readFileSync(SEED_FILE));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.article;
}

/**
 * A few real BBC articles, parsed as the product parses them; none without the corpus (a
 * suite that needs them is skipped then, but vitest still runs its body to collect it).
 */
export function bbcArticles(category: string, count: number): Article[] {
  if (!HAS_CORPUS) return [];
  const dir = join(BBC_DIR, category);
  return readdirSync(dir)
    .sort()
    .slice(0, count)
    .map((file) => parseArticle(`${category}/${file}`, readFileSync(join(dir, file))))
    .flatMap((result) => (result.ok ? [result.article] : []));
}

export function answererFor(articles: Article[]): Answerer {
  return new Answerer(new KnowledgeBase(articles));
}

/** An answerer over one made-up article, one paragraph per entry. */
export function answererForOne(title: string, paragraphs: string[], date = '2005-02-01'): Answerer {
  return answererFor([{ id: 'made-up', title, date, tags: [], body: paragraphs.join('\n\n'), origin: 'made-up.md' }]);
}

/** A logger that keeps its lines for assertions. */
export function memoryLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}
