/**
 * The admin's import preview: every row of the file with what importing it would do — a new
 * certification, an update of a registered one, a duplicate (of a registered certification or of an
 * earlier row) or an error — and the reasons beside it. Pure: built from the validation and the dry run.
 */
import { writeCsv } from '#domain/csv-write.ts';
import {
  documentedColumns,
  describeIssue,
  formatIssue,
  IMPORT_COLUMNS,
  mapHeader,
  REASON_HEADER,
  type ImportColumnKey,
  type ImportIssue,
} from './columns.ts';
import type { CsvRecord } from './csv.ts';
import { problemWords, type ProblemWords } from './problems.ts';
import type { ImportValidation } from './rows.ts';
import type { ProvinceUnit } from '#domain/provinces.ts';
import { normalizeText } from '#domain/text.ts';

export type PreviewStatus = 'new' | 'update' | 'duplicate' | 'error';

export interface PreviewRow {
  line: number;
  /** The row's cells under the import columns they are mapped to (NFC, spaces tidied, as the importer reads them). */
  values: Partial<Record<ImportColumnKey, string>>;
  status: PreviewStatus;
  /** Why: the errors, or what makes it a duplicate, then the warnings (English, as the command line prints them). */
  reasons: string[];
  /** The same in Vietnamese, for the admin and the file of rejected rows. */
  reasonsVi: string[];
  createsProduct: boolean;
  createsEstablishment: boolean;
}

export interface ImportPreview {
  format: 'csv' | 'xlsx';
  /** The header row as it came (empty when the file could not be read). */
  header: string[];
  /** The import column each header cell is read as (the staff's mapping, or the documented names). */
  columns: (ImportColumnKey | null)[];
  /** The headers are not the documented ones (a required column is missing or some are unknown): offer a mapping. */
  needsMapping: boolean;
  /** Problems with the file or its header: nothing can be imported until they are solved. */
  fileErrors: ImportIssue[];
  rows: PreviewRow[];
  counts: Record<PreviewStatus, number>;
}

/** The summary of a dry run, as far as the preview needs it (src/db/queries/import.ts ImportSummary). */
export interface DryRunOutcomes {
  outcomes: readonly { line: number; outcome: 'new' | 'update' | 'unchanged'; createdProduct: boolean; createdEstablishment: boolean }[];
}

export function buildPreview(input: {
  format: 'csv' | 'xlsx';
  records: readonly CsvRecord[];
  validation?: ImportValidation<ProvinceUnit>;
  summary?: DryRunOutcomes | null;
  columns?: readonly (ImportColumnKey | null)[];
  fileErrors?: ImportIssue[];
}): ImportPreview {
  const [headerRecord, ...records] = input.records;
  const header = headerRecord?.cells.map((c) => c.trim()) ?? [];
  const documented = documentedColumns(header);
  const columns = input.columns ? header.map((_, i) => input.columns![i] ?? null) : documented;
  const unknownHeaders = header.some((cell, i) => cell !== '' && cell !== REASON_HEADER && documented[i] === null);
  const counts: Record<PreviewStatus, number> = { new: 0, update: 0, duplicate: 0, error: 0 };
  const fileErrors = [...(input.fileErrors ?? []), ...(input.validation?.errors.filter((e) => e.line === 1) ?? [])];
  const empty = { format: input.format, header, columns, fileErrors, rows: [], counts };
  if (!headerRecord) return { ...empty, needsMapping: false };
  const needsMapping = !input.columns && (mapHeader(header).errors.length > 0 || unknownHeaders);
  if (!input.validation || fileErrors.length > 0) return { ...empty, needsMapping: needsMapping || fileErrors.length > 0 };

  const byLine = <T extends ImportIssue>(issues: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const issue of issues) map.set(issue.line, [...(map.get(issue.line) ?? []), issue]);
    return map;
  };
  const errors = byLine(input.validation.errors);
  const warnings = byLine(input.validation.warnings);
  const outcomes = new Map((input.summary?.outcomes ?? []).map((o) => [o.line, o]));
  const say = (issue: ImportIssue) => describeIssue(issue, { lang: 'en', withLine: false });
  const sayVi = (issue: ImportIssue) => describeIssue(issue, { lang: 'vi', withLine: false });

  const rows = records.map((record): PreviewRow => {
    const values: Partial<Record<ImportColumnKey, string>> = {};
    columns.forEach((key, i) => {
      if (key) values[key] = normalizeText(record.cells[i] ?? '');
    });
    const rowErrors = errors.get(record.line) ?? [];
    const rowWarnings = warnings.get(record.line) ?? [];
    const outcome = outcomes.get(record.line);
    const copy = rowWarnings.find((w) => w.code === 'duplicate-row');
    let status: PreviewStatus;
    const reasons: string[] = [];
    const reasonsVi: string[] = [];
    const because = (words: Pick<ProblemWords, 'reason' | 'vi'>) => {
      reasons.push(words.reason);
      reasonsVi.push(words.vi);
    };
    const about = (issue: ImportIssue) => ({ reason: say(issue), vi: sayVi(issue) });
    if (rowErrors.length > 0) {
      status = 'error';
      for (const e of rowErrors) because(about(e));
    } else if (copy) {
      status = 'duplicate';
    } else if (outcome?.outcome === 'new') status = 'new';
    else if (outcome?.outcome === 'update') {
      status = 'update';
      because(problemWords('row-updates'));
    } else if (outcome?.outcome === 'unchanged') {
      status = 'duplicate';
      because(problemWords('row-unchanged'));
    } else {
      // Past the reported-error cap: the row was not checked further.
      status = 'error';
      because(problemWords('row-not-checked'));
    }
    for (const w of rowWarnings) because(about(w));
    counts[status]++;
    return {
      line: record.line,
      values,
      status,
      reasons,
      reasonsVi,
      createsProduct: status === 'new' && (outcome?.createdProduct ?? false),
      createsEstablishment: status === 'new' && (outcome?.createdEstablishment ?? false),
    };
  });
  return { format: input.format, header, columns, needsMapping, fileErrors, rows, counts };
}

