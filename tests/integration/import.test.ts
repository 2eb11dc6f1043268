import { readFileSync } from 'node:fs';
import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProductBySlug } from '#db/queries/product-records.ts';
import { certifications, establishments, products } from '#db/schema/index.ts';
import { readSeedCsv } from '#db/reference.ts';
import { seedDatabase } from '#server/seed.ts';
import { formatIssue } from '#domain/import/columns.ts';
import { importCsv } from '#server/importer.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const seedCsv = readFileSync(`${ROOT}db/seed/certified-products.csv`);
/** One certification per data row of the seed list (derived, so the test follows the seed as it grows). */
const seedRows = readSeedCsv('certified-products.csv').length;
/** What the dry run said it would create: the real import must create exactly that. */
let planned: { products: number; establishments: number; certifications: number };
const actor = { label: 'test' };
let database: TestDatabase;

async function tableCounts() {
  const n = async (table: typeof products | typeof establishments | typeof certifications) =>
    (await database.db.select({ n: count() }).from(table))[0]!.n;
  return { products: await n(products), establishments: await n(establishments), certifications: await n(certifications) };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.dispose());

describe('importing the real seed list', () => {
  it('a dry run reports what it would create and writes nothing', async () => {
    const outcome = await importCsv(database, seedCsv, { actor, dryRun: true });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.summary.created.certifications).toBe(seedRows);
    planned = outcome.summary.created;
    expect(await tableCounts()).toEqual({ products: 0, establishments: 0, certifications: 0 });
  });

  it('creates one certification per row and joins rows of the same product', async () => {
    const outcome = await importCsv(database, seedCsv, { actor });
    expect(outcome.ok).toBe(true);
    const counts = await tableCounts();
    expect(counts).toEqual({ products: planned.products, establishments: planned.establishments, certifications: seedRows });
    // Trà Ô Long (among others) was certified in 2019 and again in 2021: fewer products than certifications.
    expect(counts.products).toBeLessThan(counts.certifications);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await tableCounts();
    const outcome = await importCsv(database, seedCsv, { actor });
    expect(outcome.ok && outcome.summary).toMatchObject({
      unchanged: seedRows,
      updatedCertifications: 0,
      created: { certifications: 0, products: 0, establishments: 0 },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('keeps the province as certified and knows the current one', async () => {
    const product = await getProductBySlug(database.db, 'lychee-in-syrup');
    expect(product?.certifications[0]).toMatchObject({
      provinceName: 'Bắc Giang',
      currentProvinceName: 'Bắc Ninh',
      level: 'provincial',
      roundYear: 2021,
    });
  });

  it('records a product certified twice as one product with two certifications', async () => {
    const product = await getProductBySlug(database.db, 'tra-o-long');
    expect(product?.certifications.map((c) => `${c.level} ${c.roundYear}`).sort()).toEqual(['national 2021', 'provincial 2019']);
    expect(product?.certifications.find((c) => c.level === 'national')?.issuerName).toBe('Bộ Công Thương');
  });

  it('reads a product set and its items from the name', async () => {
    const [set] = await database.db.select().from(products).where(like(products.name, 'Bộ sản phẩm bản lề cửa%'));
    const product = set ? await getProductBySlug(database.db, set.slug) : null;
    expect(product?.product.kind).toBe('set');
    expect(product?.setItems).toEqual(['Bản lề Âm dương 100×2.4-201', 'Bản lề cối cửa thép C127']);
  });

  it('seeding again after the list is in changes nothing', async () => {
    const before = await tableCounts();
    const result = await seedDatabase(database);
    expect(result.products.ok && result.products.summary.unchanged).toBe(seedRows);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('importing a list with mistakes', () => {
  const bad = [
    'product_name,producer,province,product_group,level,year,decision_no,score,source_url',
    'Chè xanh,HTX A,Thái Nguyên,,national,2023,,,',
    'Nón lá,HTX B,Huế,,quốc tế,2023,,,',
    ',HTX C,Thái Nguyên,,provincial,2023,,,',
    'Gốm,HTX D,Bắc Giangg,,provincial,2021,,,',
  ].join('\n');

  it('reports every problem as "line N, column C" and writes nothing', async () => {
    const before = await tableCounts();
    const outcome = await importCsv(database, new TextEncoder().encode(bad), { actor });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const messages = outcome.errors.map(formatIssue);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/^line 3, column level: unknown level "quốc tế"/);
    expect(messages[1]).toMatch(/^line 4, column product_name: /);
    expect(messages[2]).toMatch(/^line 5, column province: unknown province "Bắc Giangg"; closest: Bắc Giang/);
    expect(await tableCounts()).toEqual(before);
  });
});
