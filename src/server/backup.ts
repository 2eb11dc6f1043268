/**
 * Consistent, checked copies of the database (R31): before a publish (kept with the release; the build reads it)
 * and before an admin import commits (kept under `backups/` beside the database file, newest ten).
 * A database over the network (sqld) is backed up by its operator; a publish still copies it into a local file
 * first, inside one read transaction, so that the build reads one consistent snapshot from disk instead of
 * sending the server a query per page (decision 043).
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isLocalFile, openDatabase, type Database } from '#db/client.ts';

/** Throws unless SQLite finds the copy sound (`what` names the copy in the message). */
async function checkIntegrity(copy: Pick<Database, 'client'>, what: string): Promise<void> {
  const verdict = (await copy.client.execute('PRAGMA integrity_check')).rows[0]?.[0];
  if (verdict !== 'ok') throw new Error(`${what} integrity check: ${typeof verdict === 'string' ? verdict : 'no answer'}`);
}

/** A consistent copy of the database at `final`, integrity-checked before it is trusted; null when not a local file. */
export async function backupDatabase(database: Pick<Database, 'url' | 'client'>, final: string): Promise<string | null> {
  if (!isLocalFile(database.url)) return null;
  const temporary = `${final}.tmp`;
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [temporary] });
  const copy = await openDatabase({ url: `file:${temporary}` });
  try {
    await checkIntegrity(copy, 'backup');
  } finally {
    copy.close();
  }
  moveDatabaseFile(temporary, final);
  return final;
}

/** Rows inserted per statement batch when a remote database is copied. */
const COPY_BATCH = 500;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A consistent copy of the database at `final` for a publish to build from: the file backup of an embedded
 * database, or, for a database over the network, its tables copied row by row inside one read transaction
 * (schema first, then rows, then indexes and triggers), integrity-checked like a backup.
 */
export async function snapshotDatabase(database: Pick<Database, 'url' | 'client'>, final: string): Promise<string> {
  if (isLocalFile(database.url)) return (await backupDatabase(database, final))!;
  const temporary = `${final}.tmp`;
  rmSync(temporary, { force: true });
  const copy = await openDatabase({ url: `file:${temporary}` });
  const read = await database.client.transaction('read');
  try {
    const schema = await read.execute(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    );
    const entries = schema.rows.map((row) => ({ type: row['type'] as string, name: row['name'] as string, sql: row['sql'] as string }));
    const tables = entries.filter((e) => e.type === 'table');
    // Rows arrive table by table, not in the order their references need: the copy checks none (the source did).
    await copy.client.execute('PRAGMA foreign_keys = OFF');
    for (const table of tables) await copy.client.execute(table.sql);
    for (const table of tables) {
      const rows = await read.execute(`SELECT * FROM ${quoted(table.name)}`);
      if (rows.rows.length === 0) continue;
      const insert = `INSERT INTO ${quoted(table.name)} (${rows.columns.map(quoted).join(', ')}) VALUES (${rows.columns.map(() => '?').join(', ')})`;
      for (let start = 0; start < rows.rows.length; start += COPY_BATCH) {
        const batch = rows.rows
          .slice(start, start + COPY_BATCH)
          .map((row) => ({ sql: insert, args: rows.columns.map((_, i) => row[i] ?? null) }));
        await copy.client.batch(batch, 'write');
      }
    }
    for (const entry of entries.filter((e) => e.type !== 'table')) await copy.client.execute(entry.sql);
    await checkIntegrity(copy, 'snapshot');
    await copy.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch (error) {
    copy.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${temporary}${suffix}`, { force: true });
    throw error;
  } finally {
    read.close();
  }
  copy.close();
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
