import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Logger } from 'pino';
import type { Article } from './article.js';
import { listArticleFiles } from './list-article-files.js';
import { parseArticle } from './parse-article.js';

export { ARTICLE_FILE, listArticleFiles } from './list-article-files.js';
/** A file past this size is not an article (and would slow every load). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface SkippedFile {
  file: string;
  reason: string;
}

/** A file as it was when read, so a watcher can tell later whether it changed. */
export interface SeenFile {
  path: string;
  signature: string;
  articleId?: string;
}

export interface LoadResult {
  articles: Article[];
  skipped: SkippedFile[];
  /** Every article file listed, good or bad, with its signature when it could be read. */
  files: SeenFile[];
}

/** mtime and size: what "the file changed" means to the content watcher. */
export function fileSignature(info: Stats): string {
  return `${info.mtimeMs}:${info.size}`;
}

/** Reads every article file under `dir`, recursively; a bad file is skipped and logged. */
export async function loadContentDir(dir: string, logger: Logger): Promise<LoadResult> {
  const { files, skippedLinks } = await listArticleFiles(dir);
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  for (const link of skippedLinks) {
    skipped.push(link);
    logger.warn({ file: link.file, reason: link.reason }, 'skipped article file');
  }
  const seen: SeenFile[] = [];
  const seenIds = new Set<string>();
  for (const file of files) {
    const result = await loadArticleFile(dir, file);
    const record: SeenFile | undefined = result.signature ? { path: file, signature: result.signature } : undefined;
    if (record) seen.push(record);
    if (!result.ok) {
      skipped.push({ file: result.file, reason: result.reason });
      logger.warn({ file: result.file, reason: result.reason }, 'skipped article file');
      continue;
    }
    if (seenIds.has(result.article.id)) {
      skipped.push({ file: result.article.origin, reason: `duplicate article id ${result.article.id}` });
      logger.warn({ file: result.article.origin, id: result.article.id }, 'skipped article file: duplicate id');
      continue;
    }
    seenIds.add(result.article.id);
    articles.push(result.article);
    if (record) record.articleId = result.article.id;
  }
  return { articles, skipped, files: seen };
}

/** `signature` is there whenever the file could be stat'ed. */
export type FileLoadResult = ({ ok: true; article: Article } | { ok: false; file: string; reason: string }) & { signature?: string };

/** Reads and parses one file; `file` is absolute or relative to the working directory. */
export async function loadArticleFile(dir: string, file: string): Promise<FileLoadResult> {
  const origin = relative(dir, file).split(sep).join('/');
  let signature: string | undefined;
  try {
    const info = await stat(file);
    signature = fileSignature(info);
    if (info.size > MAX_FILE_BYTES) return { ok: false, file: origin, reason: `larger than ${MAX_FILE_BYTES} bytes`, signature };
    const parsed = parseArticle(origin, await readFile(file));
    return parsed.ok ? { ...parsed, signature } : { ok: false, file: origin, reason: parsed.reason, signature };
  } catch (error) {
    return { ok: false, file: origin, reason: `unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ...(signature ? { signature } : {}) };
  }
}
