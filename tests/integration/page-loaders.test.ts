/**
 * #21.1: views render, loaders read. The loaders the public record routes call read what the dependency
 * record of an incremental publish fingerprints (decision 032), list the pages to build, and say so when a
 * record listed for the build is gone; the staff record page's loader lists what hangs off a record.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDemoExhibitors } from '#db/demo.ts';
import { getDatabase } from '#db/client.ts';
import { getCertificationByCode, getProductBySlug, listProductSlugs, listRegistryCodes } from '#db/queries/product-records.ts';
import { listProducers } from '#db/queries/producers.ts';
import { certifications, fairExhibitors, products } from '#db/schema/index.ts';
import { todayIso } from '#domain/validity.ts';
import { exhibitorsCsvResponse, offlinePackResponse } from '#server/fair-endpoints.ts';
import { fairPaths, getFairPage } from '#server/fair-data.ts';
import { getProducerPage, listProducerSummaries, producerPaths } from '#server/producer-data.ts';
import { getProductPage, productPaths } from '#server/product-data.ts';
import { getRecordExtras } from '#server/record-extras-data.ts';
import { recordFingerprints } from '#server/render-record.ts';
import { seedDatabase } from '#server/seed.ts';
import { getVerdictPage, verdictPaths } from '#server/verdict-data.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
const SITE = new URL('https://example.test/');
const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database);
  await database.db.transaction((tx) => addDemoExhibitors(tx));
  process.env['DATABASE_URL'] = database.url;
});
afterAll(async () => {
  if (process.env['DATABASE_URL'] === database.url) (await getDatabase()).close();
  await database.dispose();
});

describe('productPaths and getProductPage', () => {
  it('lists a page for every published product', async () => {
    expect((await productPaths()).map((p) => p.params.slug)).toEqual(await listProductSlugs(database.db));
  });

  it('reads exactly what the dependency record fingerprints for a product page', async () => {
    const today = todayIso();
    const record = await recordFingerprints(database.db, today);
    const slugs = await listProductSlugs(database.db);
    for (const slug of [slugs[0]!, slugs[Math.floor(slugs.length / 2)]!, slugs.at(-1)!]) {
      const { fairs, photos, ...data } = await getProductPage(false, slug);
      expect(fingerprint([today, data, fairs, photos])).toBe(record[`products/${slug}`]);
    }
  });

  it('includes the fairs that showed the product', async () => {
    const [shown] = await database.db
      .select({ slug: products.slug })
      .from(fairExhibitors)
      .innerJoin(products, eq(products.establishmentId, fairExhibitors.establishmentId))
      .where(eq(products.status, 'published'))
      .limit(1);
    expect(shown).toBeDefined();
    const page = await getProductPage(false, shown!.slug);
    expect(page.product.slug).toBe(shown!.slug);
    expect(page.fairs.length).toBeGreaterThan(0);
  });

  it('says a product listed for the build has vanished when it is gone', async () => {
    await expect(getProductPage(false, 'khong-co-san-pham-nay')).rejects.toThrow('product khong-co-san-pham-nay vanished during the build');
  });
});

describe('verdictPaths and getVerdictPage', () => {
  it('lists a page for every published registry code', async () => {
    expect((await verdictPaths()).map((p) => p.params.code)).toEqual(await listRegistryCodes(database.db));
  });

  it('gives the certification and the producer of its product', async () => {
    const [code] = await listRegistryCodes(database.db);
    const page = await getVerdictPage(false, code!);
    const certification = (await getCertificationByCode(database.db, code!))!;
    expect(page.certification).toEqual(certification);
    expect(page.establishment).toEqual((await getProductBySlug(database.db, certification.productSlug))!.establishment);
  });

  it('says a registry code listed for the build has vanished when it is gone', async () => {
    const [row] = await database.db.select({ code: certifications.registryCode }).from(certifications).limit(1);
    await expect(getVerdictPage(false, `${row!.code}X`)).rejects.toThrow('vanished during the build');
  });
});

describe('producerPaths and getProducerPage', () => {
  it('lists a page for every establishment the producer list shows', async () => {
    const summaries = await listProducerSummaries();
    expect(summaries).toEqual(await listProducers(database.db));
    expect((await producerPaths()).map((p) => p.params.slug)).toEqual(summaries.map((p) => p.slug));
  });

  it('gives the producer’s published products as catalogue cards, each once, in catalogue order', async () => {
    const [summary] = (await listProducerSummaries()).sort((a, b) => b.productCount - a.productCount);
    const page = await getProducerPage(false, summary!.slug, 'vi');
    expect(page.producer.slug).toBe(summary!.slug);
    expect(page.products.map((p) => p.slug).sort()).toEqual([...new Set(page.producer.productSlugs)].sort());
    expect(page.products).toHaveLength(summary!.productCount);
  });

  it('says a producer listed for the build has vanished when it is gone', async () => {
    await expect(getProducerPage(false, 'khong-co-co-so-nay', 'en')).rejects.toThrow(
      'producer khong-co-co-so-nay vanished during the build',
    );
  });
});

describe('fairPaths, getFairPage and the fair files', () => {
  it('gives each listed fair’s directory, and refuses a slug no fair has', async () => {
    const paths = await fairPaths();
    expect(paths.length).toBeGreaterThan(0);
    const directory = await getFairPage(paths[0]!.params.slug, 'en');
    expect(directory.fair.slug).toBe(paths[0]!.params.slug);
    await expect(getFairPage('khong-co-hoi-cho', 'vi')).rejects.toThrow('fair khong-co-hoi-cho vanished during the build');
  });

  it('answers the exhibitor CSV and the offline pack of a fair, and 404 for a slug no fair has', async () => {
    const slug = (await fairPaths())[0]!.params.slug;
    const csv = await exhibitorsCsvResponse(slug, 'vi', SITE);
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const pack = (await (await offlinePackResponse(slug, 'en')).json()) as unknown;
    expect(JSON.stringify(pack)).toContain(`/en/fairs/${slug}/`);
    expect((await exhibitorsCsvResponse('khong-co-hoi-cho', 'vi', SITE)).status).toBe(404);
    expect((await offlinePackResponse('khong-co-hoi-cho', 'en')).status).toBe(404);
  });
});

describe('getRecordExtras', () => {
  it('lists a product’s certifications and its owner', async () => {
    const [cert] = await database.db.select({ productId: certifications.productId }).from(certifications).limit(1);
    const extras = await getRecordExtras(database.db, 'products', cert!.productId, {});
    expect(extras?.section).toBe('products');
    if (extras?.section !== 'products') return;
    expect(extras.certifications.length).toBeGreaterThan(0);
    expect(extras.owner?.productId).toBe(cert!.productId);
  });

  it('links a certification to its product through the record shown, and an exhibitor to its fair and producer', async () => {
    const [cert] = await database.db.select().from(certifications).limit(1);
    const certExtras = await getRecordExtras(database.db, 'certifications', cert!.id, { productId: cert!.productId });
    expect(certExtras).toMatchObject({ section: 'certifications', owner: { productId: cert!.productId } });
    const exhibitorExtras = await getRecordExtras(database.db, 'exhibitors', 7, { fairId: 3, establishmentId: 12 });
    expect(exhibitorExtras).toEqual({ section: 'exhibitors', fairId: '3', establishmentId: '12' });
  });

  it('lists nothing beside a decision (its page has its own panel)', async () => {
    expect(await getRecordExtras(database.db, 'decisions', 1, {})).toBeNull();
  });
});
