import { readFileSync } from 'node:fs';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKind, RECORD_KINDS } from '#db/queries/admin/kinds.ts';
import { filterRecords } from '#db/queries/admin/records.ts';
import { listCertificationsForExport } from '#db/queries/export.ts';
import { seedProvinceUnits } from '#db/reference.ts';
import { seedDatabase } from '#server/seed.ts';
import { certifications, establishments, productGroups, products, productSetItems, provinces } from '#db/schema/index.ts';
import type { DbOrTx } from '#db/client.ts';
import { adminListHeader } from '#domain/export/admin-list.ts';
import { officialListTable, type ListSpelling } from '#domain/export/official-list.ts';
import type { SheetFormat } from '#domain/export/sheet.ts';
import { PRODUCT_GROUPS } from '#domain/groups.ts';
import { IMPORT_COLUMNS } from '#domain/import/columns.ts';
import { ACCEPTED_LEVEL_CODES, levelLabel, parseLevel } from '#domain/levels.ts';
import { todayIso } from '#domain/validity.ts';
import { writeCsv } from '#domain/csv-write.ts';
import { adminExport, encodeSheet } from '#server/exports.ts';
import { importList, readList } from '#server/importer.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const seedCsv = readFileSync(`${ROOT}db/seed/certified-products.csv`);
const actor = { label: 'test' };

/** The registry's certifications written as an official list file. */
async function exportList(db: DbOrTx, format: SheetFormat, spelling: ListSpelling): Promise<Uint8Array> {
  return encodeSheet(officialListTable(await listCertificationsForExport(db, { publishedOnly: false }), spelling), format);
}

/** Everything an import decides about each certification, without ids and slugs, in a stable order. */
async function dump(db: DbOrTx) {
  const establishmentProvince = alias(provinces, 'establishment_province');
  const rows = await db
    .select({
      c: certifications,
      product: products.name,
      kind: products.kind,
      productId: products.id,
      group: productGroups.code,
      establishment: establishments.name,
      legalForm: establishments.legalForm,
      establishmentProvince: establishmentProvince.name,
      province: provinces.name,
      era: provinces.era,
    })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id))
    .leftJoin(productGroups, eq(products.groupId, productGroups.id))
    .leftJoin(establishments, eq(products.establishmentId, establishments.id))
    .leftJoin(establishmentProvince, eq(establishments.provinceId, establishmentProvince.id))
    .innerJoin(provinces, eq(certifications.provinceId, provinces.id));
  const items = await db.select().from(productSetItems).orderBy(asc(productSetItems.productId), asc(productSetItems.position));
  const certs = rows
    .map(({ c, productId, ...r }) => ({
      ...r,
      items: items.filter((i) => i.productId === productId).map((i) => i.name),
      level: c.level,
      region: c.regionCode,
      year: c.roundYear,
      decisionNo: c.decisionNo,
      score: c.score,
      sourceUrl: c.sourceUrl,
      productNameAsPublished: c.productNameAsPublished,
      producerNameAsPublished: c.producerNameAsPublished,
      importKey: c.importKey,
      registryCode: c.registryCode,
      validUntil: c.validUntil,
      status: c.status,
    }))
    .sort((a, b) => (a.importKey! < b.importKey! ? -1 : 1));
  return {
    certs,
    products: (await db.select({ id: products.id }).from(products)).length,
    establishments: (await db.select({ id: establishments.id }).from(establishments)).length,
  };
}

async function importOk(database: TestDatabase, bytes: Uint8Array) {
  const outcome = await importList(database, bytes, { actor });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors.slice(0, 5)));
  return outcome.summary;
}

const isUnchanged = (summary: Awaited<ReturnType<typeof importOk>>) =>
  summary.outcomes.every((o) => o.outcome === 'unchanged') &&
  summary.created.certifications + summary.created.products + summary.created.establishments + summary.updatedCertifications === 0;

const FORMATS = [
  ['csv', 'en'],
  ['xlsx', 'vi'],
  ['csv', 'vi'],
  ['xlsx', 'en'],
] as const;

