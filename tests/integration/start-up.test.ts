/**
 * `npm start` after a restart with changed data (#17.10): the server answers from the last good release at once,
 * while the new release is published in the background, and serves the new one once it is switched on. A fresh
 * clone (no release yet) publishes its first release before serving.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '#db/client.ts';
import { auditLog } from '#db/schema/index.ts';
import { importCsv } from '#server/importer.ts';
import { publish } from '#server/publish.ts';
import { publishRun } from '#server/publish-runner.ts';
import { currentReleaseId } from '#server/releases.ts';
import { RELEASE_HEADER, startSiteServer } from '#server/site-server.ts';
import { prepareReleases } from '#server/start-up.ts';
import { fakeBuild } from '../support/fake-build.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { tempDirs } from '../support/temp-dirs.ts';

const dirs = tempDirs('start-up-');

let database: TestDatabase;
let dir: string;
const lines: string[] = [];
const log = (line: string) => lines.push(line);

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await importCsv(database, readFileSync(join(ROOT, 'db/seed/certified-products.csv')), { actor: { label: 'seed' } });
  if (!outcome.ok) throw new Error('seed did not import');
});
afterAll(async () => {
  await database.dispose();
  dirs.removeAll();
});
beforeEach(() => {
  dir = dirs.make();
  lines.length = 0;
});

/** A change to the data, as every edit makes one: the build stamp moves on. */
const changeData = () =>
  writeTransaction(database, (tx) =>
    tx.insert(auditLog).values({ actorLabel: 'test', action: 'update', entity: 'products', entityId: null }),
  );

describe('npm start after a restart with changed data', () => {
  it('serves the last good release at once and switches to the new one when the background publish is done', async () => {
    const first = await publish(database, { releasesDir: dir, actor: { label: 'test', name: 'test' }, build: fakeBuild() });
    expect(first.ok).toBe(true);
    const old = currentReleaseId(dir)!;
    await changeData();

    // A slow build: the publish takes seconds, and the server must answer all along.
    const startUp = await prepareReleases(database, { releasesDir: dir, log, build: fakeBuild({ pauseEvery: 20, pauseMs: 25 }) });
    expect(startUp.plan).toBe('background');
    // Nothing was published before serving.
    expect(currentReleaseId(dir)).toBe(old);
    const site = await startSiteServer({ releasesDir: dir, host: '127.0.0.1', port: 0, log: () => {} });
    try {
      const background = startUp.afterServing();
      const run = publishRun()!;
      expect(run.actor).toBe('npm start');
      // Until the publish reaches its switch step, every answer comes from the old release.
      const switching = () => run.steps.some((s) => s.step === 'switch');
      let answeredDuring = 0;
      while (!switching() && run.finishedAt === null) {
        const response = await fetch(site.url);
        // Checked after the answer: it came while the publish had not switched yet.
        if (!switching()) {
          expect(response.status).toBe(200);
          expect(response.headers.get(RELEASE_HEADER)).toBe(old);
          answeredDuring++;
        }
        await response.arrayBuffer();
      }
      expect(answeredDuring).toBeGreaterThan(0);
      const result = await background;
      expect(result?.ok).toBe(true);
      const fresh = currentReleaseId(dir)!;
      expect(fresh).not.toBe(old);
      const after = await fetch(site.url);
      expect(after.headers.get(RELEASE_HEADER)).toBe(fresh);
      expect(lines.some((l) => l.includes(`serving ${old} while a new release is published in the background`))).toBe(true);
    } finally {
      await site.close();
    }
    // Started again with nothing changed: nothing to publish.
    expect((await prepareReleases(database, { releasesDir: dir, log, build: fakeBuild() })).plan).toBe('up to date');
  });

  it('keeps serving the old release when the background publish fails', async () => {
    expect((await publish(database, { releasesDir: dir, actor: { label: 'test', name: 'test' }, build: fakeBuild() })).ok).toBe(true);
    const old = currentReleaseId(dir)!;
    await changeData();
    const startUp = await prepareReleases(database, { releasesDir: dir, log, build: fakeBuild({ search: 'missing' }) });
    const result = await startUp.afterServing();
    expect(result).toMatchObject({ ok: false, step: 'validate' });
    expect(currentReleaseId(dir)).toBe(old);
    expect(lines.at(-1)).toContain(`still serving ${old}`);
  });
});

describe('npm start on a fresh clone', () => {
  it('publishes the first release before serving', async () => {
    const startUp = await prepareReleases(database, { releasesDir: dir, log, build: fakeBuild() });
    expect(startUp.plan).toBe('first release');
    expect(currentReleaseId(dir)).not.toBeNull();
  });

  it('fails, with the reason, when the first release cannot be published', async () => {
    await expect(prepareReleases(database, { releasesDir: dir, log, build: fakeBuild({ search: 'missing' }) })).rejects.toThrow(
      /could not publish the first release — validate: .*no search index/s,
    );
    expect(currentReleaseId(dir)).toBeNull();
  });
});
