/**
 * A releases folder outside the project (#17.4): REGISTRY_RELEASES_DIR=/elsewhere used to fail the build with
 * "Cannot find package '@oslojs/encoding'", the release's server code resolving packages from where it lies.
 * One real Astro build into a folder under os.tmpdir() (the only test that runs the real build: it takes a
 * minute, so it runs once, against the embedded database), then the site server serves its pages and its admin.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, mkdirSync, lstatSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '#server/importer.ts';
import { publish } from '#server/publish.ts';
import { isInside, linkModules } from '#server/release-modules.ts';
import { currentReleaseId } from '#server/releases.ts';
import { startSiteServer } from '#server/site-server.ts';
import { ROOT, TMP } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const outside = mkdtempSync(join(tmpdir(), 'registry-releases-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('linkModules', () => {
  it('links a folder outside the project to its node_modules, and leaves one inside alone', () => {
    const elsewhere = join(outside, 'unit');
    expect(linkModules(elsewhere, ROOT)).toBe('linked');
    expect(readlinkSync(join(elsewhere, 'node_modules'))).toBe(join(realpathSync(ROOT), 'node_modules'));
    // Again: nothing to do; the link stays.
    expect(linkModules(elsewhere, ROOT)).toBe('linked');
    const inside = mkdtempSync(join(TMP, 'releases-inside-'));
    expect(linkModules(inside, ROOT)).toBe('inside');
    expect(() => lstatSync(join(inside, 'node_modules'))).toThrow();
    rmSync(inside, { recursive: true });
  });

  it('repairs a link left pointing at an old place of the project, and keeps a real folder', () => {
    const moved = join(outside, 'moved');
    mkdirSync(moved);
    symlinkSync('/nowhere/node_modules', join(moved, 'node_modules'));
    expect(linkModules(moved, ROOT)).toBe('linked');
    expect(readlinkSync(join(moved, 'node_modules'))).toBe(join(realpathSync(ROOT), 'node_modules'));
    const own = join(outside, 'own');
    mkdirSync(join(own, 'node_modules'), { recursive: true });
    expect(linkModules(own, ROOT)).toBe('kept');
    expect(lstatSync(join(own, 'node_modules')).isDirectory()).toBe(true);
  });

  it('tells inside from outside by whole path segments', () => {
    expect(isInside(ROOT, ROOT)).toBe(true);
    expect(isInside(TMP, ROOT)).toBe(true);
    expect(isInside(outside, ROOT)).toBe(false);
  });
});

describe.skipIf(process.env['TEST_DATABASE'] === 'sqld')('publishing into a releases folder outside the project', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const outcome = await importCsv(database, readFileSync(join(ROOT, 'db/seed/certified-products.csv')), { actor: { label: 'seed' } });
    if (!outcome.ok) throw new Error('seed did not import');
  });
  afterAll(async () => database.dispose());

  it('builds with the real Astro build, validates, and serves its pages and its admin', { timeout: 900_000 }, async () => {
    const dir = join(outside, 'releases');
    const lines: string[] = [];
    const result = await publish(database, {
      releasesDir: dir,
      actor: { label: 'test', name: 'test' },
      env: { ...process.env, REGISTRY_ROOT: ROOT, UPLOADS_DIR: join(outside, 'uploads') },
      onBuildLine: (line) => lines.push(line),
    });
    expect(result.ok, result.ok ? '' : `${result.reason === 'failed' ? result.message : ''}\n${lines.slice(-40).join('\n')}`).toBe(true);
    expect(currentReleaseId(dir)).not.toBeNull();

    // The admin's handler is imported from the release at run time: its packages resolve through the link too.
    process.env['DATABASE_URL'] = database.url;
    process.env['REGISTRY_ROOT'] = ROOT;
    process.env['REGISTRY_RELEASES_DIR'] = dir;
    const site = await startSiteServer({ releasesDir: dir, host: '127.0.0.1', port: 0, log: () => {} });
    try {
      const home = await fetch(site.url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<html');
      const login = await fetch(new URL('/admin/login/', site.url));
      expect(login.status).toBe(200);
      expect(await login.text()).toMatch(/<form/);
    } finally {
      await site.close();
    }
  });
});
