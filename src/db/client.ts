import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema/index.ts';
import { processWide } from './process-wide.ts';

export type Db = LibSQLDatabase<typeof schema>;
/** A drizzle transaction handle; query functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  url: string;
  client: Client;
  db: Db;
  close(): void;
}

export const DEFAULT_DATABASE_URL = 'file:db/registry.db';
/** How long a write waits for SQLite's lock before failing with SQLITE_BUSY (ms). */
const BUSY_TIMEOUT_MS = 10_000;
const MIGRATIONS = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** True for SQLITE_BUSY anywhere in an error's cause chain (drizzle wraps driver errors). */
function isBusy(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++)
    if (e.code === 'SQLITE_BUSY') return true;
  return false;
}

/** The database named by DATABASE_URL (a local file by default, or a libSQL server) and its token. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): { url: string; authToken?: string } {
  const url = env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
  const authToken = env['DATABASE_AUTH_TOKEN'];
  return authToken ? { url, authToken } : { url };
}

/** True for an embedded database file (as opposed to sqld / Turso over the network). */
export function isLocalFile(url: string): boolean {
  return url.startsWith('file:');
}

/**
 * Opens the database. A local file gets WAL journalling; libSQL's defaults already give
 * foreign_keys=ON and synchronous=FULL on every pooled connection, and `timeout` sets busy_timeout
 * on each (tests check all four, also after a transaction).
 */
export async function openDatabase(config: { url: string; authToken?: string }): Promise<Database> {
  if (isLocalFile(config.url)) {
    const path = config.url.slice('file:'.length);
    if (path && !path.startsWith(':memory:')) mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ ...config, timeout: BUSY_TIMEOUT_MS });
  if (isLocalFile(config.url)) await client.execute('PRAGMA journal_mode = WAL');
  const db = drizzle({ client, schema });
  return { url: config.url, client, db, close: () => client.close() };
}

/** Applies every migration in db/migrations that has not run yet. */
export async function migrateDatabase(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: MIGRATIONS });
}

const shared = processWide('database', () => ({ database: undefined as Promise<Database> | undefined }));

/** The process-wide database for pages and commands (one for every release's bundle), opened on first use. */
export function getDatabase(): Promise<Database> {
  shared.database ??= openDatabase(databaseConfigFromEnv());
  return shared.database;
}

const writeQueues = processWide('writeQueues', () => new WeakMap<object, Promise<unknown>>());

/** libSQL's answer to a statement on a transaction SQLite already ended. */
const isTransactionClosed = (error: unknown) =>
  error instanceof Error && ((error as { code?: unknown }).code === 'TRANSACTION_CLOSED' || /TRANSACTION_CLOSED/.test(error.message));

/**
 * Runs a write transaction, one at a time per client in this process. The embedded driver waits for
 * SQLite's write lock synchronously, on the event loop: two write transactions started together in one
 * process would wait on each other until SQLITE_BUSY. Queued here, they follow one another instead (R27).
 */
export function writeTransaction<T>(database: Pick<Database, 'client' | 'db'>, work: (tx: Tx) => Promise<T>): Promise<T> {
  const previous = writeQueues.get(database.client) ?? Promise.resolve();
  // When a statement fails so that SQLite ends the transaction itself (a full disk: SQLITE_FULL), drizzle's
  // rollback then fails with TRANSACTION_CLOSED, which would hide the reason: the work's own error is kept.
  let failure: unknown = null;
  const run = previous
    .catch(() => undefined)
    .then(() =>
      database.db.transaction(async (tx) => {
        try {
          return await work(tx);
        } catch (error) {
          failure = error;
          throw error;
        }
      }),
    )
    .catch(async (caught: unknown) => {
      const error = failure !== null && isTransactionClosed(caught) ? failure : caught;
      // libSQL leaves a statement that failed with SQLITE_BUSY un-reset on its connection until the garbage
      // collector finalises it; until then every COMMIT on that connection fails ("SQL statements in
      // progress"). Replace the pool's connections so the next write starts clean (R27).
      if (isBusy(error)) await Promise.resolve(database.client.reconnect());
      throw error;
    });
  writeQueues.set(
    database.client,
    run.catch(() => undefined),
  );
  return run;
}
