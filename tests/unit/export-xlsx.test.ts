import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedProvinceUnits } from '#db/reference.ts';
import type { SheetTable } from '#domain/export/sheet.ts';
import { checkZip } from '#domain/import/zip-check.ts';
import { validateImport } from '#domain/import/rows.ts';
import { writeXlsx } from '#server/xlsx-write.ts';
import { readXlsx } from '#server/xlsx.ts';

const table: SheetTable = {
  name: 'Chứng nhận',
  header: ['Tên sản phẩm', 'Tỉnh/Thành phố', 'Cấp', 'Năm', 'Số quyết định', 'Điểm'],
  rows: [
    ['=HYPERLINK("http://x","Trà")', 'Thái Nguyên', 'Cấp quốc gia', 2023, '3116/QĐ-BCT', 85.5],
    ['+84 Đặc sản Đồng Tháp', 'Đồng Tháp', 'Cấp tỉnh', 2024, '-12/QĐ-UBND', null],
    ['@Bộ sản phẩm đũa (Đũa tre; Đũa gỗ)', 'Bắc Giang', 'Cấp khu vực – Khu vực phía Bắc', 2022, '@x', 0],
    ['Nón lá \'Huế\', loại "đặc biệt"', 'Thừa Thiên Huế', 'Cấp huyện', 2019, null, 100],
  ],
};

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** The worksheet's XML as stored in the archive. */
function sheetXml(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  const checked = checkZip(buffer);
  if (!checked.ok) throw new Error(checked.reason);
  const entry = checked.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const at = entry.localHeaderOffset;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const body = buffer.subarray(start, start + entry.compressedSize);
  return (entry.method === 0 ? body : inflateRawSync(body)).toString('utf8');
}

describe('writeXlsx', () => {
  it('writes text and numbers as typed values and never a formula, whatever a cell starts with', async () => {
    const bytes = await writeXlsx(table);
    const sheet = await load(bytes);
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula || c.formula !== undefined)).toBe(false);
    expect(sheetXml(bytes)).not.toMatch(/<f[\s>]/);
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("http://x","Trà")');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('D2').value).toBe(2023);
    expect(sheet.getCell('F2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('F3').value).toBeNull();
  });

  it('keeps Vietnamese text, quotes and commas exactly, with no apostrophe before = + - @', async () => {
    const sheet = await load(await writeXlsx(table));
    expect(sheet.getCell('A3').value).toBe('+84 Đặc sản Đồng Tháp');
    expect(sheet.getCell('E3').value).toBe('-12/QĐ-UBND');
    expect(sheet.getCell('E4').value).toBe('@x');
    expect(sheet.getCell('A5').value).toBe('Nón lá \'Huế\', loại "đặc biệt"');
    expect(sheet.getCell('C4').value).toBe('Cấp khu vực – Khu vực phía Bắc');
  });

  it('is read back by the importer value for value', async () => {
    const bytes = await writeXlsx(table);
    const read = await readXlsx(bytes, { maxRows: 100 });
    if (!read.ok) throw new Error(read.reason);
    const header = 'product_name,province,level,year,decision_no,score'.split(',');
    const { rows, errors } = validateImport([{ line: 1, cells: header }, ...read.records.slice(1)], {
      provinces: seedProvinceUnits(),
      currentYear: 2026,
    });
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.productName, r.decisionNo, r.score])).toEqual(table.rows.map((r) => [r[0], r[4], r[5]]));
  });

  it('makes the header row bold, frozen and filterable', async () => {
    const sheet = await load(await writeXlsx(table));
    expect(sheet.getRow(1).values).toEqual([undefined, ...table.header]);
    expect(sheet.getCell('B1').font?.bold).toBe(true);
    expect(sheet.getCell('B2').font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('sizes columns to their content, within 8 and 60 characters', async () => {
    const long = 'Bộ sản phẩm '.repeat(10);
    const sheet = await load(await writeXlsx({ name: 'x', header: ['Năm', 'Tên'], rows: [[2024, long]] }));
    expect(sheet.getColumn(1).width).toBe(8);
    expect(sheet.getColumn(2).width).toBe(60);
    const names = await load(await writeXlsx(table));
    expect(names.getColumn(1).width).toBe([...'@Bộ sản phẩm đũa (Đũa tre; Đũa gỗ)'].length + 2);
  });

  it('names the sheet within Excel’s rules', async () => {
    const sheet = await load(await writeXlsx({ ...table, name: 'Cơ quan: công nhận/tổ chức [mới] và các tên trước đây' }));
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name).not.toMatch(/[:\\/?*[\]]/);
    expect(sheet.name.startsWith('Cơ quan')).toBe(true);
  });

  it('passes the importer’s archive checks, header and all', async () => {
    const read = await readXlsx(await writeXlsx(table), { maxRows: 100 });
    expect(read.ok && read.records.map((r) => r.cells[0])).toEqual([table.header[0], ...table.rows.map((r) => r[0])]);
  });
});
