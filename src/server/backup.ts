/**
 * Consistent, checked copies of the embedded database (R31): before a publish (kept with the release)
 * and before an admin import commits (kept under `backups/` beside the database file, newest ten).
 * A database over the network (sqld) is backed up by its operator; nothing is copied here then.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isLocalFile, openDatabase, type Database } from '../db/client.ts';

/** A consistent copy of the database at `final`, integrity-checked before it is trusted; null when not a local file. */
export async function backupDatabase(database: Pick<Database, 'url' | 'client'>, final: string): Promise<string | null> {
  if (!isLocalFile(database.url)) return null;
  const temporary = `${final}.tmp`;
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [temporary] });
  const copy = await openDatabase({ url: `file:${temporary}` });
  try {
    const check = await copy.client.execute('PRAGMA integrity_check');
    const verdict = check.rows[0]?.[0];
    if (verdict !== 'ok') throw new Error(`backup integrity check: ${typeof verdict === 'string' ? verdict : 'no answer'}`);
  } finally {
    copy.close();
  }
  moveDatabaseFile(temporary, final);
  return final;
}

/**
 * Moves a database file that nobody has open any more, dropping the -wal/-shm files its readers left
 * (nothing writes to a backup, so they hold no data).
 */
export function moveDatabaseFile(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${from}${suffix}`, { force: true });
}

/** How many import backups are kept. */
export const KEPT_IMPORT_BACKUPS = 10;

/** The folder of import backups: `backups/` beside the database file (db/backups/ by default, git-ignored). */
export function backupsDirOf(url: string): string | null {
  if (!isLocalFile(url)) return null;
  const path = url.slice('file:'.length).split('?')[0]!;
  return join(dirname(resolve(path)), 'backups');
}

/** A checked copy taken before an import commits; the oldest beyond the kept ten are removed. */
export async function backupBeforeImport(database: Pick<Database, 'url' | 'client'>, now = new Date()): Promise<string | null> {
  const dir = backupsDirOf(database.url);
  if (!dir) return null;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = await backupDatabase(database, join(dir, `before-import-${stamp}-${Math.random().toString(16).slice(2, 6)}.db`));
  const old = readdirSync(dir)
    .filter((name) => /^before-import-.*\.db$/.test(name))
    .sort()
    .reverse()
    .slice(KEPT_IMPORT_BACKUPS);
  for (const name of old) rmSync(join(dir, name), { force: true });
  return file;
}
