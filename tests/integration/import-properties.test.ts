/**
 * Properties of importing whatever arrives (issue #8, R18, R19), checked with fast-check against a real
 * database: arbitrary bytes never make the importer or the preview throw, and a refused file writes
 * nothing at all; generated lists, written every way a spreadsheet or a hand might write them, import
 * exactly as a model of their rows says — all or nothing, or (mode 'valid') exactly the valid rows.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importList, previewImport, type ImportMode } from '#server/importer.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { makeZip } from '../support/zip.ts';

const actor = { label: 'property' };
const currentYear = 2026;
let database: TestDatabase;
let workbookBytes: Buffer;
let countEveryTable: string;

beforeAll(async () => {
  database = await createTestDatabase();
  workbookBytes = await xlsxOf([
    ['product_name', 'province', 'level', 'year'],
    ['Chè Shan tuyết', 'Yên Bái', 'cấp tỉnh', '2024'],
  ]);
  const tables = await database.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  const names = tables.rows.map((r) => r['name'] as string);
  countEveryTable = `SELECT ${names.map((name) => `(SELECT count(*) FROM "${name}") AS "${name}"`).join(', ')}`;
});
afterAll(async () => database.dispose());

/** Rows in every table, audit_log and the reference tables included, in one statement. */
async function tableCounts(): Promise<Record<string, number>> {
  const [row] = (await database.client.execute(countEveryTable)).rows;
  return Object.fromEntries(Object.entries(row!).map(([table, n]) => [table, Number(n)]));
}

