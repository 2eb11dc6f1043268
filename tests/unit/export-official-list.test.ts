import { describe, expect, it } from 'vitest';
import { seedProvinceUnits } from '#db/reference.ts';
import { writeCsv } from '#domain/csv-write.ts';
import { establishmentKey } from '#domain/establishments.ts';
import { listedNames, officialListRow, officialListTable, type OfficialListRecord } from '#domain/export/official-list.ts';
import { parseProductGroup, PRODUCT_GROUPS } from '#domain/groups.ts';
import { IMPORT_COLUMNS, mapHeader } from '#domain/import/columns.ts';
import { validateImport } from '#domain/import/rows.ts';
import { ACCEPTED_LEVEL_CODES, parseLevel, type LevelValue } from '#domain/levels.ts';
import { compactKey } from '#domain/text.ts';

const provinces = seedProvinceUnits();

/** A certification as an import of one row would have recorded it (its import key made from the same names). */
function record(over: Partial<OfficialListRecord> = {}): OfficialListRecord {
  const base: OfficialListRecord = {
    productName: 'Trà Ô Long',
    productNameAsPublished: 'Trà Ô Long',
    establishmentName: 'Công ty CP Chè Thái Bình',
    producerNameAsPublished: 'Công ty CP Chè Thái Bình',
    province: 'Lạng Sơn',
    currentProvince: 'Lạng Sơn',
    group: 'food',
    level: { level: 'national', region: null },
    year: 2021,
    decisionNo: '1997/QĐ-BCT',
    certificateNo: 'GCN-2021/045',
    score: 85.5,
    sourceUrl: 'https://example.vn/tra',
    importKey: null,
    ...over,
  };
  const producer = base.producerNameAsPublished;
  const key = [
    compactKey(base.productNameAsPublished ?? base.productName),
    producer ? establishmentKey(producer, [base.province, base.currentProvince]) : `@${compactKey(base.province)}`,
    'x',
    base.year,
  ].join('|');
  return { ...base, importKey: over.importKey === undefined ? key : over.importKey };
}

/** The file the records make, read back by the importer's validation. */
function reimport(records: OfficialListRecord[], spelling: 'en' | 'vi') {
  const table = officialListTable(records, spelling);
  return validateImport(writeCsv([table.header, ...table.rows]), { provinces, currentYear: 2026 });
}

const ALL_LEVELS: LevelValue[] = ACCEPTED_LEVEL_CODES.map((code) => parseLevel(code)!);

describe('officialListTable', () => {
  it.each(['en', 'vi'] as const)('writes a header the importer maps completely (%s)', (spelling) => {
    const { header } = officialListTable([], spelling);
    expect(header).toEqual(IMPORT_COLUMNS.map((c) => c[spelling]));
    expect(mapHeader(header)).toMatchObject({ errors: [], warnings: [] });
  });

  it('names the sheet in the spelling of its header', () => {
    expect(officialListTable([], 'en').name).toBe('certifications');
    expect(officialListTable([], 'vi').name).toBe('Chứng nhận');
  });
});

describe('officialListRow', () => {
  it('writes one cell per import column, numbers as numbers and missing values as empty', () => {
    const row = officialListRow(record({ group: null, decisionNo: null, certificateNo: null, score: null, sourceUrl: null }), 'en');
    expect(row).toEqual(['Trà Ô Long', 'Công ty CP Chè Thái Bình', 'Lạng Sơn', null, 'national', 2021, null, null, null, null, null, null]);
  });

  it('writes the English names staff recorded in product_name_en and producer_en (DESIGN.md) (#18.2)', () => {
    const at = (key: string) => IMPORT_COLUMNS.findIndex((c) => c.key === key);
    const row = officialListRow(record({ productNameEn: 'Oolong tea', establishmentNameEn: 'Thai Binh Tea JSC' }), 'en');
    expect(officialListTable([record()], 'en').header.slice(-2)).toEqual(['product_name_en', 'producer_en']);
    expect(row[at('productNameEn')]).toBe('Oolong tea');
    expect(row[at('producerNameEn')]).toBe('Thai Binh Tea JSC');
  });

  it('leaves the English producer name out when the row names no producer', () => {
    const at = IMPORT_COLUMNS.findIndex((c) => c.key === 'producerNameEn');
    const row = officialListRow(record({ establishmentName: null, producerNameAsPublished: null, establishmentNameEn: 'Orphan' }), 'en');
    expect(row[at]).toBeNull();
  });

  it('writes the certificate number as printed, in the certificate_no column', () => {
    const at = IMPORT_COLUMNS.findIndex((c) => c.key === 'certificateNo');
    expect(officialListTable([record()], 'en').header[at]).toBe('certificate_no');
    expect(officialListTable([record()], 'vi').header[at]).toBe('Số giấy chứng nhận');
    expect(officialListRow(record(), 'vi')[at]).toBe('GCN-2021/045');
  });

  it.each(ALL_LEVELS)('writes level %j as a code and as Vietnamese words, both read back the same', (level) => {
    const at = IMPORT_COLUMNS.findIndex((c) => c.key === 'level');
    const en = officialListRow(record({ level }), 'en')[at] as string;
    const vi = officialListRow(record({ level }), 'vi')[at] as string;
    expect(ACCEPTED_LEVEL_CODES).toContain(en);
    expect(vi).toMatch(/^Cấp /);
    expect(parseLevel(en)).toEqual(level);
    expect(parseLevel(vi)).toEqual(level);
  });

  it.each(PRODUCT_GROUPS.map((g) => g.code))('writes group %s as its code or its Vietnamese name, both read back', (group) => {
    const at = IMPORT_COLUMNS.findIndex((c) => c.key === 'productGroup');
    expect(parseProductGroup(officialListRow(record({ group }), 'en')[at] as string)).toBe(group);
    expect(parseProductGroup(officialListRow(record({ group }), 'vi')[at] as string)).toBe(group);
  });

  it('keeps the province as certified, not the current one', () => {
    const row = officialListRow(record({ province: 'Bắc Giang', currentProvince: 'Bắc Ninh', year: 2021 }), 'en');
    expect(row[2]).toBe('Bắc Giang');
  });
});

