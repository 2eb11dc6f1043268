import { describe, expect, it } from 'vitest';
import { adminListHeader, adminListTable, formatUpdatedAt, recordStatusLabel } from '#domain/export/admin-list.ts';
import { exportFileName } from '#domain/export/sheet.ts';

describe('adminListHeader', () => {
  it('puts the name first and the status and last change after the kind’s own columns', () => {
    expect(adminListHeader(['Tỉnh/thành', 'Loại hình'])).toEqual([
      'Tên',
      'Tỉnh/thành',
      'Loại hình',
      'Trạng thái',
      'Sửa lần cuối (giờ Việt Nam, UTC+7)',
    ]);
  });
});

describe('recordStatusLabel', () => {
  it.each([
    ['draft', 'Bản nháp'],
    ['published', 'Đã công bố'],
  ] as const)('labels %s as “%s”', (status, label) => {
    expect(recordStatusLabel(status)).toBe(label);
  });
});

describe('formatUpdatedAt', () => {
  it("shows '2026-05-16T08:30:12.345Z' in Vietnam time as '16/05/2026 15:30'", () => {
    expect(formatUpdatedAt('2026-05-16T08:30:12.345Z')).toBe('16/05/2026 15:30');
  });
});

describe('adminListTable', () => {
  const rows = [
    {
      title: 'HTX Mây tre đan Phú Vinh',
      cells: ['Hà Nội', null, 12],
      status: 'published' as const,
      updatedAt: '2026-01-02T03:04:05.000Z',
    },
    { title: '=Đồ gỗ Đồng Kỵ', cells: [null, 'Hộ kinh doanh', 0], status: 'draft' as const, updatedAt: '2025-12-31T23:59:00.000Z' },
  ];

  it('holds one row per record, cells in the order of the header', () => {
    const table = adminListTable('Cơ sở sản xuất', ['Tỉnh/thành', 'Loại hình', 'Sản phẩm'], rows);
    expect(table.name).toBe('Cơ sở sản xuất');
    expect(table.header).toHaveLength(6);
    expect(table.rows).toEqual([
      ['HTX Mây tre đan Phú Vinh', 'Hà Nội', null, 12, 'Đã công bố', '02/01/2026 10:04'],
      ['=Đồ gỗ Đồng Kỵ', null, 'Hộ kinh doanh', 0, 'Bản nháp', '01/01/2026 06:59'],
    ]);
  });

  it('keeps empty values empty and counts as numbers (the page shows “—”; a spreadsheet sums numbers)', () => {
    const [first] = adminListTable('x', ['a', 'b', 'c'], rows).rows;
    expect(first![2]).toBeNull();
    expect(typeof first![3]).toBe('number');
  });
});

describe('exportFileName', () => {
  it.each([
    ['certifications', 'csv', 'certifications-2026-05-16.csv'],
    ['exhibitors', 'xlsx', 'exhibitors-2026-05-16.xlsx'],
  ] as const)('names the %s %s download after the day', (base, format, name) => {
    expect(exportFileName(base, '2026-05-16', format)).toBe(name);
  });
});