async function xlsxOf(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

// ---- A model of a list: columns, rows that are valid or carry one known fault, and how it is written ----

type Key = 'productName' | 'producer' | 'province' | 'productGroup' | 'level' | 'year' | 'decisionNo' | 'score' | 'sourceUrl';
const LABELS: Record<Key, [string, string]> = {
  productName: ['product_name', 'Tên sản phẩm'],
  producer: ['producer', 'Cơ sở sản xuất'],
  province: ['province', 'Tỉnh/Thành phố'],
  productGroup: ['product_group', 'Nhóm sản phẩm'],
  level: ['level', 'Cấp'],
  year: ['year', 'Năm'],
  decisionNo: ['decision_no', 'Số quyết định'],
  score: ['score', 'Điểm'],
  sourceUrl: ['source_url', 'Nguồn'],
};
const REQUIRED: Key[] = ['productName', 'province', 'level', 'year'];
const OPTIONAL: Key[] = ['producer', 'productGroup', 'decisionNo', 'score', 'sourceUrl'];

/** Values the importer accepts (commas, quotes and line breaks included, where lists have them). */
const GOOD: Record<Exclude<Key, 'productName' | 'year'>, string[]> = {
  producer: ['', 'HTX chè Tân Cương', 'Công ty TNHH Gốm, Sứ Minh Long', 'Cơ sở "Bà Hai"', 'Hộ kinh doanh\nNguyễn Văn Ánh'],
  province: ['Thái Nguyên', 'Tỉnh Bắc Giang', 'TP. Hồ Chí Minh', 'thua thien hue', 'Đắk Lắk', 'TT-Huế', 'Quảng Ninh'],
  productGroup: ['', '1', '4', 'Thủ công mỹ nghệ', 'Cơ khí', 'Sản phẩm khác'],
  level: ['national', 'provincial', 'cấp tỉnh', 'Khu vực phía Nam', 'regional_north', 'district', 'Cấp huyện', 'commune', 'QUỐC GIA'],
  decisionNo: ['', '3116/QĐ-BCT', 'Số 12, ngày 5/6', '12/QĐ-UBND\r\n(bổ sung)'],
  score: ['', '85', '90,5', '100', '0'],
  sourceUrl: ['', 'https://moit.gov.vn/tin-tuc?id=1,2', 'http://congthuong.vn/a'],
};
const NAMES = [
  'Chè Shan tuyết',
  'Nước mắm "Cửa Khe"',
  'Bánh đa, kẹo lạc',
  'Miến dong Bình Liêu',
  'Ô mai sấu Hàng Đường',
  'Bộ sản phẩm gốm: bình, chén',
];
/** One fault per column, each of which the importer must refuse. */
const BAD: Partial<Record<Key, string[]>> = {
  productName: ['', '   '],
  province: ['Bắc Giangg', 'Không rõ', ''],
  level: ['quốc tế', '', 'khu vực'],
  year: ['20x1', '1999', '2031', ''],
  productGroup: ['Nhóm 9'],
  score: ['150', '-1', 'điểm cao'],
  sourceUrl: ['ftp://moit.gov.vn', 'moit.gov.vn'],
};

interface ModelRow {
  name: string;
  cells: Record<Key, string>;
  /** The column given a bad value, or 'extra' for a row longer than the header. */
  fault: Key | 'extra' | null;
}

const rowArb = fc.record({
  name: fc.constantFrom(...NAMES),
  cells: fc.record({
    producer: fc.constantFrom(...GOOD.producer),
    province: fc.constantFrom(...GOOD.province),
    productGroup: fc.constantFrom(...GOOD.productGroup),
    level: fc.constantFrom(...GOOD.level),
    year: fc.integer({ min: 2018, max: 2024 }).map(String),
    decisionNo: fc.constantFrom(...GOOD.decisionNo),
    score: fc.constantFrom(...GOOD.score),
    sourceUrl: fc.constantFrom(...GOOD.sourceUrl),
  }),
  fault: fc.oneof(
    { arbitrary: fc.constant(null), weight: 6 },
    { arbitrary: fc.constantFrom<Key | 'extra'>(...(Object.keys(BAD) as Key[]), 'extra'), weight: 1 },
  ),
  badValue: fc.nat(),
  /** How the cells are written: as they are, padded, decomposed (NFD), or with no-break spaces. */
  noise: fc.constantFrom('none', 'none', 'pad', 'nfd', 'nbsp'),
});

const listArb = fc.record({
  rows: fc.array(rowArb, { minLength: 0, maxLength: 8 }),
  optional: fc.subarray(OPTIONAL),
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8], { minLength: 9, maxLength: 9 }),
  /** Per column: English, Vietnamese or Vietnamese in capitals. */
  spelling: fc.array(fc.constantFrom(0, 1, 2), { minLength: 9, maxLength: 9 }),
  /** A broken header: a required column missing, or one column twice. */
  brokenHeader: fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.constantFrom('missing', 'twice'), weight: 1 }),
  format: fc.constantFrom('csv', 'csv', 'csv', 'xlsx'),
  encoding: fc.constantFrom('utf8', 'utf8-bom', 'utf16le', 'utf16be'),
  newline: fc.constantFrom('\n', '\r\n'),
  quoteAll: fc.boolean(),
  blankLines: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
  finalNewline: fc.boolean(),
});
type ListSpec = typeof listArb extends fc.Arbitrary<infer T> ? T : never;

let run = 0;

/**
 * The file a list spec describes, and what the importer must make of it. Names carry a mark unique to
 * this run (`R<run>x<row>`), so the rows it writes can be found and counted.
 */
