/**
 * Writing a table as an Excel workbook with exceljs (R19: the one XLSX library): one sheet, its header row
 * bold, frozen and filterable, columns as wide as their content within bounds.
 *
 * Every cell is a typed value, never a formula: text is a string cell, numbers are numbers. Excel and
 * LibreOffice never evaluate a string cell, whatever it starts with, so text starting with = + - @ is
 * written as it is: an apostrophe, which CSV needs (src/domain/csv-write.ts), would be part of the text in
 * a workbook, and would reach everyone who reads the file as data.
 */
import ExcelJS from 'exceljs';
import type { SheetCell, SheetTable } from '#domain/export/sheet.ts';
import { stampZipEntries } from '#domain/zip-time.ts';

/** Column widths in characters: enough for a year, at most a long product name before it wraps off. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

function cellValue(value: SheetCell): string | number | null {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** A valid worksheet name: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet1'
  );
}

function columnWidth(values: readonly SheetCell[]): number {
  const longest = values.reduce<number>((max, v) => Math.max(max, v === null ? 0 : [...String(v)].length), 0);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/**
 * The workbook's bytes: writeXlsx({ name: 'Chứng nhận', header: ['Tên sản phẩm', 'Năm'], rows: [['Trà Ô Long', 2021]] }).
 * Dated `date` (now by default) throughout, so the same table and date always give the same bytes.
 */
export async function writeXlsx(table: SheetTable, date: Date = new Date()): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = date;
  workbook.modified = date;
  const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.header.map((heading, i) => ({ width: columnWidth([heading, ...table.rows.map((r) => r[i] ?? null)]) }));
  sheet.addRow([...table.header]).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(cellValue));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.header.length) } };
  return stampZipEntries(new Uint8Array(await workbook.xlsx.writeBuffer()), date);
}
