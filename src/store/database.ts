import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { ensureWritableDir } from './data-dir.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export const DATABASE_FILE = 'newsbot.sqlite';

/**
 * Opens (creating when new) the bot's SQLite database under `dataDir` and brings its
 * schema up to date. WAL lets the answer path read while the delivery worker writes.
 * synchronous=NORMAL: in WAL mode a commit survives the process being killed at any
 * point; only a power cut or kernel crash can lose the last commits (see README).
 */
export function openDatabase(dataDir: string, logger?: Logger): Db {
  ensureWritableDir(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const ran = migrate(db);
  if (ran > 0) logger?.info({ file, migrations: ran, version: MIGRATIONS.length }, 'database schema updated');
  return db;
}

/** Runs the migrations this database has not seen yet, each in its own transaction. */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`The database schema is version ${current}, newer than this bot knows (${MIGRATIONS.length}). Update the bot.`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length - current;
}