async function materialise(spec: ListSpec): Promise<{ bytes: Buffer; headerOk: boolean; rows: ModelRow[]; mark: string }> {
  const mark = `R${++run}x`;
  const columns = spec.order.map((i) => [...REQUIRED, ...OPTIONAL][i]!).filter((k) => REQUIRED.includes(k) || spec.optional.includes(k));
  let header = columns.map((k, i) => {
    const spelling = spec.spelling[i]!;
    return spelling === 0 ? LABELS[k][0] : spelling === 1 ? LABELS[k][1] : LABELS[k][1].toUpperCase();
  });
  if (spec.brokenHeader === 'missing') header = header.map((h, i) => (columns[i] === 'level' ? 'Cấp bậc chứng nhận' : h));
  if (spec.brokenHeader === 'twice') header = [...header, header[0]!];
  const rows: ModelRow[] = spec.rows.map((r, i) => {
    const name = `${r.name} mẫu ${mark}${i}`;
    const cells: Record<Key, string> = { ...r.cells, productName: name };
    const fault = r.fault && (r.fault === 'extra' || columns.includes(r.fault)) ? r.fault : null;
    if (fault && fault !== 'extra') cells[fault] = BAD[fault]![r.badValue % BAD[fault]!.length]!;
    return { name, cells: Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, noisy(v, r.noise)])) as Record<Key, string>, fault };
  });
  const table = [header, ...rows.map((r) => [...columns.map((k) => r.cells[k]), ...(r.fault === 'extra' ? ['thừa', ''] : [])])];
  const bytes = spec.format === 'xlsx' ? await xlsxOf(table) : csvBytes(table, spec);
  return { bytes, headerOk: spec.brokenHeader === null, rows, mark };
}

function noisy(value: string, noise: string): string {
  if (value === '' || noise === 'none') return value;
  if (noise === 'pad') return `  ${value} `;
  if (noise === 'nfd') return value.normalize('NFD');
  return value.replace(/ /g, '\u00a0');
}

function csvBytes(table: string[][], spec: ListSpec): Buffer {
  const cell = (v: string) => (spec.quoteAll || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = table.map((row, i) => (spec.blankLines[i % 10] && i > 0 ? spec.newline : '') + row.map(cell).join(','));
  const text = lines.join(spec.newline) + (spec.finalNewline ? spec.newline : '');
  if (spec.encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (spec.encoding === 'utf8-bom') return Buffer.from(`\ufeff${text}`, 'utf8');
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return spec.encoding === 'utf16le' ? le : le.swap16();
}

/** Certifications of this run's rows, by their product name as published. */
async function certifiedNames(mark: string): Promise<string[]> {
  const found = await database.client.execute({
    sql: 'SELECT product_name_as_published AS name FROM certifications WHERE product_name_as_published LIKE ?',
    args: [`%${mark}%`],
  });
  return found.rows.map((r) => r['name'] as string).sort();
}
const productCount = async (mark: string) =>
  Number(
    (await database.client.execute({ sql: 'SELECT count(*) AS n FROM products WHERE name LIKE ?', args: [`%${mark}%`] })).rows[0]!['n'],
  );

// ---- Sources of bytes that are not lists ----

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/worksheets/sheet1.xml',
  'xl/sharedStrings.xml',
];
const encodeText = (text: string, encoding: string) =>
  encoding === 'utf8'
    ? Buffer.from(text, 'utf8')
    : encoding === 'utf16le'
      ? Buffer.from(`\ufeff${text}`, 'utf16le')
      : Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc
    .tuple(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('utf8', 'utf16le', 'utf16be'))
    .map(([t, e]) => encodeText(t, e)),
  fc.tuple(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('utf8', 'utf16le', 'utf16be')).map(([t, e]) => encodeText(t, e)),
  // Text shaped like CSV: headers and cells from the vocabulary, cut by random quotes, commas, line breaks and BOMs.
  fc
    .array(
      fc.constantFrom(
        'product_name',
        'Tên sản phẩm',
        'province',
        'Cấp',
        'year',
        'Chè',
        '2024',
        'Hà Nội',
        '"',
        ',',
        '\n',
        '\r\n',
        '""',
        '\ufeff',
        ' ',
        'x',
      ),
      {
        maxLength: 60,
      },
    )
    .map((parts) => Buffer.from(parts.join(''), 'utf8')),
  fc.uint8Array({ maxLength: 400 }).map((rest) => Buffer.from([...ZIP_MAGIC, ...rest])),
  // Real archives with workbook-like parts holding anything.
  fc
    .array(fc.record({ name: fc.constantFrom(...PARTS), data: fc.string({ maxLength: 200 }), deflate: fc.boolean() }), {
      minLength: 1,
      maxLength: 6,
    })
    .map((parts) => makeZip(parts)),
  // A real workbook with a few bytes changed.
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }).map((edits) => {
    const bytes = Buffer.from(workbookBytes);
    for (const [at, value] of edits) bytes[at % bytes.length] = value;
    return bytes;
  }),
);

