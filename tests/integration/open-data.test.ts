import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectCertifications } from '#db/queries/product-records.ts';
import { seedDatabase } from '#server/seed.ts';
import {
  certifications,
  establishments,
  fairExhibitorProducts,
  fairExhibitors,
  fairs,
  images,
  productImages,
  products,
  provinces,
} from '#db/schema/index.ts';
import { parseCsv } from '#domain/import/csv.ts';
import { IMPORT_COLUMNS } from '#domain/import/columns.ts';
import { DATASET_NAMES, DATASETS, OPEN_DATA_FILES, type DatasetName } from '#domain/open-data/catalog.ts';
import { csvColumns, readDatasetCsv } from '#domain/open-data/csv.ts';
import { sha256Hex } from '#domain/open-data/documents.ts';
import type { Manifest, ProductDocument } from '#domain/open-data/schemas.ts';
import { buildOpenData, type OpenData } from '#server/open-data.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const site = new URL('https://spcnnt.example.vn');
const release = { id: '20260516T030000000Z-ab12', date: '2026-05-16T03:00:00.000Z' };
const actorless = { status: 'draft' as const };

interface DatasetFile {
  dataset: string;
  release: typeof release;
  schema: string;
  count: number;
  records: Record<string, unknown>[];
}

let database: TestDatabase;
let data: OpenData;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

const text = (name: string) => new TextDecoder().decode(data.files.get(name)!.bytes);
const json = <T>(name: string) => JSON.parse(text(name)) as T;
const validator = (schemaFile: string) => {
  const schema = json<{ $id: string }>(schemaFile);
  return ajv.getSchema(schema.$id) ?? ajv.compile(schema);
};
const sqlCount = async (sql: string) => Number((await database.client.execute(sql)).rows[0]![0]);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database);
  const { db } = database;
  const [tra] = await db.select().from(products).where(eq(products.slug, 'tra-o-long'));
  const [province] = await db.select().from(provinces).where(eq(provinces.slug, 'thai-nguyen'));
  const [fair] = await db.select().from(fairs).limit(1);
  const [other] = await db.select().from(establishments).where(eq(establishments.status, 'published')).limit(1);

  // Drafts that must not appear anywhere: a product (with a published certification), an establishment, a fair.
  const [draftProduct] = await db
    .insert(products)
    .values({ slug: 'san-pham-nhap', name: 'Sản phẩm nháp', nameKey: 'sanphamnhap', ...actorless })
    .returning();
  await db.insert(certifications).values({
    productId: draftProduct!.id,
    level: 'provincial',
    roundYear: 2024,
    registryCode: 'T24DRAFT00',
    provinceId: province!.id,
    status: 'published',
  });
  await db.insert(certifications).values({
    productId: tra!.id,
    level: 'provincial',
    roundYear: 2025,
    registryCode: 'T25DRAFT00',
    provinceId: province!.id,
    ...actorless,
  });
  const [draftEstablishment] = await db
    .insert(establishments)
    .values({ slug: 'co-so-nhap', name: 'Cơ sở nháp', nameKey: 'cosonhap', legalForm: 'household', ...actorless })
    .returning();
  await db.insert(fairs).values({ slug: 'hoi-cho-nhap', name: 'Hội chợ nháp', ...actorless });

  // A revoked certification.
  const [revoked] = await db.select().from(certifications).where(eq(certifications.productId, tra!.id)).limit(1);
  await db.update(certifications).set({ revokedAt: '2025-03-01', revokedReason: 'Thử nghiệm' }).where(eq(certifications.id, revoked!.id));

  // A real exhibitor (showing Trà Ô Long and the draft product), a sample one and one of a draft establishment.
  const [exhibitor] = await db
    .insert(fairExhibitors)
    .values({ fairId: fair!.id, establishmentId: tra!.establishmentId!, boothCode: 'A12', hall: 'A' })
    .returning();
  await db.insert(fairExhibitorProducts).values([
    { exhibitorId: exhibitor!.id, productId: tra!.id },
    { exhibitorId: exhibitor!.id, productId: draftProduct!.id },
  ]);
  const otherId = other!.id === tra!.establishmentId ? (await db.select().from(establishments).limit(2))[1]!.id : other!.id;
  await db.insert(fairExhibitors).values({ fairId: fair!.id, establishmentId: otherId, boothCode: 'B1', isSample: true });
  await db.insert(fairExhibitors).values({ fairId: fair!.id, establishmentId: draftEstablishment!.id, boothCode: 'B2' });

  // A photo of Trà Ô Long (the row is enough: the document lists its addresses).
  const [image] = await db
    .insert(images)
    .values({ contentHash: 'c'.repeat(64), mime: 'image/jpeg', width: 1200, height: 800, bytes: 123_456 })
    .returning();
  await db
    .insert(productImages)
    .values({ productId: tra!.id, imageId: image!.id, position: 0, altVi: 'Búp trà Ô Long', altEn: 'Oolong tea buds' });

  data = await buildOpenData(db, { site, release });
});
afterAll(async () => database.dispose());

