import { cleanEnglishName } from '../english-name.ts';
import { establishmentKey } from '../establishments.ts';
import { parseProductGroup, type ProductGroupCode } from '../groups.ts';
import { ACCEPTED_LEVEL_CODES, levelCode, parseLevel, type LevelValue } from '../levels.ts';
import { parseProductName, type ProductKind } from '../products.ts';
import { resolveProvince, type ProvinceUnit } from '../provinces.ts';
import { compactKey, normalizeText } from '../text.ts';
import { parseCsv, type CsvRecord } from './csv.ts';
import { IMPORT_COLUMNS, mapHeader, type ImportColumnKey, type ImportIssue } from './columns.ts';
import { fieldProblem, type ImportField } from './record-fields.ts';
import { stripZeroWidth, textProblem, TEXT_PROBLEM_WORDS } from '../safe-text.ts';

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
  if (!parsed.ok) return { rows: [], errors: [{ line: parsed.line, column: null, reason: parsed.reason }], warnings: [] };
  const [header, ...records] = parsed.records;
  if (!header) return { rows: [], errors: [{ line: 1, column: null, reason: 'the file is empty', vi: 'tệp rỗng' }], warnings: [] };
  const { positions, errors, warnings } = mapHeader(header.cells, context.columns);
  if (errors.length > 0) return { rows: [], errors, warnings };
  if (records.length === 0)
    errors.push({ line: 2, column: null, reason: 'the file has a header but no rows', vi: 'tệp có dòng tiêu đề nhưng không có dòng nào' });
  if (context.maxRows !== undefined && records.length > context.maxRows)
    return {
      rows: [],
      errors: [
        {
          line: 1,
          column: null,
          reason: `the file has ${records.length} rows; at most ${context.maxRows} are accepted: split the list`,
          vi: `tệp có ${records.length} dòng; tối đa ${context.maxRows} dòng: hãy chia danh sách`,
        },
      ],
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
    const fail = (key: ImportColumnKey | null, reason: string, vi: string) => {
      if (key && unsafe.has(key)) return;
      errors.push({ line: record.line, column: key ? label(key) : null, reason, vi });
    };
    const before = errors.length;
    /** A cell the admin form would refuse (the same field schema), reported once; true when it is fine. */
    const fits = (key: ImportColumnKey, field: ImportField, value: string) => {
      const problem = value ? fieldProblem(field, value) : null;
      if (problem) fail(key, problem.reason, problem.vi);
      return !problem;
    };
    // Bidi overrides and control characters make a row fail whatever its column (#17.7).
    for (const { key } of IMPORT_COLUMNS) {
      const found = textProblem(rawCell(key));
      if (!found) continue;
      fail(key, TEXT_PROBLEM_WORDS[found.problem].en(found.codePoint), TEXT_PROBLEM_WORDS[found.problem].vi(found.codePoint));
      unsafe.add(key);
    }

    if (record.cells.length > header.cells.length)
      fail(
        null,
        `${record.cells.length} cells but the header has ${header.cells.length}`,
        `${record.cells.length} ô nhưng dòng tiêu đề có ${header.cells.length} cột`,
      );
    const rawName = cell('productName');
    if (!rawName) fail('productName', 'product name is required', 'thiếu tên sản phẩm');
    else if (fits('productName', 'productName', rawName)) fits('productName', 'setItems', parseProductName(rawName).items.join('\n'));
    fits('decisionNo', 'decisionNo', cell('decisionNo'));

    const yearText = cell('year');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText))
      fail(
        'year',
        yearText ? `"${yearText}" is not a 4-digit year` : 'year is required',
        yearText ? `“${yearText}” không phải năm 4 chữ số` : 'thiếu năm',
      );
    else if (year < 2000 || year > context.currentYear + 1)
      fail('year', `${year} is outside 2000–${context.currentYear + 1}`, `năm ${year} nằm ngoài 2000–${context.currentYear + 1}`);

    const levelText = cell('level');
    const level = levelText ? parseLevel(levelText) : null;
    if (!levelText) fail('level', 'level is required', 'thiếu cấp');
    else if (!level)
      fail(
        'level',
        `unknown level "${levelText}"; use one of ${ACCEPTED_LEVEL_CODES.join(', ')} or the Vietnamese words`,
        `không rõ cấp “${levelText}”; viết “cấp tỉnh”, “khu vực phía Bắc / miền Trung / phía Nam”, “cấp quốc gia” hoặc một mã: ${ACCEPTED_LEVEL_CODES.join(', ')}`,
      );

    const provinceText = cell('province');
    const province = provinceText ? resolveProvince(context.provinces, provinceText, { year: Number.isFinite(year) ? year : 0 }) : null;
    if (!provinceText) fail('province', 'province is required', 'thiếu tỉnh/thành phố');
    else if (province && !province.ok)
      fail(
        'province',
        `unknown province "${provinceText}"; closest: ${province.suggestions.join(', ')}`,
        `không rõ tỉnh/thành phố “${provinceText}”; gần nhất: ${province.suggestions.join(', ')}`,
      );

    const groupText = cell('productGroup');
    const group = groupText ? parseProductGroup(groupText) : null;
    if (groupText && !group)
      fail(
        'productGroup',
        `unknown product group "${groupText}"; use 1–4 or one of the four group names`,
        `không rõ nhóm sản phẩm “${groupText}”; dùng 1–4 hoặc tên một trong bốn nhóm`,
      );

    const scoreText = cell('score').replace(',', '.');
    const score = scoreText ? Number(scoreText) : null;
    if (score !== null && !(Number.isFinite(score) && score >= 0 && score <= 100))
      fail('score', `score "${cell('score')}" must be a number from 0 to 100`, `điểm “${cell('score')}” phải là số từ 0 đến 100`);

    const sourceUrl = cell('sourceUrl') || null;
    if (sourceUrl && !unsafe.has('sourceUrl')) {
      if (!isWebUrl(sourceUrl)) fail('sourceUrl', `"${sourceUrl}" is not an http(s) address`, `“${sourceUrl}” không phải địa chỉ http(s)`);
      else if (sourceUrl.startsWith('http:'))
        warnings.push({
          line: record.line,
          column: label('sourceUrl'),
          reason: 'source is not https; it is shown as text, not as a link',
          vi: 'nguồn không dùng https: được hiện dạng chữ, không thành liên kết',
        });
      else fits('sourceUrl', 'sourceUrl', sourceUrl);
    }

    const producer = cell('producer') || null;
    if (producer) fits('producer', 'producer', producer);
    const englishName = (key: 'productNameEn' | 'producerNameEn', entity: 'product' | 'establishment') => {
      const cleaned = cleanEnglishName(cell(key), entity);
      if ('value' in cleaned) return cleaned.value;
      fail(key, cleaned.problem.en, cleaned.problem.vi.charAt(0).toLowerCase() + cleaned.problem.vi.slice(1).replace(/\.$/, ''));
      return null;
    };
    const productNameEn = englishName('productNameEn', 'product');
    const producerNameEn = englishName('producerNameEn', 'establishment');
    if (producerNameEn && !producer)
      fail(
        'producerNameEn',
        'an English producer name needs the producer column',
        'có tên cơ sở tiếng Anh nhưng thiếu tên cơ sở tiếng Việt',
      );
    if (!producer)
      warnings.push({
        line: record.line,
        column: label('producer'),
        reason: 'no producer given; the product is recorded without an establishment',
        vi: 'không có cơ sở sản xuất: sản phẩm được ghi mà không gắn cơ sở',
      });

    if (errors.length > before || !level || !province?.ok) continue;
    const unit = province.unit;
    const parsedName = parseProductName(rawName);
    const producerKey = producer ? establishmentKey(producer, [unit.name, unit.successorName ?? unit.name]) : null;
    const importKey = [compactKey(parsedName.name), producerKey ?? `@${compactKey(unit.name)}`, levelCode(level), year].join('|');
    const earlier = seen.get(importKey);
    if (earlier !== undefined) {
      warnings.push({
        line: record.line,
        column: null,
        reason: `same certification as line ${earlier}; this row is skipped`,
        vi: `trùng chứng nhận ở dòng ${earlier}; dòng này được bỏ qua`,
      });
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
