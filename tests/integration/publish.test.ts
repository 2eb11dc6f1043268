import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, writeTransaction } from '#db/client.ts';
import { listProductSlugs } from '#db/queries/product-records.ts';
import { listCatalogueItems } from '#db/queries/listing.ts';
import { todayIso } from '#domain/validity.ts';
import { auditLog, products } from '#db/schema/index.ts';
import { importCsv } from '#server/importer.ts';
import { publish, PUBLISH_STEPS, type BuildFunction, type PublishOptions } from '#server/publish.ts';
import { acquirePublishLock, currentReleaseId, listReleases } from '#server/releases.ts';
import { ROOT } from '../support/paths.ts';
import { fakeBuild } from '../support/fake-build.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { tempDirs } from '../support/temp-dirs.ts';

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await importCsv(database, readFileSync(join(ROOT, 'db/seed/certified-products.csv')), { actor: { label: 'seed' } });
  if (!outcome.ok) throw new Error('seed did not import');
});
afterAll(async () => database.dispose());
const dirs = tempDirs('releases-');
beforeEach(() => {
  dir = dirs.make();
});

const options = (over: Partial<PublishOptions> = {}): PublishOptions => ({
  releasesDir: dir,
  actor: { label: 'test', name: 'test' },
  build: fakeBuild(),
  ...over,
});

