import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCertificationsForExport } from '#db/queries/export.ts';
import { establishments, products } from '#db/schema/index.ts';
import { officialListTable } from '#domain/export/official-list.ts';
import { formatIssue } from '#domain/import/columns.ts';
import { importCsv } from '#server/importer.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const actor = { label: 'test' };
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.dispose());

const csv = (lines: string[]) => Buffer.from(lines.join('\n') + '\n');
const productNamed = async (name: string) => (await database.db.select().from(products).where(eq(products.name, name)))[0];

describe('English names in an import file (#18.2)', () => {
  it('stores product_name_en and producer_name_en on the records it creates', async () => {
    const outcome = await importCsv(
      database,
      csv([
        'product_name,producer,province,level,year,product_name_en,producer_name_en',
        'Trà Ô Long Thử,HTX chè Thử Nghiệm,Lâm Đồng,provincial,2024,Test oolong tea,Thu Nghiem Tea Cooperative',
      ]),
      { actor },
    );
    expect(outcome.ok).toBe(true);
    const product = await productNamed('Trà Ô Long Thử');
    expect(product?.nameEn).toBe('Test oolong tea');
    const [producer] = await database.db.select().from(establishments).where(eq(establishments.id, product!.establishmentId!));
    expect(producer?.nameEn).toBe('Thu Nghiem Tea Cooperative');
  });

  it('reads the Vietnamese headers and DESIGN.md’s spelling producer_en', async () => {
    const outcome = await importCsv(
      database,
      csv([
        'Tên sản phẩm,producer_en,Cơ sở sản xuất,Tỉnh/Thành phố,Cấp,Năm,Tên tiếng Anh',
        'Mật ong bạc hà Thử,Thu Honey Cooperative,HTX ong Thử,Hà Giang,provincial,2023,Test mint honey',
      ]),
      { actor },
    );
    expect(outcome.ok).toBe(true);
    const product = await productNamed('Mật ong bạc hà Thử');
    expect(product?.nameEn).toBe('Test mint honey');
    const [producer] = await database.db.select().from(establishments).where(eq(establishments.id, product!.establishmentId!));
    expect(producer?.nameEn).toBe('Thu Honey Cooperative');
  });

  it('fills a product’s missing English name on a re-import but never overwrites one', async () => {
    const header = 'product_name,producer,province,level,year,product_name_en';
    await importCsv(database, csv([header, 'Nước mắm Thử,Cơ sở Thử,Kiên Giang,provincial,2022,']), { actor });
    expect((await productNamed('Nước mắm Thử'))?.nameEn).toBeNull();
    await importCsv(database, csv([header, 'Nước mắm Thử,Cơ sở Thử,Kiên Giang,provincial,2022,Test fish sauce']), { actor });
    expect((await productNamed('Nước mắm Thử'))?.nameEn).toBe('Test fish sauce');
    await importCsv(database, csv([header, 'Nước mắm Thử,Cơ sở Thử,Kiên Giang,provincial,2022,Other words']), { actor });
    expect((await productNamed('Nước mắm Thử'))?.nameEn).toBe('Test fish sauce');
  });

  it('refuses a control character or a one-letter English name and writes nothing', async () => {
    const outcome = await importCsv(
      database,
      csv([
        'product_name,producer,province,level,year,product_name_en,producer_name_en',
        'Gốm Thử Một,Cơ sở gốm Thử,Vĩnh Long,provincial,2024,Test \u202Eceramics,',
        'Gốm Thử Hai,Cơ sở gốm Thử,Vĩnh Long,provincial,2024,,X',
      ]),
      { actor },
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map(formatIssue)).toEqual([
      expect.stringMatching(/^line 2, column product_name_en: .*U\+202E/),
      'line 3, column producer_name_en: the English name needs at least 2 characters',
    ]);
    expect(await productNamed('Gốm Thử Một')).toBeUndefined();
  });

  it('exports the English names in their columns, which import back to the same records', async () => {
    const records = await listCertificationsForExport(database.db, { publishedOnly: false });
    const table = officialListTable(records, 'en');
    const at = (h: string) => table.header.indexOf(h);
    const row = table.rows.find((r) => r[at('product_name')] === 'Trà Ô Long Thử')!;
    expect(row[at('product_name_en')]).toBe('Test oolong tea');
    expect(row[at('producer_en')]).toBe('Thu Nghiem Tea Cooperative');
  });
});
