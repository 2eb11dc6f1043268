import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDemoExhibitors } from '#db/demo.ts';
import { countFairExhibitors, getFairBySlug, listFairExhibitors, listFairsOfEstablishment } from '#db/queries/fairs.ts';
import { fairExhibitors, fairs, products, provinces, establishments } from '#db/schema/index.ts';
import { seedDatabase } from '#server/seed.ts';
import { compareBoothCodes, normalizeBoothCode } from '#domain/fairs.ts';
import { addFactoryExhibitors, FACTORY_FAIR_SLUG } from '../support/fair-factory.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database);
});
afterAll(async () => database.dispose());

describe('the demo exhibitors (npm run db:seed -- --demo)', () => {
  it('places real establishments with their own products, all marked as sample, and a second run adds nothing', async () => {
    const { db } = database;
    const added = await db.transaction((tx) => addDemoExhibitors(tx));
    expect(added).toBeGreaterThan(40);
    expect(await db.transaction((tx) => addDemoExhibitors(tx))).toBe(0);

    const rows = await db.select().from(fairExhibitors);
    expect(rows).toHaveLength(added);
    expect(rows.every((r) => r.isSample)).toBe(true);
    for (const r of rows) expect(normalizeBoothCode(r.boothCode!)).toBe(r.boothCode);

    const north = (await getFairBySlug(db, FACTORY_FAIR_SLUG))!;
    const exhibitors = await listFairExhibitors(db, north.id);
    expect(exhibitors.length).toBeGreaterThan(0);
    for (const x of exhibitors) {
      const [place] = await db
        .select({ region: provinces.regionCode })
        .from(establishments)
        .innerJoin(provinces, eq(establishments.provinceId, provinces.id))
        .where(eq(establishments.slug, x.producerSlug));
      expect(place?.region).toBe('north');
      const own = await db
        .select({ slug: products.slug })
        .from(products)
        .innerJoin(establishments, eq(products.establishmentId, establishments.id))
        .where(eq(establishments.slug, x.producerSlug));
      expect(x.productSlugs.sort()).toEqual(own.map((p) => p.slug).sort());
      expect(x.plan).not.toBeNull();
    }
    expect(north.planWidth).toBeGreaterThan(0);

    const counts = await countFairExhibitors(db);
    expect(counts.get(north.id)).toEqual({ exhibitors: exhibitors.length, samples: exhibitors.length });
    const [first] = await db
      .select({ id: establishments.id, slug: establishments.slug })
      .from(establishments)
      .where(eq(establishments.slug, exhibitors[0]!.producerSlug));
    const attended = await listFairsOfEstablishment(db, first!.id);
    expect(attended.map((f) => f.slug)).toContain(FACTORY_FAIR_SLUG);
    expect(attended.every((f) => f.isSample)).toBe(true);
  });

  it('leaves fairs it does not pick without exhibitors', async () => {
    const { db } = database;
    const counts = await countFairExhibitors(db);
    const all = await db.select({ id: fairs.id, slug: fairs.slug }).from(fairs);
    const without = all.filter((f) => !counts.has(f.id)).map((f) => f.slug);
    expect(without).toContain('trien-lam-hoi-cho-hang-cong-nghiep-nong-thon-tieu-bieu-nam-2019');
  });
});

describe('the test factory', () => {
  it('adds the asked number of exhibitors through the real importer, with groups and natural booth codes', async () => {
    const scratch = await createTestDatabase();
    try {
      await seedDatabase(scratch);
      const { names } = await addFactoryExhibitors(scratch, 120);
      expect(names).toHaveLength(120);
      const fair = (await getFairBySlug(scratch.db, FACTORY_FAIR_SLUG))!;
      const exhibitors = await listFairExhibitors(scratch.db, fair.id);
      expect(exhibitors).toHaveLength(120);
      expect(new Set(exhibitors.map((x) => x.hall))).toEqual(new Set(['A', 'B', 'C', 'D']));
      const booths = exhibitors.map((x) => x.booth);
      expect(new Set(booths).size).toBe(120);
      expect([...booths].sort(compareBoothCodes).slice(0, 3)).toEqual(['A1', 'A2', 'A3']);
      expect(exhibitors.every((x) => x.productSlugs.length > 0)).toBe(true);
    } finally {
      await scratch.dispose();
    }
  });
});
