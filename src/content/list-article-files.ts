import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const ARTICLE_FILE = /\.(md|markdown|txt)$/i;

/** A symbolic link that was not followed, and why. `file` is relative to the content folder. */
export interface SkippedLink {
  file: string;
  reason: string;
}

export interface ArticleFileList {
  /** Article files, sorted so that load order (and ids) are stable. */
  files: string[];
  skippedLinks: SkippedLink[];
}

/**
 * Article files under `dir`, recursively. A symbolic link is followed when its target stays
 * inside the folder (an editor's `latest.md -> 2025/story.md`, a linked sub-folder) and
 * skipped, with its reason, when it leads outside: the folder is what the operator chose to
 * publish, and a link must not widen that to the rest of the disk. Real folders are read
 * before linked ones, and a folder is read once, so a link to a parent loops nowhere.
 */
export async function listArticleFiles(dir: string): Promise<ArticleFileList> {
  const root = await realpath(dir);
  const files: string[] = [];
  const skippedLinks: SkippedLink[] = [];
  const readFolders = new Set<string>();
  const links: string[] = [];
  const origin = (path: string): string => relative(dir, path).split(sep).join('/');

  const walk = async (folder: string): Promise<void> => {
    const real = await realpath(folder);
    if (readFolders.has(real)) return;
    readFolders.add(real);
    const entries: Dirent[] = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        if (isArticleName(entry.name)) files.push(path);
      } else if (entry.isSymbolicLink()) links.push(path);
    }
  };

  await walk(dir);
  // Links last, so a folder reachable both ways is read under its real path.
  while (links.length) {
    const link = links.shift()!;
    let target: string;
    try {
      target = await realpath(link);
    } catch {
      skippedLinks.push({ file: origin(link), reason: 'symbolic link to nothing (its target does not exist)' });
      continue;
    }
    if (target !== root && !target.startsWith(root + sep)) {
      skippedLinks.push({ file: origin(link), reason: 'symbolic link to a file outside CONTENT_DIR' });
      continue;
    }
    const info = await stat(target);
    if (info.isDirectory()) await walk(link);
    else if (info.isFile() && isArticleName(link)) files.push(link);
  }
  // A README anywhere is documentation, not an article (the name alone says so: no relative() per file).
  return { files: files.filter((file) => !/(^|[/\\])README\.md$/i.test(file)).sort(), skippedLinks };
}

function isArticleName(path: string): boolean {
  const name = path.slice(path.lastIndexOf(sep) + 1);
  return ARTICLE_FILE.test(name) && !name.startsWith('.');
}
