import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications } from '#db/schema/index.ts';
import { parseChangeLog, type ChangeLog } from '#domain/change-log.ts';
import { CHANGE_LOG_FILE } from '#server/release-change-log.ts';
import { certificationFeed, changeLogFile } from '#server/feed-responses.ts';
import { importCsv } from '#server/importer.ts';
import { publish, type BuildFunction } from '#server/publish.ts';
import { ROOT, TMP } from '../support/paths.ts';
import { fakeBuild } from '../support/fake-build.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await importCsv(database, readFileSync(join(ROOT, 'db/seed/certified-products.csv')), { actor: { label: 'seed' } });
  if (!outcome.ok) throw new Error('seed did not import');
  dir = mkdtempSync(join(TMP, 'changes-'));
});
afterAll(async () => {
  await database.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** The fake build, noting the environment and the change log the pipeline gave it. */
function watchedBuild(seen: { env?: NodeJS.ProcessEnv; log?: ChangeLog | null }): BuildFunction {
  return async (outDir, env, stamp) => {
    seen.env = env;
    seen.log = parseChangeLog(readFileSync(env['REGISTRY_CHANGES_FILE']!, 'utf8'));
    await fakeBuild()(outDir, env, stamp);
  };
}

async function publishOnce() {
  const seen: { env?: NodeJS.ProcessEnv; log?: ChangeLog | null } = {};
  const result = await publish(database, { releasesDir: dir, actor: { label: 'test', name: 'test' }, build: watchedBuild(seen) });
  if (!result.ok) throw new Error(`publish failed: ${JSON.stringify(result)}`);
  const kept = parseChangeLog(readFileSync(join(dir, result.release.id, CHANGE_LOG_FILE), 'utf8'));
  return { release: result.release, seen, kept: kept! };
}

describe('the change log between releases (issue #9)', () => {
  it('hands the build its release and a log, kept beside the release, never in what is served', async () => {
    const { release, seen, kept } = await publishOnce();
    expect(seen.env?.['REGISTRY_RELEASE_ID']).toBe(release.id);
    expect(Date.parse(seen.env!['REGISTRY_RELEASE_DATE']!)).toBeLessThanOrEqual(Date.parse(release.publishedAt));
    expect(seen.log).toEqual(kept);
    const published = await database.client.execute("SELECT count(*) FROM certifications WHERE status = 'published'");
    expect(kept.releases).toHaveLength(1);
    expect(kept.releases[0]).toMatchObject({ release: release.id, baseline: true, certifications: Number(published.rows[0]![0]) });
    expect(Object.keys(kept.state)).toHaveLength(Number(published.rows[0]![0]));
    expect(() => readFileSync(join(dir, release.id, 'client', CHANGE_LOG_FILE))).toThrow();
  });

  it('names what the next release revoked, changed and withdrew', async () => {
    const rows = await database.db.select().from(certifications).orderBy(certifications.id).limit(3);
    const [revoke, rescore, unpublish] = rows;
    await database.db
      .update(certifications)
      .set({ revokedAt: '2026-11-30', revokedReason: 'test' })
      .where(eq(certifications.id, revoke!.id));
    await database.db.update(certifications).set({ score: 99.5 }).where(eq(certifications.id, rescore!.id));
    await database.db.update(certifications).set({ status: 'draft' }).where(eq(certifications.id, unpublish!.id));
    const { release, kept } = await publishOnce();
    const newest = kept.releases[0]!;
    expect(kept.releases).toHaveLength(2);
    expect(newest).toMatchObject({ release: release.id, baseline: false });
    expect(newest.events.map((e) => [e.kind, e.code])).toEqual([
      ['revoked', revoke!.registryCode],
      ['withdrawn', unpublish!.registryCode],
      ['changed', rescore!.registryCode],
    ]);
    expect(newest.events[2]!.fields).toEqual([{ field: 'score', from: rescore!.score, to: 99.5 }]);

    // The feed and /data/changes.json read the log the pipeline handed to the build.
    process.env['REGISTRY_CHANGES_FILE'] = join(dir, release.id, CHANGE_LOG_FILE);
    try {
      const xml = await (await certificationFeed('en', new URL('https://registry.example.vn'), false)).text();
      expect(xml.match(/<entry>/g)).toHaveLength(2 + 3);
      expect(xml).toContain(`<id>tag:registry.example.vn,2026:en/release/${release.id}/${revoke!.registryCode}/revoked</id>`);
      expect(xml).toContain('Revoked: ');
      const json = (await (await changeLogFile(false)).json()) as { releases: unknown[]; state?: unknown };
      expect(json.releases).toHaveLength(2);
      expect(json.state).toBeUndefined();
    } finally {
      delete process.env['REGISTRY_CHANGES_FILE'];
    }
  });

  it('starts a baseline again when the release being served has no log', async () => {
    const first = await publishOnce();
    rmSync(join(dir, first.release.id, CHANGE_LOG_FILE));
    const { kept } = await publishOnce();
    expect(kept.releases).toHaveLength(1);
    expect(kept.releases[0]!.baseline).toBe(true);
  });
});
