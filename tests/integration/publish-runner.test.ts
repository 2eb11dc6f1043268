/**
 * The admin's side of publishing: the background run the releases page streams, one at a time with the
 * CLI, a failure's log, and rollback (admins only at the route; audited here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '#db/schema/index.ts';
import { importCsv } from '#server/importer.ts';
import { processWide } from '#db/process-wide.ts';
import { publish, PUBLISH_STEPS, type BuildFunction } from '#server/publish.ts';
import { publishRun, rollback, settled, startPublish, untilFinished, untilStepSettled } from '#server/publish-runner.ts';
import { currentReleaseId } from '#server/releases.ts';
import { fakeBuild } from '../support/fake-build.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { tempDirs } from '../support/temp-dirs.ts';

const dirs = tempDirs('releases-runner-');

let database: TestDatabase;
let dir: string;
const admin = { userId: null, label: 'test', name: 'boss@example.vn' };

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await importCsv(database, readFileSync(join(ROOT, 'db/seed/certified-products.csv')), { actor: { label: 'seed' } });
  if (!outcome.ok) throw new Error('seed did not import');
});
afterAll(async () => {
  await database.dispose();
  dirs.removeAll();
});
beforeEach(async () => {
  await settled();
  dir = dirs.make();
});

describe('the background publish', () => {
  it('reports each step as it settles, in order, then the release', async () => {
    const started = startPublish(database, { releasesDir: dir, actor: admin, build: fakeBuild({ pauseEvery: 50, pauseMs: 20 }) });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const order: string[] = [];
    await Promise.all(PUBLISH_STEPS.map((step) => untilStepSettled(started.run, step).then(() => order.push(step))));
    await untilFinished(started.run);
    expect(order).toEqual([...PUBLISH_STEPS]);
    expect(publishRun()).toBe(started.run);
    expect(started.run.result).toMatchObject({ ok: true });
    expect(started.run.steps.filter((s) => s.state === 'done').map((s) => s.step)).toEqual([...PUBLISH_STEPS]);
    expect(currentReleaseId(dir)).not.toBeNull();
  });

  it('refuses a second publish while one runs, from the admin or the command line, naming who publishes', async () => {
    const first = startPublish(database, { releasesDir: dir, actor: admin, build: fakeBuild({ pauseEvery: 20, pauseMs: 20 }) });
    expect(first.ok).toBe(true);
    const second = startPublish(database, { releasesDir: dir, actor: { ...admin, name: 'other@example.vn' }, build: fakeBuild() });
    expect(second).toMatchObject({ ok: false, holder: { who: 'boss@example.vn' } });
    await untilStepSettled(publishRun()!, 'backup');
    const cli = await publish(database, { releasesDir: dir, actor: { label: 'cli', name: 'npm run publish' }, build: fakeBuild() });
    expect(cli).toMatchObject({ ok: false, reason: 'busy', holder: { who: 'boss@example.vn' } });
    expect((await settled())!.result).toMatchObject({ ok: true });
  });

  it('keeps a failure’s step and log, with the last lines the build printed', async () => {
    const failing: BuildFunction = async (outDir, env, stamp, hooks) => {
      await fakeBuild()(outDir, env, stamp);
      hooks?.onLine?.('[build] src/pages/products/[slug].astro: Cannot read properties of undefined');
      throw new Error('astro build exited with 1');
    };
    const started = startPublish(database, { releasesDir: dir, actor: admin, build: failing });
    expect(started.ok).toBe(true);
    const run = (await settled())!;
    expect(run.result).toMatchObject({ ok: false, reason: 'failed', step: 'build', message: 'astro build exited with 1' });
    const log = run.result && !run.result.ok && run.result.reason === 'failed' ? run.result.log.join('\n') : '';
    expect(log).toContain('Cannot read properties of undefined');
    expect(log).toContain('build FAILED: astro build exited with 1');
    expect(currentReleaseId(dir)).toBeNull();
  });
});

describe('rollback', () => {
  it('serves an earlier kept release again and audits it; refuses the current one and unknown ids', async () => {
    const a = await publish(database, { releasesDir: dir, actor: admin, build: fakeBuild() });
    const b = await publish(database, { releasesDir: dir, actor: admin, build: fakeBuild() });
    if (!a.ok || !b.ok) throw new Error('publish failed');
    expect(currentReleaseId(dir)).toBe(b.release.id);
    expect(await rollback(database, { releasesDir: dir, id: a.release.id, actor: admin })).toEqual({ ok: true });
    expect(currentReleaseId(dir)).toBe(a.release.id);
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'publish')).orderBy(desc(auditLog.id)).limit(1);
    expect(row!.after).toEqual({ id: a.release.id, rollback: true });
    expect(row!.before).toEqual({ id: b.release.id });
    expect(await rollback(database, { releasesDir: dir, id: a.release.id, actor: admin })).toEqual({ ok: false, reason: 'current' });
    expect(await rollback(database, { releasesDir: dir, id: '20200101T000000000Z-abcd', actor: admin })).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });
});

describe('process-wide state', () => {
  it('is made once and shared by every copy of a module (each release bundle has its own copies)', () => {
    const made: number[] = [];
    const first = processWide('test.counter', () => (made.push(1), { n: 0 }));
    const again = processWide('test.counter', () => (made.push(2), { n: 0 }));
    expect(again).toBe(first);
    expect(made).toEqual([1]);
    // A copy of the module loaded from another file finds the same object through the registered symbol.
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('spcnnt.test.counter')]).toBe(first);
  });
});
