import { relative, sep } from 'node:path';
import type { SeenOutcome } from '../content/content-watcher.js';
import type { ArchiveStore } from './archive-store.js';

/**
 * What the content watcher reads while the bot runs, written to the archive's file list:
 * after a hot reload the next start knows the file as it is and does not read it again.
 */
export class FileLog {
  constructor(
    private readonly archive: ArchiveStore,
    private readonly dir: string,
  ) {}

  /** Files read in one scan, recorded in one transaction. */
  seen(files: SeenOutcome[]): void {
    this.archive.recordFiles(files.map(({ path, signature, outcome }) => ({ origin: this.origin(path), signature, ...outcome })));
  }

  gone(path: string): void {
    this.archive.forgetFiles([this.origin(path)]);
  }

  private origin(path: string): string {
    return relative(this.dir, path).split(sep).join('/');
  }
}
