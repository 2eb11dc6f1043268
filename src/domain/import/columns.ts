import { foldVietnamese } from '#domain/text.ts';
import { problemWords, type ProblemWords } from './problems.ts';

/** The columns of an import file (DESIGN.md "Import format"); either spelling of the header works. */
export const IMPORT_COLUMNS = [
  { key: 'productName', en: 'product_name', vi: 'Tên sản phẩm', required: true },
  { key: 'producer', en: 'producer', vi: 'Cơ sở sản xuất', required: false },
  { key: 'province', en: 'province', vi: 'Tỉnh/Thành phố', required: true },
  { key: 'productGroup', en: 'product_group', vi: 'Nhóm sản phẩm', required: false },
  { key: 'level', en: 'level', vi: 'Cấp', required: true },
  { key: 'year', en: 'year', vi: 'Năm', required: true },
  { key: 'decisionNo', en: 'decision_no', vi: 'Số quyết định', required: false },
  { key: 'score', en: 'score', vi: 'Điểm', required: false },
  { key: 'sourceUrl', en: 'source_url', vi: 'Nguồn', required: false },
  { key: 'certificateNo', en: 'certificate_no', vi: 'Số giấy chứng nhận', required: false },
  // English names where staff have them (#18.2); DESIGN.md names it `producer_en`; `producer_name_en` is read too.
  { key: 'productNameEn', en: 'product_name_en', vi: 'Tên tiếng Anh', required: false, aliases: ['Tên sản phẩm tiếng Anh'] },
  { key: 'producerNameEn', en: 'producer_en', vi: 'Tên cơ sở tiếng Anh', required: false, aliases: ['producer_name_en'] },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/**
 * An error or warning tied to a place in the file; printed as "line N, column C: reason". Its code names
 * the problem (src/domain/import/problems.ts); `reason` is its English words, `vi` its Vietnamese.
 */
export interface ImportIssue extends ProblemWords {
  line: number;
  column: string | null;
}

/**
 * An issue as a sentence: "line 4, column level: …", or in Vietnamese "dòng 4, cột level: …"; without the
 * line where the row is already shown.
 */
export function describeIssue(issue: ImportIssue, options: { lang: 'en' | 'vi'; withLine: boolean }): string {
  const vi = options.lang === 'vi';
  const line = options.withLine ? `${vi ? 'dòng' : 'line'} ${issue.line}` : null;
  const column = issue.column === null ? null : `${vi ? 'cột' : 'column'} ${issue.column}`;
  const reason = vi ? issue.vi : issue.reason;
  const where = [line, column].filter(Boolean).join(', ');
  return where ? `${where}: ${reason}` : reason;
}

/** "line 4, column level: …" — the one format every import message uses (the command line). */
export const formatIssue = (issue: ImportIssue): string => describeIssue(issue, { lang: 'en', withLine: true });

/** The same in Vietnamese for the admin: "dòng 4, cột Cấp: …". */
export const formatIssueVi = (issue: ImportIssue): string => describeIssue(issue, { lang: 'vi', withLine: true });

/** A header cell folded to its words: no marks, lower case, punctuation and spacing as single spaces. */
export const headerWords = (h: string) =>
  foldVietnamese(h)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const headerKey = (h: string) => headerWords(h).replace(/ /g, '');

/** The documented column a header cell names (either spelling, any case or marks), or null. */
export function knownColumn(label: string): ImportColumnKey | null {
  const key = headerKey(label);
  const spellings = (c: (typeof IMPORT_COLUMNS)[number]): readonly string[] => [c.en, c.vi, ...('aliases' in c ? c.aliases : [])];
  return IMPORT_COLUMNS.find((c) => spellings(c).some((s) => headerKey(s) === key))?.key ?? null;
}

/** The last column of a file of rejected rows (src/domain/import/preview.ts): read as no column, silently. */
export const REASON_HEADER = 'Lý do / Reason';

export const isImportColumnKey = (value: string): value is ImportColumnKey => IMPORT_COLUMNS.some((c) => c.key === value);

/**
 * The identity of a header row, for remembering the column mapping chosen for it: each cell folded
 * (case, marks, spacing and punctuation ignored), in order. "Tên SP; Tỉnh" and "ten sp ; TINH" are one set.
 */
export function headerSetKey(header: readonly string[]): string {
  return header.map(headerWords).join('|');
}

/** For each header cell, the documented column it names (null: not one of ours). */
export const documentedColumns = (header: readonly string[]): (ImportColumnKey | null)[] => header.map(knownColumn);

/**
 * Where each known column sits in the header row, plus problems with the header itself. `columns` is a
 * mapping chosen by staff (one entry per header cell, null to ignore the cell); without it the headers
 * must be the documented ones.
 */
export function mapHeader(
  header: readonly string[],
  columns?: readonly (ImportColumnKey | null)[],
): {
  positions: Partial<Record<ImportColumnKey, { index: number; label: string }>>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
} {
  const positions: Partial<Record<ImportColumnKey, { index: number; label: string }>> = {};
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  header.forEach((raw, index) => {
    const label = raw.trim() || `#${index + 1}`;
    const key = columns ? (columns[index] ?? null) : knownColumn(label);
    const column = IMPORT_COLUMNS.find((c) => c.key === key);
    if (!column) {
      if (raw.trim() && raw.trim() !== REASON_HEADER && !columns)
        warnings.push({ line: 1, column: label, ...problemWords('column-unknown') });
      return;
    }
    if (positions[column.key]) {
      errors.push({ line: 1, column: label, ...problemWords('column-twice', { column: { vi: column.vi, en: column.en } }) });
      return;
    }
    positions[column.key] = { index, label };
  });
  for (const column of IMPORT_COLUMNS) {
    if (column.required && !positions[column.key]) {
      errors.push({ line: 1, column: column.en, ...problemWords('column-missing', { vi: column.vi, en: column.en }) });
    }
  }
  return { positions, errors, warnings };
}
