import { describe, expect, it } from 'vitest';
import { ACCEPTED_LEVEL_CODES, levelCode, levelLabel, parseLevel } from '#domain/levels.ts';

describe('parseLevel', () => {
  it.each([
    ['national', 'national'],
    ['quốc gia', 'national'],
    ['Cấp quốc gia', 'national'],
    ['CAP QUOC GIA', 'national'],
    ['National', 'national'],
    ['regional_north', 'regional_north'],
    ['khu vực phía Bắc', 'regional_north'],
    ['Cấp khu vực phía Bắc', 'regional_north'],
    ['khu vuc phia bac', 'regional_north'],
    ['Regional (North)', 'regional_north'],
    ['regional north', 'regional_north'],
    ['regional_central', 'regional_central'],
    ['khu vực miền Trung – Tây Nguyên', 'regional_central'],
    ['Khu vực miền Trung - Tây Nguyên', 'regional_central'],
    ['khu vực miền Trung', 'regional_central'],
    ['regional_south', 'regional_south'],
    ['phía Nam', 'regional_south'],
    ['Cấp khu vực (phía Nam)', 'regional_south'],
    ['provincial', 'provincial'],
    ['tỉnh', 'provincial'],
    ['Cấp tỉnh', 'provincial'],
    ['Provincial', 'provincial'],
    ['huyện', 'district'],
    ['district', 'district'],
    ['xã', 'commune'],
    ['Cấp xã', 'commune'],
    ['Ca\u0302\u0301p ti\u0309nh', 'provincial'],
  ])('reads %j as %s', (input, code) => {
    const parsed = parseLevel(input);
    expect(parsed && levelCode(parsed)).toBe(code);
  });

  it.each(['khu vực', 'regional', 'quốc tế', '', 'tinh thanh', 'national 2'])('refuses %j', (input) => {
    expect(parseLevel(input)).toBeNull();
  });

  it('accepts every documented import code', () => {
    for (const code of ACCEPTED_LEVEL_CODES) expect(parseLevel(code) && levelCode(parseLevel(code)!)).toBe(code);
  });
});

describe('levelLabel', () => {
  it('names the region of a regional level', () => {
    expect(levelLabel({ level: 'regional', region: 'south' }, 'vi')).toBe('Cấp khu vực – Khu vực phía Nam');
    expect(levelLabel({ level: 'regional', region: 'north' }, 'en')).toBe('Regional – Northern region');
    expect(levelLabel({ level: 'national', region: null }, 'vi')).toBe('Cấp quốc gia');
  });
});
