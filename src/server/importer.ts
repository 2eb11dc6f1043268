import { formatIssue, type ImportColumnKey, type ImportIssue } from '#domain/import/columns.ts';
import { decodeCsvBytes, parseCsv, type CsvRecord } from '#domain/import/csv.ts';
import { buildPreview, type ImportPreview } from '#domain/import/preview.ts';
import { problemWords, type ProblemWords } from '#domain/import/problems.ts';
import { validateImport, type ImportValidation } from '#domain/import/rows.ts';
import type { Actor } from '#db/audit.ts';
import { writeTransaction, type Database } from '#db/client.ts';
import { applyImport, type ImportSummary } from '#db/queries/import.ts';
import { listProvinceUnits, type StoredProvinceUnit } from '#db/queries/provinces.ts';
import { ensureReferenceData } from '#db/reference.ts';
import { readXlsx } from './xlsx.ts';

/**
 * The outcome of an import. With mode 'valid' an import that wrote the valid rows is ok and still lists the
 * rejected rows' errors; with mode 'all' (the default) any error means nothing was written.
 */
export type ImportOutcome =
  | { ok: true; summary: ImportSummary; errors: ImportIssue[]; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[]; /** Errors beyond the listed 1,000 (R18). */ unreportedErrors?: number };

/** R19: the largest list accepted, in bytes and in rows. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export type ListFormat = 'csv' | 'xlsx';

/**
 * 'all': everything or nothing (R18, the default); 'valid': the valid rows are written and the rejected
 * ones listed with their reasons (a file of them can be downloaded from the preview).
 */
export type ImportMode = 'all' | 'valid';

export interface ImportOptions {
  actor: Actor;
  dryRun?: boolean;
  currentYear?: number;
  mode?: ImportMode;
  /** A column mapping chosen by staff: one entry per header cell (null: ignore the cell). */
  columns?: readonly (ImportColumnKey | null)[];
  /** The file's name, kept in the import's audit entry. */
  file?: string;
  /** Runs once the file is known good, just before anything is written (the admin's backup). */
  beforeWrite?: () => Promise<unknown>;
}

/** The format of an uploaded list, by its content (a ZIP archive is a workbook), whatever its name says. */
export const listFormatOf = (bytes: Uint8Array): ListFormat =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';

/** A file read into records, or why it cannot be read at all (one issue, on the line where reading stopped). */
export type ReadList = { ok: true; format: ListFormat; records: CsvRecord[] } | { ok: false; format: ListFormat; error: ImportIssue };

