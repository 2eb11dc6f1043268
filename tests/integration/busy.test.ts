/**
 * R26–R27 on a real database file: a write lock held by another connection makes our write wait for the
 * busy timeout and then fail with SQLITE_BUSY, leaving nothing behind; the client and its write queue
 * recover (the next 100 writes succeed); a lock held for less than the busy timeout (another process, as
 * `npm run import` beside the server) is waited for, not an error; the connection settings survive all of it.
 * On sqld the server owns locking and connection settings, so this file runs on the embedded database only.
 */
import { spawn } from 'node:child_process';
import { createClient } from '@libsql/client';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '#db/audit.ts';
import { writeTransaction } from '#db/client.ts';
import { auditLog } from '#db/schema/index.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const onSqld = process.env['TEST_DATABASE'] === 'sqld';
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const pragma = async (name: string) => Object.values((await database.client.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0];
const rowsOf = async (entity: string) => (await database.db.select().from(auditLog).where(eq(auditLog.entity, entity))).length;

/** R26: checked on several pooled connections in turn, so a reconnect after a transaction is covered. */
async function expectSettings() {
  for (let i = 0; i < 3; i++) {
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(Number(await pragma('busy_timeout'))).toBeGreaterThanOrEqual(5000);
  }
}

/** The error a call failed with, as the codes and messages of its cause chain (drizzle wraps driver errors), or null. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => {
      const parts: string[] = [];
      for (
        let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, i = 0;
        e && i < 5;
        e = e.cause as typeof e, i++
      )
        parts.push(`${typeof e.code === 'string' ? e.code : ''} ${typeof e.message === 'string' ? e.message : ''}`.trim());
      return parts.join(' <- ');
    },
  );

describe.skipIf(onSqld)('SQLITE_BUSY (R26, R27)', () => {
  it('every error inside a write transaction rolls back what it had written', async () => {
    const error = await failure(
      writeTransaction(database, async (tx) => {
        await recordAudit(tx, { label: 'rollback' }, { action: 'create', entity: 'rollback-test', entityId: 1 });
        // A foreign-key violation after a successful insert: the whole transaction goes.
        await recordAudit(tx, { userId: 999_999 }, { action: 'create', entity: 'rollback-test', entityId: 2 });
      }),
    );
    expect(error).toMatch(/SQLITE_CONSTRAINT.*FOREIGN KEY/);
    const thrown = await failure(
      writeTransaction(database, async (tx) => {
        await recordAudit(tx, { label: 'rollback' }, { action: 'create', entity: 'rollback-test', entityId: 3 });
        throw new Error('a bug after the first write');
      }),
    );
    expect(thrown).toBe('a bug after the first write');
    expect(await rowsOf('rollback-test')).toBe(0);
    await writeTransaction(database, (tx) =>
      recordAudit(tx, { label: 'rollback' }, { action: 'create', entity: 'rollback-test', entityId: 4 }),
    );
    expect(await rowsOf('rollback-test')).toBe(1);
    await expectSettings();
  });

  it('a lock another process holds for less than the busy timeout is waited for, not an error', async () => {
    // Another process (as `npm run import` beside the server) holds the write lock for 1.5 s, then commits.
    const script = `
      import { createClient } from '@libsql/client';
      const client = createClient({ url: ${JSON.stringify(database.url)}, timeout: 100 });
      const tx = await client.transaction('write');
      await tx.execute("INSERT INTO audit_log (actor_label, action, entity, entity_id) VALUES ('other', 'import', 'other-process', 1)");
      console.log('locked');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await tx.commit();
      client.close();`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      child.once('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const started = performance.now();
    await writeTransaction(database, (tx) => recordAudit(tx, { label: 'waiter' }, { action: 'create', entity: 'waited', entityId: 1 }));
    expect(performance.now() - started).toBeGreaterThan(500);
    expect(await exited).toBe(0);
    const rows = await database.db
      .select({ entity: auditLog.entity })
      .from(auditLog)
      .where(inArray(auditLog.entity, ['other-process', 'waited']))
      .orderBy(auditLog.id);
    expect(rows.map((r) => r.entity)).toEqual(['other-process', 'waited']);
    await expectSettings();
  }, 30_000);

  // Last: until src/db/client.ts recovers from SQLITE_BUSY (see the report), a failure here leaves the client unable to commit.
  it('a write meeting a held lock waits the busy timeout, fails with SQLITE_BUSY and writes nothing; the next 100 writes succeed', async () => {
    await expectSettings();
    // A second client on the same file takes the write lock (BEGIN IMMEDIATE) and writes without committing.
    const holder = createClient({ url: database.url, timeout: 100 });
    const held = await holder.transaction('write');
    await held.execute("INSERT INTO audit_log (actor_label, action, entity, entity_id) VALUES ('holder', 'create', 'busy-holder', 1)");

    // Through the write queue, as every server write goes: BEGIN IMMEDIATE waits, then gives up.
    const started = performance.now();
    const queued = await failure(
      writeTransaction(database, async (tx) => {
        await recordAudit(tx, { label: 'busy' }, { action: 'create', entity: 'busy-write', entityId: 1 });
        await recordAudit(tx, { label: 'busy' }, { action: 'create', entity: 'busy-write', entityId: 2 });
      }),
    );
    const waited = performance.now() - started;
    await held.rollback();
    holder.close();

    expect(queued, 'the write should have failed').toMatch(/SQLITE_BUSY/);
    // The busy timeout was in force: the write waited for it (10 s) before failing.
    expect(waited).toBeGreaterThanOrEqual(5000);
    expect(await rowsOf('busy-write')).toBe(0);
    expect(await rowsOf('busy-holder')).toBe(0);

    // The queue and the pooled connections recovered: 100 writes at once all land, in order.
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        writeTransaction(database, (tx) =>
          recordAudit(tx, { label: 'after-busy' }, { action: 'create', entity: 'after-busy', entityId: i }),
        ),
      ),
    );
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message)] : []));
    expect({ failed: rejected.length, first: rejected[0] ?? null }).toEqual({ failed: 0, first: null });
    const rows = await database.db
      .select({ entityId: auditLog.entityId })
      .from(auditLog)
      .where(eq(auditLog.entity, 'after-busy'))
      .orderBy(auditLog.id);
    expect(rows.map((r) => r.entityId)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    await expectSettings();
  }, 40_000);
});
