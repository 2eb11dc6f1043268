import { cleanEnglishName } from '#domain/english-name.ts';
import { establishmentKey } from '#domain/establishments.ts';
import { parseProductGroup, type ProductGroupCode } from '#domain/groups.ts';
import { ACCEPTED_LEVEL_CODES, levelCode, parseLevel, type LevelValue } from '#domain/levels.ts';
import { parseProductName, type ProductKind } from '#domain/products.ts';
import { resolveProvince, type ProvinceUnit } from '#domain/provinces.ts';
import { compactKey, normalizeText } from '#domain/text.ts';
import { parseCsv, type CsvRecord } from './csv.ts';
import { IMPORT_COLUMNS, mapHeader, type ImportColumnKey, type ImportIssue } from './columns.ts';
import { problemWords, type ImportProblemCode, type ProblemValue, type ProblemWords } from './problems.ts';
import { fieldProblem, unsafeTextWords, type ImportField } from './record-fields.ts';
import { stripZeroWidth, textProblem } from '#domain/safe-text.ts';

/** A valid row of an import file, normalised and resolved against the province table. */
export interface ImportRow<P extends ProvinceUnit = ProvinceUnit> {
  line: number;
  productName: string;
  kind: ProductKind;
  setItems: string[];
  producer: string | null;
  /** English names where the file gives them (#18.2); null when the cell is empty or the column absent. */
  productNameEn: string | null;
  producerNameEn: string | null;
  province: P;
  group: ProductGroupCode | null;
  level: LevelValue;
  year: number;
  decisionNo: string | null;
  /** The certificate's own number, as printed on it (DESIGN.md `certificate_no`). */
  certificateNo: string | null;
  score: number | null;
  sourceUrl: string | null;
  /** Identity of the row: folded product name, establishment key, level and year. */
  importKey: string;
  /** Matches the same establishment across rows and imports. */
  producerKey: string | null;
}