describe('listedNames', () => {
  it('writes the names as published when the product and establishment were renamed since', () => {
    const r = record({ productName: 'Trà Ô Long Thái Bình (mới)', establishmentName: 'Công ty Cổ phần Chè Thái Bình Lạng Sơn' });
    expect(listedNames(r)).toEqual({ productName: 'Trà Ô Long', producer: 'Công ty CP Chè Thái Bình' });
  });

  it('writes the current names when the import key was made from them (a certification entered by staff)', () => {
    const r = record({ productNameAsPublished: 'Tra O Long (bản cũ)', producerNameAsPublished: 'HTX khác' });
    const key = `${compactKey('Trà Ô Long')}|${establishmentKey('Công ty CP Chè Thái Bình', ['Lạng Sơn'])}|national|2021`;
    expect(listedNames({ ...r, importKey: key })).toEqual({ productName: 'Trà Ô Long', producer: 'Công ty CP Chè Thái Bình' });
  });

  it('leaves the producer empty when the list had none, even after staff gave the product an establishment', () => {
    const r = record({ producerNameAsPublished: null });
    expect(r.importKey).toMatch(/\|@langson\|/);
    expect(listedNames(r)).toEqual({ productName: 'Trà Ô Long', producer: null });
  });

  it('falls back to the names as published, then the current ones, without an import key', () => {
    expect(listedNames(record({ importKey: null }))).toEqual({ productName: 'Trà Ô Long', producer: 'Công ty CP Chè Thái Bình' });
    expect(listedNames(record({ importKey: null, productNameAsPublished: null, producerNameAsPublished: null }))).toEqual({
      productName: 'Trà Ô Long',
      producer: 'Công ty CP Chè Thái Bình',
    });
    expect(listedNames(record({ importKey: null, establishmentName: null, producerNameAsPublished: null })).producer).toBeNull();
  });
});

describe('an exported list read back by the importer', () => {
  const records = [
    record(),
    record({
      productName: 'Bộ sản phẩm bản lề cửa (Bản lề Âm dương 100×2.4-201; Bản lề cối cửa thép C127)',
      productNameAsPublished: 'Bộ sản phẩm bản lề cửa (Bản lề Âm dương 100×2.4-201; Bản lề cối cửa thép C127)',
      establishmentName: 'Công ty TNHH Cơ khí Đức Thịnh',
      producerNameAsPublished: 'Công ty TNHH Cơ khí Đức Thịnh',
      province: 'Bắc Giang',
      currentProvince: 'Bắc Ninh',
      group: 'machinery',
      level: { level: 'regional', region: 'north' },
      year: 2022,
      decisionNo: '=83/QĐ-CTĐP',
      score: null,
    }),
    record({
      productName: '@Đũa tre "Đồng Đăng", loại 1',
      productNameAsPublished: '@Đũa tre "Đồng Đăng", loại 1',
      establishmentName: '+Hộ kinh doanh Đặng Thị Đào',
      producerNameAsPublished: '+Hộ kinh doanh Đặng Thị Đào',
      province: 'Thừa Thiên Huế',
      currentProvince: 'Huế',
      group: 'handicraft',
      level: { level: 'district', region: null },
      year: 2024,
      decisionNo: '-12/QĐ-UBND',
      score: 0,
      sourceUrl: null,
    }),
    record({
      productName: 'Nước mắm Nam Ô',
      productNameAsPublished: 'Nước mắm Nam Ô',
      establishmentName: null,
      producerNameAsPublished: null,
      province: 'Đà Nẵng',
      currentProvince: 'Đà Nẵng',
      group: null,
      level: { level: 'commune', region: null },
      year: 2026,
      score: 100,
    }),
  ];

  it.each(['en', 'vi'] as const)('gives back every value, escapes undone and provinces of the right era (%s)', (spelling) => {
    const { rows, errors } = reimport(records, spelling);
    expect(errors).toEqual([]);
    expect(
      rows.map((r) => ({
        productName: r.productName,
        producer: r.producer,
        province: `${r.province.name} ${r.province.era}`,
        group: r.group,
        level: r.level,
        year: r.year,
        decisionNo: r.decisionNo,
        certificateNo: r.certificateNo,
        score: r.score,
        sourceUrl: r.sourceUrl,
      })),
    ).toEqual(
      records.map((r) => ({
        productName: r.productNameAsPublished,
        producer: r.producerNameAsPublished,
        province: `${r.province} ${r.year <= 2025 ? 'pre2025' : 'current'}`,
        group: r.group,
        level: r.level,
        year: r.year,
        decisionNo: r.decisionNo,
        certificateNo: r.certificateNo,
        score: r.score,
        sourceUrl: r.sourceUrl,
      })),
    );
  });

  it('reads a product set back with its items', () => {
    const { rows } = reimport(records, 'vi');
    expect(rows[1]).toMatchObject({ kind: 'set', setItems: ['Bản lề Âm dương 100×2.4-201', 'Bản lề cối cửa thép C127'] });
  });

  it('makes the import key the records were stored under', () => {
    const { rows } = reimport(records, 'en');
    expect(rows.map((r) => r.importKey.split('|').slice(0, 2))).toEqual(records.map((r) => r.importKey!.split('|').slice(0, 2)));
  });
});
