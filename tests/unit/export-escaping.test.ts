import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedProvinceUnits } from '#db/reference.ts';
import { writeCsv } from '#domain/csv-write.ts';
import { validateImport } from '#domain/import/rows.ts';
import { stripZeroWidth, textProblem } from '#domain/safe-text.ts';
import { normalizeText } from '#domain/text.ts';

const context = { provinces: seedProvinceUnits(), currentYear: 2026 };
const HEADER = ['product_name', 'producer', 'province', 'level', 'year', 'decision_no'];

/** A product name is at least two characters (as in the admin form): a short value gets a word after it. */
const asName = (value: string) => ([...value].length < 2 ? `${value} Huế` : value);

/** What the importer reads from a CSV whose product name and decision number cells hold `value`. */
function readBack(value: string) {
  const { rows, errors } = validateImport(writeCsv([HEADER, [asName(value), 'HTX Đông Đô', 'Hà Nội', 'provincial', 2024, value]]), context);
  expect(errors).toEqual([]);
  return { productName: rows[0]!.productName, decisionNo: rows[0]!.decisionNo };
}

describe('the importer undoes the export escape', () => {
  it.each(['=HYPERLINK("http://x")', '+84 912 345 678', '-', '@Đặng', "''@y", "'Đồng Đăng", "Nón lá 'Huế'", 'Bộ sản phẩm "Đũa", muỗng'])(
    'reads %j back as it was written',
    (value) => {
      expect(readBack(value)).toEqual({ productName: asName(value), decisionNo: value });
    },
  );

  it('reads one apostrophe before a formula character as the escape, as a spreadsheet does: text stored so loses it', () => {
    const { rows } = validateImport(['product_name,province,level,year', "'=Chè xanh,Hà Nội,provincial,2024"].join('\n'), context);
    expect(rows[0]?.productName).toBe('=Chè xanh');
    expect(readBack("'=Chè xanh").productName).toBe('=Chè xanh');
  });

  it('reads back any other text, whatever it starts with', () => {
    const start = fc.constantFrom('', '=', '+', '-', '@', "'", "''", "''-", 'đ', 'Đ');
    const text = fc.string({ unit: 'grapheme', maxLength: 20 });
    fc.assert(
      fc.property(start, text, (a, b) => {
        const value = normalizeText(a + b);
        // Only text that itself starts with the escape cannot come back (the test above).
        fc.pre(value !== '' && !/^'[=+\-@]/.test(value));
        // Control and text-direction characters are refused, zero-width ones removed (tests/unit/safe-text.test.ts).
        fc.pre(textProblem(value) === null && stripZeroWidth(value) === value);
        expect(readBack(value)).toEqual({ productName: asName(value), decisionNo: value });
      }),
      { numRuns: 300 },
    );
  });
});