/** Every file of the live release with its hash: what visitors can be served. */
function liveTree(): Record<string, string> {
  const tree: Record<string, string> = {};
  const id = currentReleaseId(dir);
  if (!id) return tree;
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else tree[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(join(dir, 'current'), '');
  return tree;
}

/** A build that writes half its pages, then fails as `error` says (Astro's exit, a full disk…). */
const halfThenThrow =
  (error: Error): BuildFunction =>
  async (outDir, env, stamp) => {
    await fakeBuild()(outDir, env, stamp);
    const files = readdirSync(join(outDir, 'client'), { recursive: true }).map(String);
    for (const file of files.slice(files.length / 2)) rmSync(join(outDir, 'client', file), { recursive: true, force: true });
    throw error;
  };

const integrity = async (db: { client: TestDatabase['client'] }) => (await db.client.execute('PRAGMA integrity_check')).rows[0]![0];

describe('publish (R31, R32)', () => {
  it('backs up, builds from the backup, validates, records and switches', async () => {
    const steps: string[] = [];
    const result = await publish(database, options({ onStep: (s, state) => steps.push(`${s}:${state}`) }));
    expect(result.ok || result).toBe(true);
    if (!result.ok) return;
    expect(steps).toEqual(PUBLISH_STEPS.flatMap((s) => [`${s}:start`, `${s}:done`]));
    expect(currentReleaseId(dir)).toBe(result.release.id);
    expect(result.release.pages).toBeGreaterThan(100);
    expect(result.release.changes.total).toBeGreaterThan(0);
    // The backup kept with the release is a sound, whole copy of the database, every row of every table, also
    // when the database is a libSQL server (then copied table by table in one read transaction, decision 043).
    const backup = await openDatabase({ url: `file:${join(dir, result.release.id, 'backup.db')}` });
    expect((await backup.client.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
    expect((await backup.db.select().from(products)).length).toBe((await database.db.select().from(products)).length);
    type Db = { client: TestDatabase['client'] };
    const rows = async (db: Db, sql: string) => (await db.client.execute(sql)).rows.map((r) => Array.from(r as ArrayLike<unknown>));
    const schema = "SELECT type, name FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name";
    expect(await rows(backup, schema)).toEqual(await rows(database, schema));
    // Every row of every table; the audit log up to the publish's own row, written after the snapshot was taken.
    for (const [type, name] of await rows(database, schema)) {
      if (type !== 'table') continue;
      const all = `SELECT * FROM "${name as string}" ${name === 'audit_log' ? "WHERE action != 'publish'" : ''} ORDER BY rowid`;
      expect(JSON.stringify(await rows(backup, all)), name as string).toBe(JSON.stringify(await rows(database, all)));
    }
    backup.close();
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'publish'));
    expect(audit).toMatchObject({ entity: 'releases', actorLabel: 'test' });
    expect(readdirSync(dir).filter((n) => n.startsWith('.staging-'))).toEqual([]);
  });

  it.each(PUBLISH_STEPS)('a failure at %s leaves the live site byte-identical and no staging folder', async (step) => {
    expect((await publish(database, options())).ok).toBe(true);
    const before = liveTree();
    const id = currentReleaseId(dir);
    const result = await publish(database, options({ failAt: step }));
    expect(result).toMatchObject({ ok: false, reason: 'failed', step });
    expect(currentReleaseId(dir)).toBe(id);
    expect(liveTree()).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    // The lock was released: the next publish runs.
    expect((await publish(database, options())).ok).toBe(true);
  });

  // Twenty-two publishes, each planning, sharing and validating a release: minutes on a busy two-core machine.
  it('survives twenty injected failures of every kind with the live site byte-identical (R32)', { timeout: 420_000 }, async () => {
    expect((await publish(database, options())).ok).toBe(true);
    const before = liveTree();
    const id = currentReleaseId(dir);
    const [slug] = await listProductSlugs(database.db);
    const kinds: [string, Partial<PublishOptions>][] = [
      ...PUBLISH_STEPS.map((step): [string, Partial<PublishOptions>] => [`failure at ${step}`, { failAt: step }]),
      ['build error', { build: halfThenThrow(new Error('astro build exited with 1')) }],
      [
        'disk full while building',
        { build: halfThenThrow(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) },
      ],
      ['missing page', { build: fakeBuild({ omit: `products/${slug}/index.html` }) }],
      ['broken link', { build: fakeBuild({ brokenLink: true }) }],
      ['no search index', { build: fakeBuild({ search: 'missing' }) }],
      ['empty search index', { build: fakeBuild({ search: 'empty' }) }],
      ['over budget', { env: { ...process.env, PUBLISH_BUDGET_MB: '0.001' } }],
    ];
    for (let i = 0; i < 20; i++) {
      const [kind, over] = kinds[i % kinds.length]!;
      // Edited, so the release must render the page anew: an unchanged one is taken from the served release (decision 032).
      if (kind === 'missing page')
        await database.db
          .update(products)
          .set({ name: sql`${products.name} || ' mới'` })
          .where(eq(products.slug, slug!));
      const result = await publish(database, options(over));
      expect(result.ok, kind).toBe(false);
      expect(currentReleaseId(dir), kind).toBe(id);
      expect(liveTree(), kind).toEqual(before);
      expect(
        readdirSync(dir).filter((n) => n.startsWith('.')),
        kind,
      ).toEqual([]);
    }
    expect(await integrity(database)).toBe('ok');
    expect((await publish(database, options())).ok).toBe(true);
  });

  it('refuses a release missing a published product’s page, or with a broken internal link', async () => {
    expect((await publish(database, options())).ok).toBe(true);
    const before = liveTree();
    const [slug] = await listProductSlugs(database.db);
    // Edited, so the release must render its page anew: an unchanged page would be taken from the served release (decision 032).
    await database.db
      .update(products)
      .set({ name: sql`${products.name} || ' mới'` })
      .where(eq(products.slug, slug!));
    const missing = await publish(database, options({ build: fakeBuild({ omit: `products/${slug}/index.html` }) }));
    expect(missing).toMatchObject({ ok: false, step: 'validate' });
    expect(!missing.ok && missing.reason === 'failed' && missing.message).toContain(`products/${slug}/index.html`);
    const broken = await publish(database, options({ build: fakeBuild({ brokenLink: true }) }));
    expect(!broken.ok && broken.reason === 'failed' && broken.message).toContain('/products/khong-co/');
    expect(liveTree()).toEqual(before);
  });

  it('refuses a release without its product search index, or whose index finds nothing (#17.11)', async () => {
    expect((await publish(database, options())).ok).toBe(true);
    const before = liveTree();
    const missing = await publish(database, options({ build: fakeBuild({ search: 'missing' }) }));
    expect(missing).toMatchObject({ ok: false, step: 'validate' });
    expect(!missing.ok && missing.reason === 'failed' && missing.message).toContain(
      '/search/products/: không có chỉ mục tìm kiếm / no search index',
    );
    const empty = await publish(database, options({ build: fakeBuild({ search: 'empty' }) }));
    expect(empty).toMatchObject({ ok: false, step: 'validate' });
    // The names tried are the database's: an index of nothing cannot pass by having nothing to try.
    const [name] = (await listCatalogueItems(database.db, todayIso())).items.map((i) => i.name);
    expect(!empty.ok && empty.reason === 'failed' && empty.message).toContain(
      `“${name}” không có trong 10 kết quả đầu / not in the first 10 results`,
    );
    expect(liveTree()).toEqual(before);
  });

  it('refuses a release whose search index was built from other data than the release (#17.11)', async () => {
    // A build whose index misses one product: the index is real, but of a catalogue without it.
    const [first] = (await listCatalogueItems(database.db, todayIso())).items;
    const stale: BuildFunction = async (outDir, env, stamp) => {
      await fakeBuild()(outDir, env, stamp);
      for (const folder of ['search/products', 'en/search/products']) {
        const base = join(outDir, 'client', folder);
        for (const name of readdirSync(base).filter((f) => /^r-\d+\.json$/.test(f))) {
          const rows = JSON.parse(readFileSync(join(base, name), 'utf8')) as { name: string }[];
          writeFileSync(join(base, name), JSON.stringify(rows.map((r) => (r.name === first!.name ? { ...r, name: `${r.name} (cũ)` } : r))));
        }
      }
    };
    const result = await publish(database, options({ build: stale }));
    expect(result).toMatchObject({ ok: false, step: 'validate' });
    expect(!result.ok && result.reason === 'failed' && result.message).toContain(`“${first!.name}”`);
  });

  it('refuses a release over the size budget', async () => {
    const result = await publish(database, options({ env: { ...process.env, PUBLISH_BUDGET_MB: '0.001' } }));
    expect(result).toMatchObject({ ok: false, step: 'validate' });
    expect(currentReleaseId(dir)).toBeNull();
  });

  it('lets one publish run at a time: the second is told who is publishing', async () => {
    const [first, second] = await Promise.all([
      publish(database, options({ actor: { label: 'a', name: 'admin A' } })),
      publish(database, options({ actor: { label: 'b', name: 'admin B' } })),
    ]);
    const busy = [first, second].filter((r) => !r.ok && r.reason === 'busy');
    expect(busy).toHaveLength(1);
    expect(busy[0]).toMatchObject({ holder: { who: expect.stringMatching(/admin [AB]/) as unknown } });
    expect([first, second].filter((r) => r.ok)).toHaveLength(1);
  });

  it('takes over the lock and sweeps the staging folder of a publish that was killed', async () => {
    writeFileSync(join(dir, '.publish.lock'), JSON.stringify({ who: 'killed', since: '2026-01-01T00:00:00Z', pid: 2 ** 22 + 7 }));
    mkdirSync(join(dir, '.staging-20260101T000000000Z-dead', 'client'), { recursive: true });
    writeFileSync(join(dir, '.backup-20260101T000000000Z-dead.db.tmp'), 'half a backup');
    const result = await publish(database, options());
    expect(result.ok).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    const held = acquirePublishLock(dir, 'me');
    expect(held.ok).toBe(true);
    if (held.ok) held.lock.release();
  });

  it('keeps the five newest releases, and lists what changed since the one before', async () => {
    for (let i = 0; i < 7; i++) expect((await publish(database, options())).ok).toBe(true);
    const kept = listReleases(dir);
    expect(kept).toHaveLength(5);
    expect(kept[0]!.id).toBe(currentReleaseId(dir));
    expect(kept[0]!.changes.total).toBe(0);

    const [product] = await database.db.select().from(products).limit(1);
    await writeTransaction(database, async (tx) => {
      await tx.update(products).set({ descriptionVi: 'Mô tả mới' }).where(eq(products.id, product!.id));
      await tx.insert(auditLog).values({ actorLabel: 'test', action: 'update', entity: 'products', entityId: product!.id });
    });
    const next = await publish(database, options());
    expect(next.ok && next.release.changes).toMatchObject({ total: 1, byEntity: { products: 1 } });
  });
});

afterAll(() => dirs.removeAll());