/** Reads the bytes of a CSV (UTF-8 with or without BOM, UTF-16) or XLSX list into records; nothing is written. */
export async function readList(bytes: Uint8Array): Promise<ReadList> {
  const format = listFormatOf(bytes);
  const refuse = (words: ProblemWords, line = 1, column: string | null = null): ReadList => ({
    ok: false,
    format,
    error: { line, column, code: words.code, reason: words.reason, vi: words.vi },
  });
  if (bytes.length === 0) return refuse(problemWords('file-empty'));
  if (bytes.length > MAX_IMPORT_BYTES) return refuse(problemWords('file-too-large', { mb: MAX_IMPORT_BYTES / 1048576 }));
  if (format === 'xlsx') {
    const read = await readXlsx(bytes, { maxRows: MAX_IMPORT_ROWS });
    // A workbook's own problems (src/server/xlsx.ts) are worded in English only, with their cell.
    return read.ok
      ? { ok: true, format, records: read.records }
      : refuse(problemWords('workbook', { detail: read.reason }), read.line, read.column);
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return refuse(decoded);
  const parsed = parseCsv(decoded.text);
  return parsed.ok ? { ok: true, format, records: parsed.records } : refuse(parsed, parsed.line);
}

async function validate(
  database: Database,
  records: readonly CsvRecord[],
  options: Pick<ImportOptions, 'currentYear' | 'columns'>,
): Promise<ImportValidation<StoredProvinceUnit>> {
  await writeTransaction(database, (tx) => ensureReferenceData(tx));
  const provinces = await listProvinceUnits(database.db);
  const currentYear = options.currentYear ?? new Date().getFullYear();
  return validateImport(records, {
    provinces,
    currentYear,
    maxRows: MAX_IMPORT_ROWS,
    ...(options.columns ? { columns: options.columns } : {}),
  });
}

/** Errors on line 1 are about the file or its header: then no row can be imported, whatever the mode. */
const aboutTheFile = (errors: readonly ImportIssue[]) => errors.some((e) => e.line === 1);

/**
 * Imports an official list (CSV or XLSX bytes in the DESIGN.md format): the whole file is validated
 * first; with any error nothing is written unless mode is 'valid'. The CLI, the seed and the admin all
 * come through here. Writes go through the process's write queue, in one transaction.
 */
export async function importList(database: Database, bytes: Uint8Array, options: ImportOptions): Promise<ImportOutcome> {
  const read = await readList(bytes);
  if (!read.ok) return { ok: false, errors: [read.error], warnings: [] };
  const validation = await validate(database, read.records, options);
  const { rows, errors, warnings, unreportedErrors } = validation;
  if (errors.length > 0 && (options.mode !== 'valid' || rows.length === 0 || aboutTheFile(errors)))
    return { ok: false, errors, warnings, ...(unreportedErrors ? { unreportedErrors } : {}) };
  if (!options.dryRun) await options.beforeWrite?.();
  const summary = await applyImport(database, rows, {
    actor: options.actor,
    dryRun: options.dryRun ?? false,
    ...(options.file ? { file: options.file } : {}),
  });
  return { ok: true, summary, errors, warnings };
}

/** The CSV path alone (the seed, and callers that hold CSV text). */
export const importCsv = importList;

/**
 * What importing the file would do, row by row (new / updates / duplicate / error, with reasons), without
 * writing anything: the admin's preview. The classification is the importer's own, from a dry run.
 */
export async function previewImport(
  database: Database,
  bytes: Uint8Array,
  options: Pick<ImportOptions, 'currentYear' | 'columns'> = {},
): Promise<ImportPreview> {
  return previewRead(database, await readList(bytes), options);
}

/** previewImport for a file already read (the admin keeps the records for the file of rejected rows). */
export async function previewRead(
  database: Database,
  read: ReadList,
  options: Pick<ImportOptions, 'currentYear' | 'columns'> = {},
): Promise<ImportPreview> {
  if (!read.ok) return buildPreview({ format: read.format, records: [], fileErrors: [read.error] });
  const validation = await validate(database, read.records, options);
  const summary =
    validation.rows.length > 0 ? await applyImport(database, validation.rows, { actor: { label: 'preview' }, dryRun: true }) : null;
  return buildPreview({
    format: read.format,
    records: read.records,
    validation,
    summary,
    ...(options.columns ? { columns: options.columns } : {}),
  });
}

/** The summary as the CLI prints it. */
export function describeImport(outcome: ImportOutcome): string[] {
  const lines = outcome.warnings.map((w) => `warning: ${formatIssue(w)}`);
  if (!outcome.ok) {
    const more = outcome.unreportedErrors ?? 0;
    return [
      ...outcome.errors.map(formatIssue),
      ...(more > 0 ? [`… and ${more} more error(s) not listed (the first ${outcome.errors.length} are shown).`] : []),
      ...lines,
      `${outcome.errors.length + more} error(s): nothing was imported.`,
    ];
  }
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
  const rejected = outcome.errors.length > 0 ? [...outcome.errors.map((e) => `rejected: ${formatIssue(e)}`)] : [];
  return [
    ...perRow,
    ...rejected,
    ...lines,
    `${s.rows} row(s) read; ${verb} ${s.created.certifications} certification(s), ${s.created.products} product(s), ${s.created.establishments} establishment(s); ${s.updatedCertifications} updated; ${s.unchanged} unchanged.`,
    ...(outcome.errors.length > 0 ? [`${new Set(outcome.errors.map((e) => e.line)).size} row(s) rejected (valid rows only).`] : []),
    ...(s.dryRun ? ['Dry run: nothing was written.'] : []),
  ];
}
