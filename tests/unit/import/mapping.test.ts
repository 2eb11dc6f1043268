import { describe, expect, it } from 'vitest';
import { headerSetKey } from '#domain/import/columns.ts';
import { MAPPING_FIELD, readMappingForm, suggestColumns } from '#domain/import/mapping.ts';

describe('suggestColumns', () => {
  it('reads the usual words of Vietnamese lists, each column once', () => {
    expect(suggestColumns(['STT', 'Tên sản phẩm', 'Đơn vị', 'Địa phương', 'Hạng', 'Năm công nhận', 'Ghi chú'])).toEqual([
      null,
      'productName',
      'producer',
      'province',
      'level',
      'year',
      null,
    ]);
    expect(suggestColumns(['SẢN PHẨM', 'CHỦ THỂ', 'TỈNH', 'CẤP', 'NĂM', 'SỐ QĐ', 'ĐIỂM', 'Nhóm'])).toEqual([
      'productName',
      'producer',
      'province',
      'level',
      'year',
      'decisionNo',
      'score',
      'productGroup',
    ]);
    // A documented header keeps its column; a second "tên" column does not take it again.
    expect(suggestColumns(['product_name', 'Tên cơ sở', 'Tên khác'])).toEqual(['productName', 'producer', null]);
  });

  it('leaves unknown headers unmapped', () => {
    expect(suggestColumns(['', 'x', 'Mã vạch'])).toEqual([null, null, null]);
  });
});

describe('readMappingForm', () => {
  const form = (values: string[]) => (name: string) => values[Number(name.replace('col-', ''))] ?? null;

  it('accepts each required column once, others ignored', () => {
    expect(readMappingForm(form(['productName', '', 'province', 'level', 'year']), 5)).toEqual({
      ok: true,
      columns: ['productName', null, 'province', 'level', 'year'],
    });
    expect(MAPPING_FIELD(3)).toBe('col-3');
  });

  it('refuses a missing required column, a column chosen twice and a forged value', () => {
    const read = readMappingForm(form(['productName', 'productName', 'province', '<script>', 'year']), 5);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.join(' ')).toContain('Cột 4: lựa chọn “<script>” không hợp lệ.');
    expect(read.errors.join(' ')).toContain('“Tên sản phẩm” được chọn cho 2 cột');
    expect(read.errors.join(' ')).toContain('Chưa chọn cột nào cho “Cấp”');
  });
});

describe('headerSetKey', () => {
  it('is the same for the same headers in any case, marks or spacing, and differs with order', () => {
    expect(headerSetKey(['Tên SP', 'Tỉnh / TP'])).toBe(headerSetKey(['ten sp', 'TINH-TP ']));
    expect(headerSetKey(['Tên SP', 'Tỉnh'])).not.toBe(headerSetKey(['Tỉnh', 'Tên SP']));
  });
});
