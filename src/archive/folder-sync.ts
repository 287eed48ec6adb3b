import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { relative, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Article } from '../content/article.js';
import { fileSignature, type FileLoadResult, listArticleFiles, loadArticleFile, type SeenFile } from '../content/load-content.js';
import { AnalyserPool } from './analyser-pool.js';
import type { FileAnalysis } from './analysis.js';
import type { ArchiveStore, FileRecord } from './archive-store.js';
import { SEGMENT_ARTICLES } from './posting-records.js';
import type { PreparedArticle } from './prepare.js';
import { ProgressLog } from './progress.js';

/** Articles analysed and written per transaction: big enough to amortise posting rewrites,
 *  small enough that answers wait at most a fraction of a second for the write lock. */
export const SYNC_BATCH_ARTICLES = 500;
/**
 * Per transaction during a first indexing of a big folder: a segment of article slots, so
 * that each posting row is written about once rather than rewritten by every batch that
 * adds to its segment, and terms and words are upserted half as often. Answers meanwhile
 * wait up to a second or two for a batch; after the first indexing, batches are small again.
 */
export const FIRST_INDEXING_BATCH_ARTICLES = SEGMENT_ARTICLES;
/** How often the first indexing of a big folder reports progress. */
export const PROGRESS_INTERVAL_MS = 5_000;
/** Below this many files to read, worker threads cost more to start than they save. */
const WORKERS_FROM_FILES = 1_000;
/** Files stat'ed at once while comparing the folder with the archive. */
const STAT_CONCURRENCY = 64;

export interface FolderSyncOptions {
  dir: string;
  archive: ArchiveStore;
  logger: Logger;
  /** Articles kept elsewhere (feeds): indexed after the folder's, unless a file has their id. */
  extraArticles?: Article[];
  batchSize?: number;
  progressIntervalMs?: number;
  /** Checked between batches: a stopping bot does not finish a long first indexing. */
  shouldStop?: () => boolean;
  /** Worker threads analysing files (default: a core is left for writing). */
  workers?: number;
  /** Reads one file (tests count the calls; only without workers). */
  readArticle?: (dir: string, file: string) => Promise<FileLoadResult>;
}

export interface FolderSyncResult {
  /** Every article file with its signature, for the content watcher. */
  files: SeenFile[];
  /** Files read this time (new or changed since the last run). */
  read: number;
  /** Articles whose analysis was (re)computed. */
  analysed: number;
  removed: number;
  skipped: { file: string; reason: string }[];
  stopped: boolean;
}

/**
 * Brings the archive in line with the content folder: files whose size and mtime are as
 * last indexed are not read at all; new and changed ones are read, and re-analysed only
 * when their text changed; deleted ones are forgotten. Works in batches, yielding between
 * them, so the bot answers from what is indexed so far while a big folder is indexed.
 */
