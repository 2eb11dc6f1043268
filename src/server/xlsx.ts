/**
 * Reading an official list from an Excel workbook (R19), in three gates:
 *  1. the archive's central directory (src/domain/import/zip-check.ts): size, parts, ratio, paths;
 *  2. every part inflated here with an output cap of exactly its declared size and its CRC checked, so an
 *     archive that lies about its sizes is refused before exceljs (which trusts them) sees it;
 *  3. exceljs reads the first worksheet; a formula cell is refused (its cached value may be stale, and a
 *     list of certified products has no business computing anything), dates become YYYY-MM-DD.
 * The rows come out as CSV records (physical row number = line), so the CSV and XLSX paths share every
 * check after this one.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { CsvRecord } from '#domain/import/csv.ts';
import { checkZip, XLSX_LIMITS, type ZipEntry, type ZipLimits } from '#domain/import/zip-check.ts';

export type XlsxResult =
  { ok: true; records: CsvRecord[]; sheet: string } | { ok: false; line: number; column: string | null; reason: string };

const refuse = (reason: string, line = 1, column: string | null = null): XlsxResult => ({ ok: false, line, column, reason });

/** Gate 2: inflates each part with its declared size as the cap and checks its CRC. */
function verifyParts(bytes: Buffer, entries: ZipEntry[]): string | null {
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return `the workbook is damaged (part ${entry.name} is missing)`;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const body = bytes.subarray(start, start + entry.compressedSize);
    if (body.length !== entry.compressedSize) return `the workbook is damaged (part ${entry.name} is cut short)`;
    let data: Buffer;
    try {
      data = entry.method === 0 ? body : inflateRawSync(body, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch {
      return `the workbook part ${entry.name} unpacks to more than it declares: refused`;
    }
    if (data.length !== entry.uncompressedSize) return `the workbook part ${entry.name} unpacks to another size than it declares: refused`;
    const expected = bytes.readUInt32LE(at + 14);
    if (crc32(data) !== expected && expected !== 0) return `the workbook part ${entry.name} is damaged (checksum)`;
  }
  return null;
}

/** A cell as the text the CSV path would have read. */
function cellText(cell: ExcelJS.Cell): string | { formula: true } {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { formula: true };
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // a hyperlink cell
    if ('error' in value) return '';
  }
  return String(cell.text ?? '');
}

export async function readXlsx(input: Uint8Array, options: { maxRows: number; limits?: ZipLimits }): Promise<XlsxResult> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const checked = checkZip(bytes, options.limits ?? XLSX_LIMITS);
  if (!checked.ok) return refuse(checked.reason);
  const lie = verifyParts(bytes, checked.entries);
  if (lie) return refuse(lie);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return refuse(`the workbook cannot be read (${error instanceof Error ? error.message : 'unknown error'}): save it again from Excel`);
  }
  const sheet = workbook.worksheets.find((w) => w.state !== 'hidden' && w.rowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) return refuse('the workbook has no worksheet');
  if (sheet.rowCount > options.maxRows + 1)
    return refuse(`the sheet has ${sheet.rowCount - 1} rows; at most ${options.maxRows} are accepted: split the list`);
  const records: CsvRecord[] = [];
  let formula: { line: number; column: string } | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (formula) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const text = cellText(cell);
      if (typeof text === 'object') formula ??= { line: rowNumber, column: cell.address.replace(/\d+$/, '') };
      else cells[column - 1] = text;
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((c) => c.trim() !== '')) records.push({ line: rowNumber, cells });
  });
  if (formula) {
    const { line, column } = formula;
    return refuse('formulas are not accepted: copy the sheet and paste values only', line, column);
  }
  return { ok: true, records, sheet: sheet.name };
}
