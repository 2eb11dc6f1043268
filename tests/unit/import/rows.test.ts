import { describe, expect, it } from 'vitest';
import { seedProvinceUnits } from '#db/reference.ts';
import { formatIssue, mapHeader } from '#domain/import/columns.ts';
import { validateImport } from '#domain/import/rows.ts';

const provinces = seedProvinceUnits();
const context = { provinces, currentYear: 2026 };
const HEADER = 'product_name,producer,province,product_group,level,year,decision_no,score,source_url';
const validate = (...rows: string[]) => validateImport([HEADER, ...rows].join('\n'), context);

describe('mapHeader', () => {
  it('accepts the Vietnamese headers, with or without marks', () => {
    const { positions, errors } = mapHeader(['Tên sản phẩm', 'Tinh/Thanh pho', 'Cấp', 'NĂM']);
    expect(errors).toEqual([]);
    expect(Object.keys(positions).sort()).toEqual(['level', 'productName', 'province', 'year']);
  });

  it('names every missing required column on line 1', () => {
    const { errors } = mapHeader(['product_name', 'producer']);
    expect(errors.map(formatIssue)).toEqual([
      'line 1, column province: required column missing (header "province" or "Tỉnh/Thành phố")',
      'line 1, column level: required column missing (header "level" or "Cấp")',
      'line 1, column year: required column missing (header "year" or "Năm")',
    ]);
  });

  it('refuses a column given twice and warns about unknown ones', () => {
    const { errors, warnings } = mapHeader(['product_name', 'Tên sản phẩm', 'notes']);
    expect(errors[0]?.reason).toMatch(/appears twice/);
    expect(warnings[0]).toMatchObject({ column: 'notes' });
  });
});

describe('validateImport', () => {
  it('normalises a valid row', () => {
    const { rows, errors } = validate(
      '  Trà Ô Long ,Công ty CP Chè Thái Bình,Tỉnh Lạng Sơn,1,quốc gia,2021,1997/QĐ-BCT,"85,5",https://example.vn/a',
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      line: 2,
      productName: 'Trà Ô Long',
      province: { name: 'Lạng Sơn', era: 'pre2025' },
      group: 'handicraft',
      level: { level: 'national', region: null },
      year: 2021,
      score: 85.5,
    });
  });

  it('turns decomposed input into NFC', () => {
    const { rows } = validate('Tra\u0300 O\u0302 Long,HTX A,Lạng Sơn,,national,2021,,,');
    expect(rows[0]?.productName).toBe('Trà Ô Long');
  });

  it('reports each bad cell with its line and column and keeps going', () => {
    const { errors } = validate(
      'Trà,HTX A,Lạng Sơn,,bogus,2021,,,',
      ',HTX A,Lạng Sơn,,national,21,,,',
      'Chè,HTX A,Atlantis,nhóm 9,national,2021,,120,ftp://x',
    );
    expect(errors.map(formatIssue)).toEqual([
      expect.stringMatching(/^line 2, column level: unknown level "bogus"/),
      'line 3, column product_name: product name is required',
      'line 3, column year: "21" is not a 4-digit year',
      expect.stringMatching(/^line 4, column province: unknown province "Atlantis"; closest: /),
      expect.stringMatching(/^line 4, column product_group: unknown product group "nhóm 9"/),
      'line 4, column score: score "120" must be a number from 0 to 100',
      'line 4, column source_url: "ftp://x" is not an http(s) address',
    ]);
  });

  it('warns, without failing, about a missing producer and an http source', () => {
    const { rows, errors, warnings } = validate('Trà,,Lạng Sơn,,national,2021,,,http://example.vn/');
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(warnings.map((w) => w.column)).toEqual(['source_url', 'producer']);
  });

  it('skips a second row for the same certification with a warning', () => {
    const { rows, warnings } = validate('Trà,HTX A,Lạng Sơn,,national,2021,,,', 'TRÀ,Hợp tác xã A,Lạng Sơn,,quốc gia,2021,,,');
    expect(rows).toHaveLength(1);
    expect(warnings[0]?.reason).toBe('same certification as line 2; this row is skipped');
  });

  it('reports a header-only file', () => {
    expect(validate().errors.map(formatIssue)).toEqual(['line 2: the file has a header but no rows']);
  });

  it('refuses a year after next year', () => {
    expect(validate('Trà,HTX A,Lạng Sơn,,national,2031,,,').errors[0]?.reason).toBe('2031 is outside 2000–2027');
  });
});

describe('validateImport with the forms’ field rules (#17.7)', () => {
  it('strips zero-width characters from every cell, so a province with one still resolves', () => {
    const { rows, errors } = validate('Trà\u200b Ô Long,HTX\u200c Tân Cương,Lạng\u200b Sơn,,national,20\u200b21,,,');
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ productName: 'Trà Ô Long', producer: 'HTX Tân Cương', province: { name: 'Lạng Sơn' }, year: 2021 });
  });

  it('refuses a bidi override in any column, naming line, column and character', () => {
    const { rows, errors } = validate(
      'Nước mắm,Cơ sở \u202eòH nớưS,Kiên Giang,,national,2021,,,',
      'Trà,HTX A,Lạng Sơn,,\u2066national,2021,,,',
    );
    expect(rows).toEqual([]);
    expect(errors.map(formatIssue)).toEqual([
      'line 2, column producer: contains the text-direction control U+202E, which can make the text display reversed; retype it or paste it as plain text',
      'line 3, column level: contains the text-direction control U+2066, which can make the text display reversed; retype it or paste it as plain text',
    ]);
  });

  it('refuses what the admin forms would refuse: an over-long name, producer or decision number', () => {
    const { rows, errors } = validate(
      `${'Trà '.repeat(100)},HTX A,Lạng Sơn,,national,2021,,,`,
      `Trà,${'Đ'.repeat(201)},Lạng Sơn,,national,2021,,,`,
      `Trà,HTX A,Lạng Sơn,,national,2021,${'9'.repeat(81)},,`,
    );
    expect(rows).toEqual([]);
    expect(errors.map(formatIssue)).toEqual([
      'line 2, column product_name: 399 characters; at most 300 are accepted (as in the admin form)',
      'line 3, column producer: 201 characters; at most 200 are accepted (as in the admin form)',
      'line 4, column decision_no: 81 characters; at most 80 are accepted (as in the admin form)',
    ]);
  });
});
