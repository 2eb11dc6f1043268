/**
 * Incremental releases (#19.1, #19.2, #19.4): random sequences of edits to the real seed, each followed by an
 * incremental publish through the real Astro build, and a full build of the very same snapshot, release id and
 * date beside it: the two client folders must hold the same files with the same bytes. Then the releases share
 * their unchanged files, and a kept release stays complete when a newer one is deleted.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '#domain/csv-write.ts';
import { seedDatabase } from '#server/seed.ts';
import { buildSite } from '#server/build.ts';
import { CHANGE_LOG_FILE } from '#server/release-change-log.ts';
import { ingestImage } from '#server/images.ts';
import { importCsv } from '#server/importer.ts';
import { publish } from '#server/publish.ts';
import { listFiles } from '#server/release-assembly.ts';
import type { RenderPlan } from '#domain/render-plan.ts';
import { TMP } from '../support/paths.ts';
import { random } from '../support/synthetic.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Rounds of edits, each published incrementally on top of the last; the last release is then checked against a
 * full build. A page left stale by any round stays stale unless a later edit happens to touch it again, so the
 * one comparison catches what a comparison per round would, at four Astro builds instead of six.
 */
const ROUNDS = Number(process.env['INCREMENTAL_ROUNDS'] ?? 2);
const EDITS_PER_ROUND = 5;

let database: TestDatabase;
let dir: string;
let work: string;

const ids = async (sql: string) => (await database.client.execute(sql)).rows.map((r) => Number(r[0]));

type Edit = (pick: <T>(list: T[]) => T, n: number) => Promise<string>;

/** The edits staff make, straight on the tables the admin writes (the fingerprints read tables, not the audit log). */
const EDITS: Record<string, Edit> = {
  rename: async (pick) => {
    const id = pick(await ids("SELECT id FROM products WHERE status = 'published'"));
    await database.client.execute({
      sql: "UPDATE products SET name = name || ' Đặc biệt', version = version + 1 WHERE id = ?",
      args: [id],
    });
    return `rename product ${id}`;
  },
  newCertification: async (_pick, n) => {
    const csv = writeCsv([
      ['product_name', 'producer', 'province', 'level', 'year'],
      [`Nước mắm Phú Quốc thử ${n}`, `Cơ sở thử ${n}`, 'An Giang', 'provincial', '2025'],
    ]);
    const outcome = await importCsv(database, Buffer.from(csv), { actor: { label: 'test' } });
    if (!outcome.ok) throw new Error('test row does not import');
    return `new certification ${n}`;
  },
  revoke: async (pick) => {
    const id = pick(await ids('SELECT id FROM certifications WHERE revoked_at IS NULL'));
    await database.client.execute({
      sql: "UPDATE certifications SET revoked_at = '2025-06-01', revoked_reason = 'Thu hồi' WHERE id = ?",
      args: [id],
    });
    return `revoke certification ${id}`;
  },
  moveProvince: async (pick) => {
    const id = pick(await ids('SELECT id FROM establishments'));
    const province = pick(await ids('SELECT id FROM provinces'));
    await database.client.execute({ sql: 'UPDATE establishments SET province_id = ? WHERE id = ?', args: [province, id] });
    return `move establishment ${id} to province ${province}`;
  },
  photo: async (pick, n) => {
    const id = pick(await ids("SELECT id FROM products WHERE status = 'published'"));
    const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: (n * 53) % 256, g: 90, b: 30 } } })
      .jpeg()
      .toBuffer();
    const stored = await ingestImage(database, bytes);
    if (!stored.ok) throw new Error(stored.message);
    await database.client.execute({
      sql: "INSERT OR IGNORE INTO product_images (product_id, image_id, position, alt_vi, alt_en) SELECT ?, id, 9, 'Ảnh', 'Photo' FROM images WHERE content_hash = ?",
      args: [id, stored.image.contentHash],
    });
    return `photo on product ${id}`;
  },
  fair: async (pick) => {
    const fair = pick(await ids('SELECT id FROM fairs'));
    const product = pick(await ids("SELECT id FROM products WHERE status = 'published' AND establishment_id IS NOT NULL"));
    await database.client.execute({
      sql: "INSERT OR IGNORE INTO fair_exhibitors (fair_id, establishment_id, booth_code) SELECT ?, establishment_id, 'T1' FROM products WHERE id = ?",
      args: [fair, product],
    });
    await database.client.execute({
      sql: 'INSERT OR IGNORE INTO fair_exhibitor_products (exhibitor_id, product_id) SELECT e.id, p.id FROM fair_exhibitors e JOIN products p ON p.establishment_id = e.establishment_id WHERE e.fair_id = ? AND p.id = ?',
      args: [fair, product],
    });
    await database.client.execute({ sql: "UPDATE fairs SET name = name || ' (mở rộng)' WHERE id = ?", args: [fair] });
    return `fair ${fair} shows product ${product}`;
  },
  unpublish: async (pick) => {
    const id = pick(await ids("SELECT id FROM products WHERE status = 'published'"));
    await database.client.execute({ sql: "UPDATE products SET status = 'draft' WHERE id = ?", args: [id] });
    return `unpublish product ${id}`;
  },
};

beforeAll(async () => {
  work = mkdtempSync(join(TMP, 'incremental-'));
  process.env['UPLOADS_DIR'] = join(work, 'uploads');
  dir = join(work, 'releases');
  database = await createTestDatabase();
  await seedDatabase(database);
}, 120_000);
afterAll(async () => {
  await database.dispose();
  rmSync(work, { recursive: true, force: true });
});