describe('whatever bytes arrive (R18, R19)', () => {
  it('importList and previewImport never throw, and a refused file writes nothing at all', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.constantFrom<ImportMode>('all', 'valid'), async (bytes, mode) => {
        const before = await tableCounts();
        const outcome = await importList(database, bytes, { actor, mode, currentYear });
        if (outcome.ok) {
          // Rarely, random text is a list: then every row it reports is really there.
          const ids = outcome.summary.outcomes.map((o) => o.certificationId);
          const found = await database.client.execute(`SELECT count(*) AS n FROM certifications WHERE id IN (${ids.join(',') || 0})`);
          expect(Number(found.rows[0]!['n'])).toBe(new Set(ids).size);
          return;
        }
        expect(outcome.errors.length).toBeGreaterThan(0);
        expect(await tableCounts()).toEqual(before);
        // The preview of a refused file writes nothing either, and never shows it as a clean list.
        const preview = await previewImport(database, bytes, { currentYear });
        expect(preview.fileErrors.length > 0 || preview.counts.error > 0 || preview.rows.length === 0).toBe(true);
        expect(await tableCounts()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});

describe('generated lists, written every way (CSV or XLSX, quotes, line ends, BOM, UTF-16)', () => {
  it('mode "all": imported whole when every row is valid, else refused with nothing written; the preview agrees', async () => {
    await fc.assert(
      fc.asyncProperty(listArb, async (spec) => {
        const list = await materialise(spec);
        const valid = list.rows.filter((r) => r.fault === null);
        const before = await tableCounts();

        const preview = await previewImport(database, list.bytes, { currentYear });
        expect(await tableCounts()).toEqual(before);
        if (list.headerOk) {
          expect(preview.fileErrors).toEqual([]);
          expect(preview.counts).toEqual({ new: valid.length, update: 0, duplicate: 0, error: list.rows.length - valid.length });
        } else expect(preview.fileErrors.length).toBeGreaterThan(0);

        const outcome = await importList(database, list.bytes, { actor, currentYear });
        const acceptable = list.headerOk && list.rows.length > 0 && valid.length === list.rows.length;
        expect(outcome.ok, JSON.stringify(outcome.errors)).toBe(acceptable);
        if (!outcome.ok) {
          expect(await tableCounts()).toEqual(before);
          return;
        }
        expect(await certifiedNames(list.mark)).toEqual(valid.map((r) => r.name).sort());
        // One audit row per record created, and the import's own (R24).
        const { created } = outcome.summary;
        const after = await tableCounts();
        expect(after['audit_log']! - before['audit_log']!).toBe(
          created.certifications + created.products + created.establishments + outcome.summary.createdDecisions + 1,
        );
        expect(after['certifications']! - before['certifications']!).toBe(valid.length);
      }),
      { numRuns: 60 },
    );
  });

  it('mode "valid": the rows written are exactly the valid ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        listArb.map((spec) => ({ ...spec, brokenHeader: null })),
        async (spec) => {
          const list = await materialise(spec);
          const valid = list.rows.filter((r) => r.fault === null);
          const before = await tableCounts();
          const outcome = await importList(database, list.bytes, { actor, mode: 'valid', currentYear });
          expect(outcome.ok).toBe(valid.length > 0);
          if (!outcome.ok) {
            expect(await tableCounts()).toEqual(before);
            return;
          }
          expect(new Set(outcome.errors.map((e) => e.line)).size).toBe(list.rows.length - valid.length);
          expect(await certifiedNames(list.mark)).toEqual(valid.map((r) => r.name).sort());
          // No product either for a rejected row.
          expect(await productCount(list.mark)).toBe(valid.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
