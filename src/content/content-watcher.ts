import { statSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { relative, sep } from 'node:path';
import type { Logger } from 'pino';
import type { Article } from './article.js';
import { fileSignature, listArticleFiles, loadArticleFile, type SeenFile } from './load-content.js';

export interface ContentWatcherOptions {
  dir: string;
  /**
   * Files that appeared or changed and parsed well, all those of one scan at once (in
   * folder order): a burst of saves is written to the archive in one transaction.
   */
  onArticles: (articles: Article[]) => void;
  /** A file that held this article was deleted. */
  onRemoved: (articleId: string) => void;
  logger: Logger;
  intervalMs: number;
  /** Told what the files held when read (once per scan), and when one went (the archive's file list). */
  fileLog?: {
    seen(files: SeenOutcome[]): void;
    gone(path: string): void;
  };
}

/** What a file held when it was read: its article's id, or why it was skipped. */
export interface SeenOutcome {
  path: string;
  signature: string;
  outcome: { articleId: string } | { reason: string };
}

/**
 * Files stat'ed between two turns of the event loop: a scan of a big folder stats
 * synchronously, a chunk at a time, which is several times quicker than a promise per file
 * and leaves next to no garbage, while questions still get in between chunks.
 */
const STAT_CHUNK = 500;

interface FileState {
  /** mtime and size: what "changed" means (signature is built from them, for the file log). */
  signature: string;
  mtimeMs: number;
  size: number;
  /** Read at this signature; false while waiting for a changed file to stop changing. */
  loaded: boolean;
  articleId?: string;
}

/**
 * Notices files added to, changed in or removed from the content folder while the bot runs.
 * It scans (stat only) every few seconds rather than trusting fs.watch, which misses events
 * on network and container file systems and fires half-way through editors' saves. A new
 * or changed file is read once it has looked the same on two scans in a row, so a file
 * still being copied is never published half-written.
 */
export class ContentWatcher {
  private readonly files = new Map<string, FileState>();
  /** Symbolic links already logged as skipped (relative to the folder). */
  private readonly reportedLinks = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> | undefined;
  private readonly log: Logger;

  constructor(private readonly options: ContentWatcherOptions) {
    this.log = options.logger.child({ component: 'content-watcher' });
  }

  /**
   * Takes the files read at start-up as they were then, so only later changes count, and
   * the links already reported as skipped, so they are not reported again.
   */
  prime(files: SeenFile[], skippedLinks: readonly string[] = []): void {
    for (const link of skippedLinks) this.reportedLinks.add(link);
    for (const { path, signature, articleId } of files) {
      const [mtimeMs, size] = signature.split(':').map(Number) as [number, number];
      this.files.set(path, { signature, mtimeMs, size, loaded: true, ...(articleId ? { articleId } : {}) });
    }
  }

  start(): void {
    const tick = (): void => {
      this.scanning = this.scan()
        .catch((error: unknown) => this.log.error({ err: error, dir: this.options.dir }, 'content scan failed; will try again'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs);
        });
    };
    this.timer = setTimeout(tick, this.options.intervalMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.scanning;
  }

  /** One pass over the folder. Public so tests can step it. */
  async scan(): Promise<void> {
    const present = new Set(await this.list());
    for (const [file, state] of this.files) {
      if (present.has(file)) continue;
      this.files.delete(file);
      this.options.fileLog?.gone(file);
      if (state.articleId) {
        this.options.onRemoved(state.articleId);
        this.log.info({ file: this.origin(file), articleId: state.articleId }, 'article file removed');
      }
    }
    const arrived: Article[] = [];
    const seen: SeenOutcome[] = [];
    let statted = 0;
    for (const file of present) {
      if (++statted % STAT_CHUNK === 0) await nextTurn();
      const info = statSync(file, { throwIfNoEntry: false });
      if (!info) continue; // removed between listing and stat
      const known = this.files.get(file);
      if (!known || known.mtimeMs !== info.mtimeMs || known.size !== info.size) {
        // First sight of this version: wait one scan to be sure the writer has finished.
        this.files.set(file, { signature: fileSignature(info), mtimeMs: info.mtimeMs, size: info.size, loaded: false, ...(known?.articleId ? { articleId: known.articleId } : {}) });
        continue;
      }
      const signature = known.signature;
      if (known.loaded) continue;
      known.loaded = true;
      const result = await loadArticleFile(this.options.dir, file);
      if (!result.ok) {
        this.log.warn({ file: result.file, reason: result.reason }, 'skipped article file');
        seen.push({ path: file, signature, outcome: { reason: result.reason } });
        continue;
      }
      known.articleId = result.article.id;
      this.log.info({ file: result.article.origin, articleId: result.article.id }, 'article file loaded');
      arrived.push(result.article);
      seen.push({ path: file, signature, outcome: { articleId: result.article.id } });
    }
    if (arrived.length > 0) this.options.onArticles(arrived);
    if (seen.length > 0) this.options.fileLog?.seen(seen);
  }

  private async list(): Promise<string[]> {
    try {
      const { files, skippedLinks } = await listArticleFiles(this.options.dir);
      for (const link of skippedLinks) {
        // Once per link, not every few seconds.
        if (this.reportedLinks.has(link.file)) continue;
        this.reportedLinks.add(link.file);
        this.log.warn({ file: link.file, reason: link.reason }, 'skipped article file');
      }
      return files;
    } catch (error) {
      this.log.warn({ dir: this.options.dir, code: (error as NodeJS.ErrnoException).code }, 'content folder unreadable');
      return [...this.files.keys()];
    }
  }

  private origin(file: string): string {
    return relative(this.options.dir, file).split(sep).join('/');
  }
}