export interface ImportValidation<P extends ProvinceUnit> {
  rows: ImportRow<P>[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Errors found beyond the MAX_REPORTED_ERRORS listed (R18): the count is still told. */
  unreportedErrors?: number;
}

/** The most errors one run reports (QUALITY.md R18). */
export const MAX_REPORTED_ERRORS = 1000;

/**
 * Validates a whole import file before anything is written: every row is checked and every problem
 * reported as "line N, column C: reason". `provinces` must hold units of both eras.
 */
export function validateImport<P extends ProvinceUnit>(
  input: string | readonly CsvRecord[],
  context: { provinces: readonly P[]; currentYear: number; maxRows?: number; columns?: readonly (ImportColumnKey | null)[] },
): ImportValidation<P> {
  // CSV text is parsed here; a workbook's rows arrive already read (src/server/xlsx.ts).
  const parsed = typeof input === 'string' ? parseCsv(input) : ({ ok: true, records: [...input] } as const);
  if (!parsed.ok)
    return {
      rows: [],
      errors: [{ line: parsed.line, column: null, code: parsed.code, reason: parsed.reason, vi: parsed.vi }],
      warnings: [],
    };
  const [header, ...records] = parsed.records;
  if (!header) return { rows: [], errors: [{ line: 1, column: null, ...problemWords('file-empty') }], warnings: [] };
  const { positions, errors, warnings } = mapHeader(header.cells, context.columns);
  if (errors.length > 0) return { rows: [], errors, warnings };
  if (records.length === 0) errors.push({ line: 2, column: null, ...problemWords('header-only') });
  if (context.maxRows !== undefined && records.length > context.maxRows)
    return {
      rows: [],
      errors: [{ line: 1, column: null, ...problemWords('too-many-rows', { rows: records.length, max: context.maxRows }) }],
      warnings,
    };

  const rows: ImportRow<P>[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    // Zero-width characters go before anything reads a cell (src/domain/safe-text.ts).
    const rawCell = (key: ImportColumnKey) => {
      const at = positions[key];
      return at ? stripZeroWidth(record.cells[at.index] ?? '') : '';
    };
    const cell = (key: ImportColumnKey) =>
      // One apostrophe before = + - @ is the escape our exports write against formulas (src/domain/csv-write.ts).
      normalizeText(rawCell(key)).replace(/^'(?=[=+\-@])/, '');
    const label = (key: ImportColumnKey) => positions[key]?.label ?? key;
    // A cell refused for its characters is reported once, not again by the checks of its column.
    const unsafe = new Set<ImportColumnKey>();
    const refuse = (key: ImportColumnKey | null, words: ProblemWords) => {
      if (key && unsafe.has(key)) return;
      errors.push({ line: record.line, column: key ? label(key) : null, ...words });
    };
    const fail = (key: ImportColumnKey | null, code: ImportProblemCode, values: Record<string, ProblemValue> = {}) =>
      refuse(key, problemWords(code, values));
    const warn = (key: ImportColumnKey | null, code: ImportProblemCode, values: Record<string, ProblemValue> = {}) =>
      warnings.push({ line: record.line, column: key ? label(key) : null, ...problemWords(code, values) });
    const before = errors.length;
    /** A cell the admin form would refuse (the same field schema), reported once; true when it is fine. */
    const fits = (key: ImportColumnKey, field: ImportField, value: string) => {
      const problem = value ? fieldProblem(field, value) : null;
      if (problem) refuse(key, problem);
      return !problem;
    };
    // Bidi overrides and control characters make a row fail whatever its column (#17.7).
    for (const { key } of IMPORT_COLUMNS) {
      const found = textProblem(rawCell(key));
      if (!found) continue;
      refuse(key, unsafeTextWords(found.problem, found.codePoint));
      unsafe.add(key);
    }

    if (record.cells.length > header.cells.length) fail(null, 'cell-count', { cells: record.cells.length, columns: header.cells.length });
    const rawName = cell('productName');
    if (!rawName) fail('productName', 'product-name-missing');
    else if (fits('productName', 'productName', rawName)) fits('productName', 'setItems', parseProductName(rawName).items.join('\n'));
    fits('decisionNo', 'decisionNo', cell('decisionNo'));

    const yearText = cell('year');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText)) fail('year', yearText ? 'year-not-4-digits' : 'year-missing', { year: yearText });
    else if (year < 2000 || year > context.currentYear + 1) fail('year', 'year-out-of-range', { year, max: context.currentYear + 1 });

    const levelText = cell('level');
    const level = levelText ? parseLevel(levelText) : null;
    if (!levelText) fail('level', 'level-missing');
    else if (!level) fail('level', 'level-unknown', { level: levelText, codes: ACCEPTED_LEVEL_CODES.join(', ') });

    const provinceText = cell('province');
    const province = provinceText ? resolveProvince(context.provinces, provinceText, { year: Number.isFinite(year) ? year : 0 }) : null;
    if (!provinceText) fail('province', 'province-missing');
    else if (province && !province.ok)
      fail('province', 'province-unknown', { province: provinceText, closest: province.suggestions.join(', ') });

    const groupText = cell('productGroup');
    const group = groupText ? parseProductGroup(groupText) : null;
    if (groupText && !group) fail('productGroup', 'group-unknown', { group: groupText });

    const scoreText = cell('score').replace(',', '.');
    const score = scoreText ? Number(scoreText) : null;
    if (score !== null && !(Number.isFinite(score) && score >= 0 && score <= 100)) fail('score', 'score-invalid', { score: cell('score') });

    const sourceUrl = cell('sourceUrl') || null;
    if (sourceUrl && !unsafe.has('sourceUrl')) {
      if (!isWebUrl(sourceUrl)) fail('sourceUrl', 'source-not-web', { url: sourceUrl });
      else if (sourceUrl.startsWith('http:')) warn('sourceUrl', 'source-not-https');
      else fits('sourceUrl', 'sourceUrl', sourceUrl);
    }

    const producer = cell('producer') || null;
    if (producer) fits('producer', 'producer', producer);
    const englishName = (key: 'productNameEn' | 'producerNameEn', entity: 'product' | 'establishment') => {
      const cleaned = cleanEnglishName(cell(key), entity);
      if ('value' in cleaned) return cleaned.value;
      const { en, vi } = cleaned.problem;
      fail(key, 'english-name-invalid', { problem: { en, vi: vi.charAt(0).toLowerCase() + vi.slice(1).replace(/\.$/, '') } });
      return null;
    };
    const productNameEn = englishName('productNameEn', 'product');
    const producerNameEn = englishName('producerNameEn', 'establishment');
    if (producerNameEn && !producer) fail('producerNameEn', 'english-producer-without-producer');
    if (!producer) warn('producer', 'producer-missing');

    if (errors.length > before || !level || !province?.ok) continue;
    const unit = province.unit;
    const parsedName = parseProductName(rawName);
    const producerKey = producer ? establishmentKey(producer, [unit.name, unit.successorName ?? unit.name]) : null;
    const importKey = [compactKey(parsedName.name), producerKey ?? `@${compactKey(unit.name)}`, levelCode(level), year].join('|');
    const earlier = seen.get(importKey);
    if (earlier !== undefined) {
      warn(null, 'duplicate-row', { line: earlier });
      continue;
    }
    seen.set(importKey, record.line);
    rows.push({
      line: record.line,
      productName: parsedName.name,
      kind: parsedName.kind,
      setItems: parsedName.items,
      producer,
      productNameEn,
      producerNameEn,
      province: unit,
      group,
      level,
      year,
      decisionNo: cell('decisionNo') || null,
      certificateNo: cell('certificateNo') || null,
      score,
      sourceUrl,
      importKey,
      producerKey,
    });
  }
  return {
    rows,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    warnings,
    ...(errors.length > MAX_REPORTED_ERRORS ? { unreportedErrors: errors.length - MAX_REPORTED_ERRORS } : {}),
  };
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