describe('the real seed, exported and imported again', () => {
  let first: TestDatabase;
  beforeAll(async () => {
    first = await createTestDatabase();
    await importOk(first, seedCsv);
  });
  afterAll(async () => first.dispose());

  it.each(FORMATS)('as %s with %s headers changes nothing in the database it came from', async (format, spelling) => {
    const before = await dump(first.db);
    const summary = await importOk(first, await exportList(first.db, format, spelling));
    expect(summary.rows).toBe(before.certs.length);
    expect(summary.outcomes.filter((o) => o.outcome !== 'unchanged')).toEqual([]);
    expect(isUnchanged(summary)).toBe(true);
    expect(await dump(first.db)).toEqual(before);
  });

  it.each(FORMATS.slice(0, 2))('as %s with %s headers gives a fresh database the same certifications', async (format, spelling) => {
    const fresh = await createTestDatabase();
    try {
      await importOk(fresh, await exportList(first.db, format, spelling));
      expect(await dump(fresh.db)).toEqual(await dump(first.db));
    } finally {
      await fresh.dispose();
    }
  });
});

describe('an export after staff corrected records', () => {
  // The names written are those each certification was matched by, not the corrected ones: otherwise the
  // import would take every corrected row for a new certification. A registered certification keeps its
  // product, so no product or establishment is created either (no empty twin of a renamed product).
  it('still matches every certification, product and establishment when imported into the same database', async () => {
    const database = await createTestDatabase();
    try {
      await importOk(database, seedCsv);
      await importOk(database, new TextEncoder().encode('product_name,province,level,year\nNước mắm Nam Ô,Đà Nẵng,provincial,2023\n'));
      const [renamed] = await database.db.select().from(products).where(eq(products.name, 'Trà Ô Long'));
      await database.db
        .update(products)
        .set({ name: 'Trà Ô Long Thái Bình', nameKey: 'traolongthaibinh' })
        .where(eq(products.id, renamed!.id));
      const [orphan] = await database.db
        .select({ id: products.id })
        .from(products)
        .where(and(isNull(products.establishmentId), eq(products.name, 'Nước mắm Nam Ô')));
      const [someone] = await database.db.select({ id: establishments.id }).from(establishments).limit(1);
      await database.db.update(products).set({ establishmentId: someone!.id }).where(eq(products.id, orphan!.id));
      const before = await dump(database.db);
      for (const [format, spelling] of FORMATS) {
        const summary = await importOk(database, await exportList(database.db, format, spelling));
        expect(summary.outcomes.filter((o) => o.outcome !== 'unchanged')).toEqual([]);
        expect(summary.created).toEqual({ establishments: 0, products: 0, certifications: 0 });
        expect(summary.updatedCertifications).toBe(0);
        expect(await dump(database.db)).toEqual(before);
      }
    } finally {
      await database.dispose();
    }
  });
});

