import { describe, expect, it } from 'vitest';
import { isProvinceInRegion, regionalProvinceProblem } from '#domain/admin/certification-province.ts';

const oldProvince = (name: string, regionCode: string | null) => ({ name, regionCode, predecessorRegions: [] });

describe('isProvinceInRegion', () => {
  it('finds an old province in its own region', () => {
    expect(isProvinceInRegion(oldProvince('Bắc Giang', 'north'), 'north')).toBe(true);
  });
  it('refuses an old province of another region', () => {
    expect(isProvinceInRegion(oldProvince('Cà Mau', 'south'), 'north')).toBe(false);
  });
  it('finds a merged province in each region one of its old provinces belonged to (Lâm Đồng)', () => {
    const lamDong = { name: 'Lâm Đồng', regionCode: null, predecessorRegions: ['central', 'south', 'central'] };
    expect(isProvinceInRegion(lamDong, 'central')).toBe(true);
    expect(isProvinceInRegion(lamDong, 'south')).toBe(true);
    expect(isProvinceInRegion(lamDong, 'north')).toBe(false);
  });
  it('refuses a province with no region data', () => {
    expect(isProvinceInRegion(oldProvince('Không rõ', null), 'south')).toBe(false);
  });
});

describe('regionalProvinceProblem', () => {
  it('says nothing when the province fits', () => {
    expect(regionalProvinceProblem(oldProvince('Thái Nguyên', 'north'), 'north')).toBeNull();
  });
  it('names the province and the region in Vietnamese when it does not', () => {
    expect(regionalProvinceProblem(oldProvince('Đồng Tháp', 'south'), 'north')).toBe(
      'Đồng Tháp không thuộc Khu vực phía Bắc: chứng nhận cấp khu vực phải ở một tỉnh của khu vực đó. Hãy chọn lại tỉnh/thành hoặc khu vực.',
    );
  });
});
