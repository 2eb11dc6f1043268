/**
 * A table ready to be written as a spreadsheet file: the one shape every export builds (admin lists,
 * the official list of certifications) and both writers take (CSV in src/domain/csv-write.ts, XLSX in
 * src/server/xlsx-write.ts).
 */

/** A cell's value: text, a number (written as a number, so a spreadsheet can sort and sum it), or empty. */
export type SheetCell = string | number | null;

export interface SheetTable {
  /** The worksheet's name (an XLSX tab; CSV has none). */
  name: string;
  header: readonly string[];
  rows: readonly (readonly SheetCell[])[];
}

export const SHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** The name a download is saved under: exportFileName('certifications', '2026-05-16', 'xlsx') → "certifications-2026-05-16.xlsx". */
export function exportFileName(base: string, day: string, format: SheetFormat): string {
  return `${base}-${day}.${format}`;
}
