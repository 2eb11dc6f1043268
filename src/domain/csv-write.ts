/**
 * Writing CSV that opens correctly in Excel and LibreOffice: RFC 4180 quoting, CRLF line ends, a UTF-8
 * byte-order mark so Vietnamese is read as UTF-8, and cells that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe (OWASP "CSV injection").
 * The importer removes that one apostrophe again (src/domain/import/rows.ts), as a spreadsheet hides it.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when it must be and disarmed when it would be read as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, then each row's cells joined by commas, each row ended by CRLF. */
export function writeCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