/** Every file of a client folder with its bytes' identity, for a readable difference. */
function tree(client: string, files: string[]): Map<string, string> {
  return new Map(files.map((f) => [f, readFileSync(join(client, f)).toString('base64')]));
}

async function publishRelease(): Promise<{ plan: RenderPlan; id: string }> {
  let plan: RenderPlan | null = null;
  const result = await publish(database, {
    releasesDir: dir,
    actor: { label: 'test', name: 'test' },
    env: { ...process.env, PUBLISH_BUDGET_MB: '4096' },
    onPlan: (p) => (plan = p),
    onBuildLine: () => {},
  });
  if (!result.ok) throw new Error(result.reason === 'failed' ? result.log.join('\n') : 'busy');
  return { plan: plan!, id: result.release.id };
}

/** Builds the release's own snapshot in full (same release id, date and change log) and compares the two client folders. */
async function compareWithFullBuild(id: string): Promise<void> {
  const release = join(dir, id);
  // The full build of the same snapshot, release id, date and change log.
  const changes = JSON.parse(readFileSync(join(release, CHANGE_LOG_FILE), 'utf8')) as { releases: { release: string; date: string }[] };
  const date = changes.releases.find((r) => r.release === id)?.date;
  expect(date).toBeDefined();
  const snapshot = join(work, `snapshot-${id}.db`);
  copyFileSync(join(release, 'backup.db'), snapshot);
  const fullOut = join(work, `full-${id}`);
  await buildSite(
    fullOut,
    {
      ...process.env,
      DATABASE_URL: `file:${snapshot}`,
      REGISTRY_RELEASE_ID: id,
      REGISTRY_RELEASE_DATE: date!,
      REGISTRY_CHANGES_FILE: join(release, CHANGE_LOG_FILE),
    },
    'full',
    { onLine: () => {} },
  );
  const incrementalFiles = (await listFiles(join(release, 'client'))).filter((f) => !/\.(br|gz)$/.test(f));
  const fullFiles = await listFiles(join(fullOut, 'client'));
  expect(incrementalFiles).toEqual(fullFiles);
  const a = tree(join(release, 'client'), incrementalFiles);
  const b = tree(join(fullOut, 'client'), fullFiles);
  const differing = fullFiles.filter((f) => a.get(f) !== b.get(f));
  expect(differing).toEqual([]);
  rmSync(fullOut, { recursive: true, force: true });
}

// What is compared is rendering, not the database driver: the file database is enough (the sqld project runs
// publishing in publish.test.ts), and four real builds twice would double CI's longest test.
describe.skipIf(process.env['TEST_DATABASE'] === 'sqld')('incremental releases', () => {
  it('equal a full build of the same data, file for file, after random edits', { timeout: 900_000 }, async () => {
    const seed = Number(process.env['INCREMENTAL_SEED'] ?? Date.now() % 100_000);
    const next = random(seed);
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
    const first = await publishRelease();
    expect(first.plan.mode).toBe('full');
    const names = Object.keys(EDITS);
    const done: string[] = [];
    let last = first;
    for (let round = 1; round <= ROUNDS; round++) {
      for (let e = 0; e < EDITS_PER_ROUND; e++) done.push(await EDITS[pick(names)]!(pick, round * 10 + e));
      last = await publishRelease();
      expect(last.plan.mode === 'full' ? `full: ${last.plan.reason}` : last.plan.mode, `seed ${seed}`).toBe('incremental');
      if (last.plan.mode === 'incremental') expect(Object.values(last.plan.reused).flat().length).toBeGreaterThan(0);
    }
    await compareWithFullBuild(last.id).catch((error: unknown) => {
      throw new Error(`seed ${seed} (${done.join('; ')}): ${String(error)}`, { cause: error });
    });
  });

  it(
    'shares unchanged files as hard links, and a kept release stays complete when the newer is deleted',
    { timeout: 300_000 },
    async () => {
      const releases = (await listFiles(dir)).filter((f) => f.endsWith('/release.json')).map((f) => f.split('/')[0]!);
      expect(releases.length).toBeGreaterThanOrEqual(2);
      const [older, newer] = releases.slice(-2) as [string, string];
      const files = await listFiles(join(dir, older, 'client'));
      const shared = files.filter((f) => {
        const other = join(dir, newer, 'client', f);
        return existsSync(other) && statSync(other).ino === statSync(join(dir, older, 'client', f)).ino;
      });
      // Most of a release is the same files as the one before it.
      expect(shared.length).toBeGreaterThan(files.length / 2);
      // All kept releases together take far less than a copy each (#19.4): every inode counted once.
      const inodes = new Map<number, number>();
      let one = 0;
      for (const id of releases)
        for (const f of await listFiles(join(dir, id, 'client'))) {
          const s = statSync(join(dir, id, 'client', f));
          inodes.set(s.ino, s.size);
          if (id === newer) one += s.size;
        }
      const all = [...inodes.values()].reduce((a, b) => a + b, 0);
      console.log(`${releases.length} releases take ${(all / one).toFixed(2)}× the disk of one`);
      expect(all / one).toBeLessThan(1 + 0.5 * (releases.length - 1));
      const before = tree(join(dir, older, 'client'), files);
      rmSync(join(dir, newer), { recursive: true, force: true });
      expect(tree(join(dir, older, 'client'), await listFiles(join(dir, older, 'client')))).toEqual(before);
    },
  );
});