describe('the open data of the seeded registry', () => {
  it.each(DATASET_NAMES)('%s.json parses and validates against %s.schema.json', (name) => {
    const file = json<DatasetFile>(`${name}.json`);
    const validate = validator(`${name}.schema.json`);
    expect(validate(file), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(file.dataset).toBe(name);
    expect(file.release).toEqual(release);
    expect(file.schema).toBe(`https://spcnnt.example.vn/data/${name}.schema.json`);
    expect(file.count).toBe(file.records.length);
  });

  it('counts exactly the published records, as SQL counts them', async () => {
    const expected: Record<DatasetName, number> = {
      establishments: await sqlCount(`SELECT count(*) FROM establishments WHERE status = 'published'`),
      products: await sqlCount(`SELECT count(*) FROM products WHERE status = 'published'`),
      certifications: await sqlCount(
        `SELECT count(*) FROM certifications c JOIN products p ON p.id = c.product_id WHERE c.status = 'published' AND p.status = 'published'`,
      ),
      decisions: await sqlCount(`SELECT count(*) FROM decisions WHERE status = 'published'`),
      fairs: await sqlCount(`SELECT count(*) FROM fairs WHERE status = 'published'`),
      exhibitors: await sqlCount(
        `SELECT count(*) FROM fair_exhibitors x JOIN fairs f ON f.id = x.fair_id JOIN establishments e ON e.id = x.establishment_id
         WHERE x.status = 'published' AND x.is_sample = 0 AND f.status = 'published' AND e.status = 'published'`,
      ),
    };
    expect(expected.products).toBeGreaterThan(50);
    expect(expected.exhibitors).toBe(1);
    for (const name of DATASET_NAMES) expect(json<DatasetFile>(`${name}.json`).count, name).toBe(expected[name]);
    expect(data.counts).toEqual(expected);
  });

  it('holds as many certifications as the catalogue shows', async () => {
    expect(json<DatasetFile>('certifications.json').count).toBe((await selectCertifications(database.db, undefined)).length);
  });

  it('leaves drafts and demonstration rows out', () => {
    const all = DATASET_NAMES.map((name) => text(`${name}.json`)).join('\n');
    for (const draft of ['san-pham-nhap', 'T24DRAFT00', 'T25DRAFT00', 'co-so-nhap', 'hoi-cho-nhap', '"B1"', '"B2"'])
      expect(all).not.toContain(draft);
  });

  it('shows the facts a user checks: a revoked certification, an old province under its new one, the exhibitor’s published products', () => {
    const certs = json<DatasetFile>('certifications.json').records;
    expect(certs.filter((c) => c['product_slug'] === 'tra-o-long').map((c) => c['status'])).toContain('revoked');
    const bacGiang = certs.find((c) => c['province_certified_slug'] === 'bac-giang');
    expect(bacGiang).toMatchObject({
      province_certified_era: 'pre2025',
      province_current_slug: 'bac-ninh',
      province_current_name: 'Bắc Ninh',
    });
    expect(certs.some((c) => c['level'] === 'regional' && c['region'] !== null)).toBe(true);
    const [exhibitor] = json<DatasetFile>('exhibitors.json').records;
    expect(exhibitor).toMatchObject({ booth_code: 'A12', hall: 'A', product_slugs: ['tra-o-long'] });
    const fair = json<DatasetFile>('fairs.json').records.find((f) => f['slug'] === exhibitor!['fair_slug']);
    expect(fair?.['exhibitors_listed']).toBe(1);
  });

  it.each(DATASET_NAMES)('%s.csv parses, with one row per JSON record and the JSON’s fields as header', (name) => {
    const parsed = parseCsv(text(`${name}.csv`));
    if (!parsed.ok) throw new Error(parsed.reason);
    const [header, ...rows] = parsed.records;
    const file = json<DatasetFile>(`${name}.json`);
    expect(header!.cells).toEqual(csvColumns(DATASETS[name].record).map((c) => c.name));
    if (file.records[0]) expect(header!.cells).toEqual(Object.keys(file.records[0]));
    expect(rows).toHaveLength(file.count);
    expect(readDatasetCsv(csvColumns(DATASETS[name].record), text(`${name}.csv`))).toEqual({ ok: true, records: file.records });
  });

  it('keeps the official list in the import format, one row per published certification', () => {
    const parsed = parseCsv(text('official-list.csv'));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.records[0]!.cells).toEqual(IMPORT_COLUMNS.map((c) => c.en));
    expect(parsed.records).toHaveLength(data.counts.certifications + 1);
    expect(data.files.get('official-list.xlsx')!.records).toBe(data.counts.certifications);
  });

  it('lists every other file of /data/ in the manifest, with the SHA-256, size and count of the bytes served', () => {
    const manifest = json<Manifest>('manifest.json');
    const validate = validator('manifest.schema.json');
    expect(validate(manifest), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(manifest.release).toEqual(release);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      OPEN_DATA_FILES.filter((f) => f.name !== 'manifest.json')
        .map((f) => `/data/${f.name}`)
        .sort(),
    );
    for (const entry of manifest.files) {
      const file = data.files.get(entry.path.slice('/data/'.length))!;
      expect(entry.sha256, entry.path).toBe(sha256Hex(file.bytes));
      expect(entry.bytes, entry.path).toBe(file.bytes.byteLength);
      expect(entry.records, entry.path).toBe(file.records);
    }
    expect(manifest.product_documents.count).toBe(data.documentSlugs.length);
  });

  it('lists the change feeds it is given beside the files of /data/', async () => {
    const feed = new TextEncoder().encode('<feed xmlns="http://www.w3.org/2005/Atom"/>\n');
    const withFeed = await buildOpenData(database.db, {
      site,
      release,
      companions: [{ path: '/feed.xml', dataset: 'changes', format: 'atom', bytes: feed }],
    });
    const manifest = JSON.parse(new TextDecoder().decode(withFeed.files.get('manifest.json')!.bytes)) as Manifest;
    expect(manifest.files.find((f) => f.path === '/feed.xml')).toMatchObject({
      sha256: sha256Hex(feed),
      bytes: feed.byteLength,
      format: 'atom',
    });
    // The datasets themselves are the same bytes.
    expect(withFeed.files.get('products.json')!.bytes).toEqual(data.files.get('products.json')!.bytes);
  });

  it('gives every published product a JSON document that validates and agrees with the datasets', () => {
    const validate = validator('product.schema.json');
    const productRecords = json<DatasetFile>('products.json').records;
    const certs = json<DatasetFile>('certifications.json').records;
    expect(data.documentSlugs).toEqual(productRecords.map((p) => p['slug']));
    for (const slug of data.documentSlugs) {
      const document = JSON.parse(new TextDecoder().decode(data.productDocument(slug)!)) as ProductDocument;
      expect(validate(document), `${slug}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      expect(document.product).toEqual(productRecords.find((p) => p['slug'] === slug));
      expect(document.certifications).toEqual(certs.filter((c) => c['product_slug'] === slug));
      expect(document.product.certification_count).toBe(document.certifications.length);
    }
    expect(data.productDocument('san-pham-nhap')).toBeNull();
  });

  it('puts a product’s fairs and photos in its document', () => {
    const document = JSON.parse(new TextDecoder().decode(data.productDocument('tra-o-long')!)) as ProductDocument;
    expect(document.fairs).toHaveLength(1);
    expect(document.fairs[0]).toMatchObject({ booth_code: 'A12', hall: 'A' });
    expect(document.photos).toHaveLength(1);
    expect(document.photos[0]).toMatchObject({
      url: `https://spcnnt.example.vn/media/${'c'.repeat(64)}-1024.jpg`,
      alt_en: 'Oolong tea buds',
    });
    expect(document.establishment?.slug).toBe(document.product.establishment_slug);
  });
});
