import { describe, expect, it } from 'vitest';
import { seedProvinceUnits } from '#db/reference.ts';
import { closestProvinceNames, provincialCommitteeName, provinceKey, provinceWithSuccessor, resolveProvince } from '#domain/provinces.ts';

const units = seedProvinceUnits();

describe('the seed units', () => {
  it('hold the 63 old provinces and the 34 current ones', () => {
    expect(units.filter((u) => u.era === 'pre2025')).toHaveLength(63);
    expect(units.filter((u) => u.era === 'current')).toHaveLength(34);
  });

  it('put every old province in exactly one region: 28 north, 15 central, 20 south', () => {
    const old = units.filter((u) => u.era === 'pre2025');
    expect(old.filter((u) => u.region === 'north')).toHaveLength(28);
    expect(old.filter((u) => u.region === 'central')).toHaveLength(15);
    expect(old.filter((u) => u.region === 'south')).toHaveLength(20);
  });

  it('leave the region of new Lâm Đồng open because it spans two regions', () => {
    expect(units.find((u) => u.era === 'current' && u.name === 'Lâm Đồng')?.region).toBeNull();
    expect(units.find((u) => u.era === 'current' && u.name === 'Bắc Ninh')?.region).toBe('north');
  });
});

describe('provinceKey', () => {
  it.each([
    ['Tỉnh Bắc Giang', 'bac giang'],
    ['TP. Hồ Chí Minh', 'ho chi minh'],
    ['Thành phố Hà Nội', 'ha noi'],
    ['bac giang', 'bac giang'],
    ['Bà Rịa - Vũng Tàu', 'ba ria vung tau'],
    ['Thanh Hoá', 'thanh hoa'],
    ['  ĐẮK   LẮK ', 'dak lak'],
    ['Ba\u0300 Ri\u0323a – Vu\u0303ng Ta\u0300u', 'ba ria vung tau'],
  ])('folds %j to %j', (input, key) => {
    expect(provinceKey(input)).toBe(key);
  });
});

describe('resolveProvince', () => {
  it('finds an old province under any spelling', () => {
    for (const spelling of ['Tỉnh Bắc Giang', 'bac giang', 'BẮC GIANG']) {
      const match = resolveProvince(units, spelling, { year: 2021 });
      expect(match.ok && match.unit).toMatchObject({ name: 'Bắc Giang', era: 'pre2025', successorName: 'Bắc Ninh' });
    }
  });

  it('picks the unit of the era the record belongs to when a name exists in both', () => {
    const before = resolveProvince(units, 'Bắc Ninh', { year: 2021 });
    const after = resolveProvince(units, 'Bắc Ninh', { year: 2026 });
    expect(before.ok && before.unit.era).toBe('pre2025');
    expect(after.ok && after.unit.era).toBe('current');
  });

  it('uses the decision date around the merger when there is one', () => {
    const match = resolveProvince(units, 'Bắc Ninh', { year: 2025, date: '2025-08-15' });
    expect(match.ok && match.unit.era).toBe('current');
  });

  it('understands the short forms lists use for Ho Chi Minh City and Huế', () => {
    const hcm = resolveProvince(units, 'TP HCM', { year: 2022 });
    expect(hcm.ok && hcm.unit.name).toBe('Hồ Chí Minh');
    const hue = resolveProvince(units, 'Huế', { year: 2022 });
    expect(hue.ok && hue.unit.name).toBe('Thừa Thiên Huế');
  });

  it('suggests the closest names for an unknown province', () => {
    const match = resolveProvince(units, 'Bắc Giangg', { year: 2021 });
    expect(match.ok).toBe(false);
    if (!match.ok) expect(match.suggestions[0]).toBe('Bắc Giang');
  });
});

describe('closestProvinceNames', () => {
  it('returns three names, nearest first', () => {
    expect(closestProvinceNames(units, provinceKey('Lang Son'))).toHaveLength(3);
    expect(closestProvinceNames(units, provinceKey('Lang Son'))[0]).toBe('Lạng Sơn');
  });
});

describe('provinceWithSuccessor', () => {
  it('adds the current province only where it changed', () => {
    expect(provinceWithSuccessor('Bắc Giang', 'Bắc Ninh')).toBe('Bắc Giang (nay thuộc Bắc Ninh)');
    expect(provinceWithSuccessor('Lạng Sơn', 'Lạng Sơn')).toBe('Lạng Sơn');
    expect(provinceWithSuccessor('Bắc Giang', 'Bắc Ninh', 'en')).toBe('Bắc Giang (now part of Bắc Ninh)');
  });
});

describe('provincialCommitteeName', () => {
  it('names the committee the way decisions do', () => {
    expect(provincialCommitteeName({ name: 'Lạng Sơn', unitType: 'province' })).toBe('UBND tỉnh Lạng Sơn');
    expect(provincialCommitteeName({ name: 'Hà Nội', unitType: 'city' })).toBe('UBND thành phố Hà Nội');
  });
});
