/**
 * Lists as they come (issue #8, R19): Excel workbooks through the three gates of src/server/xlsx.ts,
 * CSV in UTF-8 or UTF-16, and what a dry run says each row would do.
 */
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications, products } from '#db/schema/index.ts';
import { describeImport, importList, MAX_IMPORT_ROWS } from '#server/importer.ts';
import { readXlsx } from '#server/xlsx.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { makeZip } from '../support/zip.ts';

const actor = { label: 'test' };
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.dispose());

const HEADER = ['Tên sản phẩm', 'Cơ sở sản xuất', 'Tỉnh/Thành phố', 'Nhóm sản phẩm', 'Cấp', 'Năm', 'Số quyết định'];
const ROWS = [
  ['Chè Shan tuyết Suối Giàng', 'HTX Chè Suối Giàng', 'Tỉnh Yên Bái', 'Thủ công mỹ nghệ', 'cấp tỉnh', 2024, '1234/QĐ-UBND'],
  ['Nón lá Chuông', 'Cơ sở Nón lá Chuông', 'TP. Hà Nội', '', 'khu vực phía Bắc', 2024, ''],
  ['Bộ sản phẩm gốm Bát Tràng', 'Công ty TNHH Gốm Bát Tràng', 'Hà Nội', '', 'quốc gia', 2023, '3116/QĐ-BCT'],
];

async function workbook(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const certificationCount = async () => (await database.db.select({ n: count() }).from(certifications))[0]!.n;

describe('Excel workbooks', () => {
  it('imports the documented Vietnamese headers; a dry run first says what each row would do', async () => {
    const bytes = await workbook([HEADER, ...ROWS]);
    const dry = await importList(database, bytes, { actor, dryRun: true, currentYear: 2026 });
    expect(dry.ok, JSON.stringify(!dry.ok && dry.errors)).toBe(true);
    if (!dry.ok) return;
    expect(dry.summary.outcomes).toEqual([
      expect.objectContaining({ line: 2, outcome: 'new', createdEstablishment: true, createdProduct: true }),
      expect.objectContaining({ line: 3, outcome: 'new', createdEstablishment: true, createdProduct: true }),
      expect.objectContaining({ line: 4, outcome: 'new', createdEstablishment: true, createdProduct: true }),
    ]);
    expect(describeImport(dry)[0]).toBe('line 2: new certification, with a new product and a new establishment');
    expect(await certificationCount()).toBe(0);

    const done = await importList(database, bytes, { actor, currentYear: 2026 });
    expect(done.ok && done.summary.created).toEqual({ certifications: 3, products: 3, establishments: 3 });
    const again = await importList(database, bytes, { actor, dryRun: true, currentYear: 2026 });
    expect(again.ok && again.summary.outcomes.map((o) => o.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    // A changed decision number is an update of the registered certification, not a new one.
    const changed = await workbook([HEADER, ROWS[0]!.map((c, i) => (i === 6 ? '999/QĐ-UBND' : c))]);
    const update = await importList(database, changed, { actor, dryRun: true, currentYear: 2026 });
    expect(update.ok && update.summary.outcomes).toEqual([
      expect.objectContaining({ line: 2, outcome: 'update', createdEstablishment: false, createdProduct: false }),
    ]);
  });

  it('reads numbers, dates, rich text and hyperlinks as the text a CSV would hold', async () => {
    const bytes = await workbook([HEADER, ['x']], (sheet) => {
      sheet.getCell('A2').value = { richText: [{ text: 'Mật ong ' }, { text: 'bạc hà', font: { bold: true } }] };
      sheet.getCell('F2').value = 2024;
      sheet.getCell('G2').value = new Date(Date.UTC(2024, 4, 16));
      sheet.getCell('H2').value = { text: 'nguồn', hyperlink: 'https://moit.gov.vn/' };
    });
    const read = await readXlsx(bytes, { maxRows: 10 });
    expect(read.ok && read.records[1]!.cells).toEqual(['Mật ong bạc hà', '', '', '', '', '2024', '2024-05-16', 'nguồn']);
  });

  it('refuses a formula with its row and column, and writes nothing', async () => {
    const bytes = await workbook([HEADER, ...ROWS], (sheet) => {
      sheet.getCell('F3').value = { formula: 'YEAR(TODAY())', result: 2024 };
    });
    const outcome = await importList(database, bytes, { actor, currentYear: 2026 });
    expect(outcome).toMatchObject({
      ok: false,
      errors: [{ line: 3, column: 'F', reason: expect.stringContaining('formulas') as unknown }],
    });
  });

  it('refuses a zip bomb named .xlsx before any parser inflates it', async () => {
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(200 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const before = process.memoryUsage().rss;
    const outcome = await importList(database, bomb, { actor });
    expect(outcome).toMatchObject({ ok: false, errors: [{ line: 1, reason: expect.stringContaining('zip bomb') as unknown }] });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses an archive that lies about its sizes (declared small, inflates large)', async () => {
    const liar = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: 'x'.repeat(5000), declaredSize: 100 }]);
    const read = await readXlsx(liar, { maxRows: 10 });
    expect(read).toMatchObject({ ok: false, reason: expect.stringContaining('more than it declares') as unknown });
  });

  it('refuses a workbook with more rows than the limit, and damaged files', async () => {
    const big = await workbook([HEADER, ...Array.from({ length: 30 }, () => ROWS[0]!)]);
    expect(await readXlsx(big, { maxRows: 20 })).toMatchObject({ ok: false, reason: expect.stringContaining('at most 20') as unknown });
    expect(MAX_IMPORT_ROWS).toBe(50_000);
    const good = await workbook([HEADER, ...ROWS]);
    const cut = good.subarray(0, good.length - 100);
    expect((await importList(database, cut, { actor })).ok).toBe(false);
  });
});

describe('CSV as it comes', () => {
  const csv = `${HEADER.join(',')}\nGiò chả Ước Lễ,Cơ sở Giò chả Ước Lễ,Hà Nội,,cấp tỉnh,2022,\n`;

  it('reads UTF-16 (what Excel saves as "Unicode Text") the same as UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const a = await importList(database, Buffer.from(csv, 'utf8'), { actor, dryRun: true, currentYear: 2026 });
    const b = await importList(database, utf16, { actor, dryRun: true, currentYear: 2026 });
    expect(a.ok && b.ok).toBe(true);
    expect(b.ok && b.summary.outcomes).toEqual(a.ok && a.summary.outcomes);
  });

  it('refuses a legacy encoding with a message saying what to do', async () => {
    const latin1 = Buffer.from('product_name,province,level,year\nCh\xe8,H\xe0 N\xf4i,provincial,2022\n', 'latin1');
    expect(await importList(database, latin1, { actor })).toMatchObject({
      ok: false,
      errors: [{ reason: expect.stringContaining('UTF-8') as unknown }],
    });
    expect((await database.db.select({ n: count() }).from(products))[0]!.n).toBeGreaterThan(0);
  });
});
