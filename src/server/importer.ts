import { formatIssue, type ImportIssue } from '../domain/import/columns.ts';
import { decodeCsvBytes, type CsvRecord } from '../domain/import/csv.ts';
import { validateImport } from '../domain/import/rows.ts';
import type { Actor } from '../db/audit.ts';
import type { Database } from '../db/client.ts';
import { applyImport, type ImportSummary } from '../db/queries/import.ts';
import { listProvinceUnits } from '../db/queries/provinces.ts';
import { ensureReferenceData } from '../db/reference.ts';
import { readXlsx } from './xlsx.ts';

export type ImportOutcome =
  { ok: true; summary: ImportSummary; warnings: ImportIssue[] } | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

/** R19: the largest list accepted, in bytes and in rows. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export type ListFormat = 'csv' | 'xlsx';

/** The format of an uploaded list, by its content (a ZIP archive is a workbook), whatever its name says. */
export const listFormatOf = (bytes: Uint8Array): ListFormat =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';

const refusal = (reason: string, line = 1, column: string | null = null): ImportOutcome => ({
  ok: false,
  errors: [{ line, column, reason }],
  warnings: [],
});

/**
 * Imports an official list (CSV or XLSX bytes in the DESIGN.md format): the whole file is validated
 * first; with any error nothing is written. The CLI, the seed and the admin all come through here.
 */
export async function importList(
  database: Database,
  bytes: Uint8Array,
  options: { actor: Actor; dryRun?: boolean; currentYear?: number },
): Promise<ImportOutcome> {
  if (bytes.length > MAX_IMPORT_BYTES) return refusal(`the file is larger than ${MAX_IMPORT_BYTES / 1048576} MB: split the list`);
  let input: string | CsvRecord[];
  if (listFormatOf(bytes) === 'xlsx') {
    const read = await readXlsx(bytes, { maxRows: MAX_IMPORT_ROWS });
    if (!read.ok) return refusal(read.reason, read.line, read.column);
    input = read.records;
  } else {
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) return refusal(decoded.reason);
    input = decoded.text;
  }
  await database.db.transaction(async (tx) => ensureReferenceData(tx));
  const provinces = await listProvinceUnits(database.db);
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const { rows, errors, warnings } = validateImport(input, { provinces, currentYear, maxRows: MAX_IMPORT_ROWS });
  if (errors.length > 0) return { ok: false, errors, warnings };
  const summary = await applyImport(database.db, rows, { actor: options.actor, dryRun: options.dryRun ?? false });
  return { ok: true, summary, warnings };
}

/** The CSV path alone (the seed, and callers that hold CSV text). */
export const importCsv = importList;

/** The summary as the CLI prints it. */
export function describeImport(outcome: ImportOutcome): string[] {
  const lines = outcome.warnings.map((w) => `warning: ${formatIssue(w)}`);
  if (!outcome.ok) return [...outcome.errors.map(formatIssue), ...lines, `${outcome.errors.length} error(s): nothing was imported.`];
  const s = outcome.summary;
  const verb = s.dryRun ? 'would create' : 'created';
  // A dry run shows what each row would do, as the admin's preview does.
  const perRow = s.dryRun
    ? s.outcomes.map((o) => {
        const creates = [o.createdProduct && 'product', o.createdEstablishment && 'establishment'].filter(Boolean);
        const what = {
          new: 'new certification',
          update: 'updates a registered certification',
          unchanged: 'duplicate of a registered certification (no change)',
        }[o.outcome];
        return `line ${o.line}: ${what}${creates.length > 0 ? `, with a new ${creates.join(' and a new ')}` : ''}`;
      })
    : [];
  return [
    ...perRow,
    ...lines,
    `${s.rows} row(s) read; ${verb} ${s.created.certifications} certification(s), ${s.created.products} product(s), ${s.created.establishments} establishment(s); ${s.updatedCertifications} updated; ${s.unchanged} unchanged.`,
    ...(s.dryRun ? ['Dry run: nothing was written.'] : []),
  ];
}
