/**
 * Incremental publishing (#19.1, #19.4; decision 032), part of `npm run bench -- publish`: on synthetic
 * catalogues, five publishes in a row — the first (full), after one edited product, after one new certification,
 * after 100 edited products, and after a code change — each with the pages Astro rendered, its seconds, and the
 * plan it followed; then the disk the five kept releases take (every hard-linked file counted once) against one.
 *
 * A code change is made as the publish sees one: the served release's dependency record says another code
 * built it (editing the sources under a running benchmark would change what later parts measure).
 */
import { readFileSync, rmSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '#db/client.ts';
import { writeCsv } from '#domain/csv-write.ts';
import { describePlan, isRenderedPageLine, RENDER_RECORD_FILE, type RenderPlan } from '#domain/render-plan.ts';
import { importCsv } from '#server/importer.ts';
import { publish } from '#server/publish.ts';
import { listFiles } from '#server/release-assembly.ts';
import { currentReleaseId, listReleases } from '#server/releases.ts';
import { TMP } from '../support/paths.ts';
import { syntheticDatabase } from './publish.ts';

const MiB = 1024 * 1024;

interface Scenario {
  name: string;
  /** Changes the data (or the served release) before the publish. */
  prepare: (database: Database, releasesDir: string) => Promise<void>;
}

const renameProducts = (count: number) => async (database: Database) => {
  await database.client.execute({
    sql: "UPDATE products SET name = name || ' (sửa)', version = version + 1 WHERE id IN (SELECT id FROM products WHERE status = 'published' ORDER BY id DESC LIMIT ?)",
    args: [count],
  });
};

const SCENARIOS: Scenario[] = [
  { name: 'first publish (full)', prepare: () => Promise.resolve() },
  { name: 'one edited product', prepare: renameProducts(1) },
  {
    name: 'one new certification',
    prepare: async (database) => {
      const csv = writeCsv([
        ['product_name', 'producer', 'province', 'level', 'year'],
        ['Mật ong bạc hà Hà Giang thử nghiệm', 'HTX Ong mật Đồng Văn', 'Tuyên Quang', 'provincial', '2025'],
      ]);
      const outcome = await importCsv(database, Buffer.from(csv), { actor: { label: 'bench' } });
      if (!outcome.ok) throw new Error('the new certification does not import');
    },
  },
  { name: '100 edited products', prepare: renameProducts(100) },
  {
    name: 'after a code change',
    prepare: (_database, releasesDir) => {
      const id = currentReleaseId(releasesDir);
      if (!id) return Promise.reject(new Error('no release to change'));
      const file = join(releasesDir, id, RENDER_RECORD_FILE);
      writeFileSync(file, JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as object), code: 'another code version' }));
      return Promise.resolve();
    },
  },
];

/** Bytes of the files of the given releases, each inode once (hard links shared), and of the newest alone. */
async function keptDisk(releasesDir: string): Promise<{ all: number; one: number; kept: number }> {
  const releases = listReleases(releasesDir).map((r) => r.id);
  const inodes = new Map<number, number>();
  let one = 0;
  for (const id of releases)
    for (const file of await listFiles(join(releasesDir, id))) {
      const stats = statSync(join(releasesDir, id, file));
      inodes.set(stats.ino, stats.size);
      if (id === releases[0]) one += stats.size;
    }
  return { all: [...inodes.values()].reduce((a, b) => a + b, 0), one, kept: releases.length };
}

/** Runs the scenarios at each size and prints one line per publish, then the disk of the kept releases. */
export async function benchPublishIncremental(sizes: readonly number[]): Promise<void> {
  console.log('\nincremental publishing (decision 032): pages rendered and seconds per publish, disk of the kept releases');
  console.log('products  scenario                  pages rendered  publish s  plan');
  for (const size of sizes) {
    const dir = join(TMP, `bench-incremental-${size}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    process.env['UPLOADS_DIR'] = join(dir, 'uploads');
    const { database, url } = await syntheticDatabase(dir, size);
    const releasesDir = join(dir, 'releases');
    const env = { ...process.env, DATABASE_URL: url, UPLOADS_DIR: join(dir, 'uploads'), PUBLISH_BUDGET_MB: '65536' };
    for (const scenario of SCENARIOS) {
      await scenario.prepare(database, releasesDir);
      let rendered = 0;
      let plan: RenderPlan | null = null;
      const started = performance.now();
      const result = await publish(database, {
        releasesDir,
        actor: { label: 'bench', name: 'bench' },
        env,
        onPlan: (p) => (plan = p),
        onBuildLine: (line) => {
          if (isRenderedPageLine(line)) rendered++;
        },
      });
      const seconds = (performance.now() - started) / 1000;
      if (!result.ok) throw new Error(`publish failed: ${result.reason === 'failed' ? result.log.join('\n') : 'busy'}`);
      console.log(
        `${String(size).padStart(8)}  ${scenario.name.padEnd(24)}  ${`${rendered} / ${result.release.pages}`.padStart(14)}  ${seconds.toFixed(1).padStart(9)}  ${plan ? describePlan(plan, 'en') : '—'}`,
      );
    }
    const disk = await keptDisk(releasesDir);
    console.log(
      `${String(size).padStart(8)}  ${disk.kept} kept releases: ${(disk.all / MiB).toFixed(0)} MiB on disk, one release ${(disk.one / MiB).toFixed(0)} MiB: ${(disk.all / disk.one).toFixed(2)}× one (target ≤ 1.5×)`,
    );
    database.close();
  }
}