export async function syncFolder(options: FolderSyncOptions): Promise<FolderSyncResult> {
  const { dir, archive, logger } = options;
  const readArticle = options.readArticle ?? loadArticleFile;
  const listed = await listArticleFiles(dir);
  const present = await signatures(dir, listed.files);
  const known = new Map(archive.files().map((record) => [record.origin, record]));
  const result: FolderSyncResult = { files: [], read: 0, analysed: 0, removed: 0, skipped: [], stopped: false };
  // A link out of the folder, or to nothing, is skipped with its reason (as in loadContentDir).
  for (const link of listed.skippedLinks) {
    result.skipped.push(link);
    logger.warn({ file: link.file, reason: link.reason }, 'skipped article file');
  }

  const gone = [...known.values()].filter((record) => !present.has(record.origin));
  archive.removeMany(gone.flatMap((record) => (record.articleId ? [record.articleId] : [])));
  archive.forgetFiles(gone.map((record) => record.origin));
  result.removed = gone.filter((record) => record.articleId).length;
  for (const record of gone) known.delete(record.origin);

  // Which file holds which id: the first file (in sorted order) with an id keeps it.
  const owners = new Map<string, string>();
  for (const record of known.values()) if (record.articleId) owners.set(record.articleId, record.origin);
  const todo: { path: string; origin: string; signature: string }[] = [];
  for (const [origin, { path, signature }] of present) {
    const record = known.get(origin);
    if (record?.signature !== signature) {
      todo.push({ path, origin, signature });
      continue;
    }
    result.files.push({ path, signature, ...(record.articleId ? { articleId: record.articleId } : {}) });
    if (record.reason) {
      result.skipped.push({ file: origin, reason: record.reason });
      logger.warn({ file: origin, reason: record.reason }, 'skipped article file');
    }
  }

  const batchSize = options.batchSize ?? (todo.length >= WORKERS_FROM_FILES ? FIRST_INDEXING_BATCH_ARTICLES : SYNC_BATCH_ARTICLES);
  const progress = new ProgressLog(logger, 'indexing articles', todo.length, options.progressIntervalMs ?? PROGRESS_INTERVAL_MS);
  const workers = todo.length >= WORKERS_FROM_FILES ? (options.workers ?? defaultWorkers()) : 0;
  if (todo.length > batchSize) logger.info({ files: todo.length, dir, workers }, 'indexing new and changed article files; answering from what is indexed meanwhile');
  const pool = new AnalyserPool(workers, readArticle);
  const batches: (typeof todo)[] = [];
  for (let start = 0; start < todo.length; start += batchSize) batches.push(todo.slice(start, start + batchSize));
  // Workers analyse the next batches while this thread writes the current one.
  const inFlight: Promise<FileAnalysis[]>[] = [];
  // One batch per worker besides the one being written: both stay busy while this thread
  // writes, and no more analysed articles than that wait in memory.
  const lookahead = workers + 1;
  let launched = 0;
  let done = 0;
  try {
    for (const chunk of batches) {
      if (options.shouldStop?.()) {
        result.stopped = true;
        break;
      }
      while (inFlight.length < lookahead && launched < batches.length) inFlight.push(pool.analyse(dir, batches[launched++]!.map((file) => file.path)));
      const analysed = await inFlight.shift()!;
      result.read += chunk.length;
      write(chunk, analysed);
      done += chunk.length;
      progress.update(done);
      await nextTurn(); // let questions in between batches
    }
  } finally {
    await pool.close();
  }

  function write(chunk: typeof todo, analysed: FileAnalysis[]): void {
    const prepared: PreparedArticle[] = [];
    const records: FileRecord[] = [];
    chunk.forEach((file, i) => {
      const outcome = analysed[i]!;
      const record = recordOf(file, outcome, owners);
      records.push(record);
      if (record.reason) {
        result.skipped.push({ file: file.origin, reason: record.reason });
        logger.warn({ file: file.origin, reason: record.reason }, 'skipped article file');
      } else if (outcome.ok) {
        prepared.push(outcome.prepared);
        owners.set(record.articleId!, file.origin);
      }
      result.files.push({ path: file.path, signature: record.signature, ...(record.articleId ? { articleId: record.articleId } : {}) });
    });
    // A file that no longer parses (or now holds another id) no longer holds its old article.
    const stale = chunk.flatMap((file, i) => {
      const before = known.get(file.origin)?.articleId;
      return before && before !== records[i]!.articleId && owners.get(before) === file.origin ? [before] : [];
    });
    for (const id of stale) owners.delete(id);
    archive.removeMany(stale);
    result.removed += stale.length;
    result.analysed += archive.writePrepared(prepared).analysed.length;
    archive.recordFiles(records);
  }

  const extra = (options.extraArticles ?? []).filter((article) => !owners.has(article.id));
  for (let start = 0; start < extra.length && !result.stopped; start += batchSize) {
    result.analysed += archive.upsertMany(extra.slice(start, start + batchSize)).analysed.length;
    await nextTurn();
  }
  return result;
}

/** What the archive remembers of a file just read: its article's id, or why it was skipped. */
function recordOf(file: { origin: string; signature: string }, analysed: FileAnalysis, owners: Map<string, string>): FileRecord {
  const signature = analysed.signature ?? file.signature;
  if (!analysed.ok) return { origin: file.origin, signature, reason: analysed.reason };
  const id = analysed.prepared.article.id;
  const owner = owners.get(id);
  if (owner !== undefined && owner !== file.origin) return { origin: file.origin, signature, reason: `duplicate article id ${id} (also ${owner})` };
  return { origin: file.origin, signature, articleId: id };
}

/** Worker threads for a big indexing: one per core (this thread, writing, waits on them half the time). */
function defaultWorkers(): number {
  return Number(process.env.ARCHIVE_WORKERS) || availableParallelism();
}

/** Each listed file's signature, by its path relative to the folder (stat only, no reading). */
async function signatures(dir: string, paths: string[]): Promise<Map<string, { path: string; signature: string }>> {
  const found = new Map<string, { path: string; signature: string }>();
  for (let start = 0; start < paths.length; start += STAT_CONCURRENCY) {
    const chunk = paths.slice(start, start + STAT_CONCURRENCY);
    const stats = await Promise.all(chunk.map((path) => stat(path).catch(() => undefined)));
    chunk.forEach((path, i) => {
      const info = stats[i];
      if (info) found.set(relative(dir, path).split(sep).join('/'), { path, signature: fileSignature(info) });
    });
  }
  return found;
}
