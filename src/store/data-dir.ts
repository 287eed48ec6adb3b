import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Makes sure `dir` exists and is a writable folder, creating the missing levels one at a
 * time. Not `mkdirSync(dir, { recursive: true })`: under /proc (and other pseudo file
 * systems) mkdir answers ENOENT for a parent that exists, and Node's recursive mkdir
 * retries that forever at 100% CPU. One level at a time, the first refusal is an error.
 * Throws the file system's error (its `code` says why).
 */
export function ensureWritableDir(dir: string): void {
  const target = resolve(dir);
  const missing: string[] = [];
  let existing = target;
  while (!existsSync(existing)) {
    missing.unshift(existing);
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  if (!statSync(existing).isDirectory()) throw Object.assign(new Error(`${existing} is not a folder`), { code: 'ENOTDIR' });
  for (const level of missing) mkdirSync(level);
  accessSync(target, constants.W_OK);
}