/**
 * The rejected rows as a CSV to fix and upload again: the file's own header and cells, with the reasons
 * in a last column (which the importer ignores as an unknown column).
 */
export function rejectedRowsCsv(records: readonly CsvRecord[], preview: ImportPreview): string {
  const [header, ...rest] = records;
  const rejected = new Map(preview.rows.filter((r) => r.status === 'error').map((r) => [r.line, r.reasonsVi.join('; ')]));
  const width = header?.cells.length ?? 0;
  return writeCsv([
    [...(header?.cells ?? []), REASON_HEADER],
    ...rest.filter((r) => rejected.has(r.line)).map((r) => [...padded(r.cells, width), rejected.get(r.line)!]),
  ]);
}

const padded = (cells: readonly string[], width: number) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];

/** The import columns in their documented order, with both spellings (the mapping form's choices). */
export const MAPPING_CHOICES = IMPORT_COLUMNS.map((c) => ({ key: c.key, label: `${c.vi} (${c.en})`, required: c.required }));

const STATUS_WORDS: Record<PreviewStatus, string> = {
  new: 'new certification',
  update: 'updates a registered certification',
  duplicate: 'duplicate',
  error: 'error',
};

/** The preview as `npm run import -- FILE --dry-run` prints it: one line per row, then the counts. */
export function describePreview(preview: ImportPreview, options: { validRows?: boolean } = {}): string[] {
  if (preview.fileErrors.length > 0)
    return [...preview.fileErrors.map(formatIssue), 'The file cannot be imported: nothing would be written.'];
  const lines = preview.rows.map((row) => {
    const creates = [row.createsProduct && 'a new product', row.createsEstablishment && 'a new establishment'].filter(Boolean);
    const what = `${STATUS_WORDS[row.status]}${creates.length > 0 ? `, with ${creates.join(' and ')}` : ''}`;
    return `line ${row.line}: ${what}${row.reasons.length > 0 ? ` — ${row.reasons.join('; ')}` : ''}`;
  });
  const { counts } = preview;
  return [
    ...lines,
    `${preview.rows.length} row(s): ${counts.new} new, ${counts.update} update(s), ${counts.duplicate} duplicate(s), ${counts.error} error(s).`,
    counts.error === 0
      ? 'Dry run: nothing was written.'
      : options.validRows
        ? `Dry run: nothing was written. With --valid-rows the ${counts.error} row(s) in error would be left out.`
        : `Dry run: nothing was written. As it is, the file would be refused (with --valid-rows, ${counts.error} row(s) would be left out).`,
  ];
}