/** Words of plausible product and establishment names: marks, đ/Đ, ư/ơ with tones. */
const WORDS = [
  'Chè',
  'Đũa',
  'tre',
  'Đồng',
  'Tháp',
  'nước',
  'mắm',
  'Phú',
  'Quốc',
  'gốm',
  'Bát',
  'Tràng',
  'lụa',
  'Vạn',
  'Phúc',
  'ướp',
  'sen',
  'Hồ',
  'Tây',
  'kẹo',
  'dừa',
  'Bến',
  'Tre',
  'mây',
  'đan',
  'Đắk',
  'Lắk',
  'ươi',
  'ở',
  'mật',
  'ong',
  'bạc',
  'hà',
];
const word = fc.constantFrom(...WORDS);
/** A name: words, perhaps after a formula character, perhaps with a comma, quotes or a line break inside. */
const name = fc
  .tuple(
    fc.constantFrom('', '', '', '=', '+', '-', '@'),
    fc.array(word, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', ', loại 1', ' "đặc biệt"', '\nmẫu mới', ' (Hà Nội)', "'s"),
  )
  .map(([start, words, end]) => `${start}${words.join(' ')}${end}`);
const productName = fc.oneof(
  { weight: 3, arbitrary: name },
  {
    weight: 1,
    arbitrary: fc
      .tuple(name, fc.option(fc.array(name, { minLength: 2, maxLength: 3 }), { nil: null }))
      .map(([n, items]) => `Bộ sản phẩm ${n}${items ? ` (${items.map((i) => i.replace(/[()\n;]/g, ' ')).join('; ')})` : ''}`),
  },
);
const producer = fc.option(
  fc.tuple(fc.constantFrom('HTX ', 'Công ty TNHH ', 'Hộ kinh doanh ', 'Cơ sở ', '=', '@'), name).map(([a, b]) => a + b),
  { nil: '' },
);
const units = seedProvinceUnits();
/** A province as lists write it, with a year in which the importer finds it (old names before 2025, any name any year). */
const provinceAndYear = fc
  .tuple(fc.constantFrom(...units), fc.constantFrom('', 'Tỉnh ', 'TP. '), fc.integer({ min: 2000, max: 2026 }))
  .map(([unit, prefix, year]) => ({
    province: unit.unitType === 'city' && prefix === 'Tỉnh ' ? unit.name : `${prefix}${unit.name}`,
    year: unit.era === 'pre2025' ? Math.min(year, 2024) : year,
  }));
const group = fc.constantFrom('', ...PRODUCT_GROUPS.flatMap((g) => [g.code, String(g.id), ...g.labels]));
const level = fc.constantFrom(...ACCEPTED_LEVEL_CODES, ...ACCEPTED_LEVEL_CODES.map((c) => levelLabel(parseLevel(c)!, 'vi')), 'quốc gia');
const decisionNo = fc.constantFrom('', '3116/QĐ-BCT', '83/QĐ-CTĐP', '-12/QĐ-UBND', '=1302/QĐ-UBND-HC', '@số 5');
const score = fc.option(
  fc.integer({ min: 0, max: 1000 }).map((n) => (n / 10).toString().replace('.', ',')),
  { nil: '' },
);
const sourceUrl = fc.constantFrom('', 'https://moit.gov.vn/tin-tuc/a', 'https://example.vn/đặc-sản?x=1,2');
const listRow = fc
  .record({ productName, producer, at: provinceAndYear, group, level, decisionNo, score, sourceUrl })
  .map((r) => [r.productName, r.producer, r.at.province, r.group, r.level, r.at.year, r.decisionNo, r.score, r.sourceUrl]);
/** A valid list, as a CSV file with the English or the Vietnamese headers. */
const validList = fc
  .tuple(fc.array(listRow, { minLength: 1, maxLength: 12 }), fc.constantFrom<ListSpelling>('en', 'vi'))
  .map(([rows, spelling]) => new TextEncoder().encode(writeCsv([IMPORT_COLUMNS.map((c) => c[spelling]), ...rows])));

describe('any valid list', () => {
  // Each run makes two databases: a libSQL server each on sqld, so fewer runs there.
  const numRuns = process.env['TEST_DATABASE'] === 'sqld' ? 4 : 25;

  it('round-trips import → export → import with no change', async () => {
    await fc.assert(
      fc.asyncProperty(validList, fc.constantFrom(...FORMATS), async (list, [format, spelling]) => {
        const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
        try {
          await importOk(first, list);
          const before = await dump(first.db);
          const exported = await exportList(first.db, format, spelling);
          expect(isUnchanged(await importOk(first, exported))).toBe(true);
          expect(await dump(first.db)).toEqual(before);
          await importOk(second, exported);
          expect(await dump(second.db)).toEqual(before);
        } finally {
          await Promise.all([first.dispose(), second.dispose()]);
        }
      }),
      { numRuns },
    );
  }, 120_000);
});

describe('listCertificationsForExport', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importOk(database, seedCsv);
  });
  afterAll(async () => database.dispose());

  it('keeps to the published certifications of published products when asked', async () => {
    const all = await listCertificationsForExport(database.db, { publishedOnly: true });
    const [draft, hidden] = all;
    await database.db.update(certifications).set({ status: 'draft' }).where(eq(certifications.id, draft!.id));
    const hiddenProduct = await database.db
      .select({ productId: certifications.productId })
      .from(certifications)
      .where(eq(certifications.id, hidden!.id));
    await database.db.update(products).set({ status: 'draft' }).where(eq(products.id, hiddenProduct[0]!.productId));
    const published = (await listCertificationsForExport(database.db, { publishedOnly: true })).map((c) => c.id);
    expect(published).not.toContain(draft!.id);
    expect(published).not.toContain(hidden!.id);
    expect((await listCertificationsForExport(database.db, { publishedOnly: false })).map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it('gives the province as certified with its current unit', async () => {
    const lychee = (await listCertificationsForExport(database.db, { publishedOnly: false })).find((c) => c.province === 'Bắc Giang');
    expect(lychee).toMatchObject({ province: 'Bắc Giang', currentProvince: 'Bắc Ninh' });
  });
});

describe('a staff list downloaded with its filters', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database);
  });
  afterAll(async () => database.dispose());

  const download = (section: string, format: SheetFormat, query = '') =>
    adminExport(database.db, section, format, new URLSearchParams(query));

  it('answers an attachment named after the section and the day, never cached', async () => {
    const response = await download('establishments', 'xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="establishments-${todayIso()}.xlsx"`);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const csv = await download('establishments', 'csv');
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('Content-Disposition')).toBe(`attachment; filename="establishments-${todayIso()}.csv"`);
  });

  it.each(Object.keys(RECORD_KINDS).filter((s) => s !== 'certifications'))(
    'holds every %s the list finds, on all its pages, under the list’s headings',
    async (section) => {
      const kind = recordKind(section)!;
      const read = await readList(new Uint8Array(await (await download(section, 'xlsx')).arrayBuffer()));
      if (!read.ok) throw new Error(read.error.reason);
      const [header, ...rows] = read.records;
      expect(header!.cells).toEqual(adminListHeader(kind.columnsHeadings));
      expect(rows.map((r) => r.cells[0])).toEqual((await filterRecords(database.db, kind, {})).map((r) => r.title));
    },
  );

  it('holds only what the search and filters find', async () => {
    const kind = recordKind('products')!;
    const query = { q: 'tra', filters: { kind: 'single', status: 'published' } };
    const expected = await filterRecords(database.db, kind, query);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan((await filterRecords(database.db, kind, {})).length);
    const read = await readList(
      new Uint8Array(await (await download('products', 'csv', 'q=tra&kind=single&status=published')).arrayBuffer()),
    );
    expect(read.ok && read.records.slice(1).map((r) => r.cells[0])).toEqual(expected.map((r) => r.title));
  });

  it('ignores a page number: a download holds every page', async () => {
    const all = await (await download('products', 'csv')).text();
    expect(await (await download('products', 'csv', 'page=2')).text()).toBe(all);
    expect(await (await download('products', 'csv', 'page=abc')).text()).toBe(all);
  });

  it('gives more rows than one page holds', async () => {
    const read = await readList(new Uint8Array(await (await download('certifications', 'csv')).arrayBuffer()));
    expect(read.ok && read.records.length - 1).toBe((await filterRecords(database.db, recordKind('certifications')!, {})).length);
    expect(read.ok && read.records.length - 1).toBeGreaterThan(25);
  });

  it('gives certifications in the import format, with Vietnamese headers, that import again with no change', async () => {
    const response = await download('certifications', 'xlsx', 'level=national');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const read = await readList(bytes);
    expect(read.ok && read.records[0]!.cells).toEqual(IMPORT_COLUMNS.map((c) => c.vi));
    const nationals = await filterRecords(database.db, recordKind('certifications')!, { filters: { level: 'national' } });
    expect(read.ok && read.records.length - 1).toBe(nationals.length);
    expect(read.ok && read.records.slice(1).every((r) => r.cells[4] === 'Cấp quốc gia')).toBe(true);
    const summary = await importOk(database, bytes);
    expect(isUnchanged(summary)).toBe(true);
  });

  it.each([
    ['an unknown section', 'users', '', 404],
    ['a filter value the list does not offer', 'certifications', 'level=international', 400],
  ])('refuses %s plainly', async (_, section, query, status) => {
    const response = await download(section, 'csv', query);
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Disposition')).toBeNull();
    expect(await response.text()).toMatch(status === 400 ? /^Không tạo tệp tải về[\s\S]*“international”/ : /Not found/);
  });
});
