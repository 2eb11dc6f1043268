import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareBoothCodes,
  fairLevelLabel,
  fairPhase,
  groupFairsByPhase,
  inferFairLevel,
  normalizeBoothCode,
  parseBoothCount,
} from '#domain/fairs.ts';

describe('inferFairLevel', () => {
  it.each([
    ['Hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2024', { level: 'regional', region: 'north' }],
    ['Hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu cấp khu vực (phía Nam) năm 2024', { level: 'regional', region: 'south' }],
    ['Triển lãm hội chợ … (kèm Lễ tôn vinh sản phẩm CNNT tiêu biểu cấp quốc gia 2019)', { level: 'national', region: null }],
    ['Hội chợ cấp vùng thuộc Chương trình khuyến công quốc gia tại Hải Phòng năm 2013', { level: 'regional', region: null }],
    ['Hội chợ công nghiệp nông thôn – thương mại tại Tiền Giang năm 2014', null],
  ])('reads %j', (name, expected) => {
    expect(inferFairLevel(name)).toEqual(expected);
  });
});

describe('parseBoothCount', () => {
  it.each([
    ['270', { count: 270, isMinimum: false }],
    ['500+', { count: 500, isMinimum: true }],
    ['trên 1.000', { count: 1000, isMinimum: true }],
    ['', null],
  ])('reads %j', (text, expected) => {
    expect(parseBoothCount(text)).toEqual(expected);
  });
});

describe('normalizeBoothCode', () => {
  it.each([
    ['A12', 'A12'],
    ['a 012', 'A12'],
    ['A-12', 'A12'],
    ['a.12', 'A12'],
    ['Gian hàng A12', 'A12'],
    ['gian A 12', 'A12'],
    ['Booth B2-05', 'B2-5'],
    ['  c_7 ', 'C7'],
    ['12', '12'],
    ['012A', '12-A'],
    ['Đ3', 'D3'],
    ['A–12', 'A12'],
    ['#45', '45'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeBoothCode(input)).toBe(expected);
  });

  it.each(['', '   ', 'Gian hàng', 'A12; DROP TABLE', '<b>1</b>', 'A1-B2-C3-D4-E5', 'A'.repeat(30)])('refuses %j', (input) => {
    expect(normalizeBoothCode(input)).toBeNull();
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normalizeBoothCode(s);
        return once === null || normalizeBoothCode(once) === once;
      }),
    );
  });
});

describe('compareBoothCodes', () => {
  it('orders booths as people count them, missing codes last', () => {
    const codes = ['B1', 'A10', null, 'A2', 'A1', '12', '2', 'B2-5', 'B2-10', 'AA1'];
    expect([...codes].sort(compareBoothCodes)).toEqual(['2', '12', 'A1', 'A2', 'A10', 'AA1', 'B1', 'B2-5', 'B2-10', null]);
  });

  it('is a total order consistent with equality', () => {
    const code = fc.option(fc.stringMatching(/^[A-D]{1,2}\d{1,3}(-\d{1,2})?$/), { nil: null });
    fc.assert(
      fc.property(
        code,
        code,
        (a, b) =>
          Math.sign(compareBoothCodes(a, b)) === -Math.sign(compareBoothCodes(b, a)) && (compareBoothCodes(a, b) === 0) === (a === b),
      ),
    );
  });
});

describe('fairPhase and groupFairsByPhase', () => {
  const fair = (startDate: string | null, endDate: string | null, name = 'Hội chợ') => ({ name, startDate, endDate });
  it.each([
    [fair('2024-05-16', '2024-05-19'), '2024-05-15', 'upcoming'],
    [fair('2024-05-16', '2024-05-19'), '2024-05-16', 'current'],
    [fair('2024-05-16', '2024-05-19'), '2024-05-19', 'current'],
    [fair('2024-05-16', '2024-05-19'), '2024-05-20', 'past'],
    [fair('2024-10-10', null), '2024-10-10', 'current'],
    [fair(null, '2014-10-04'), '2026-12-03', 'past'],
    [fair(null, null, 'Hội chợ phía Nam năm 2022'), '2026-12-03', 'past'],
    [fair(null, null, 'Hội chợ năm 2026'), '2026-12-03', 'undated'],
    [fair(null, null, 'Hội chợ'), '2026-12-03', 'undated'],
  ] as const)('%j on %s is %s', (f, today, phase) => {
    expect(fairPhase(f, today)).toBe(phase);
  });

  it('lists upcoming soonest first and past newest first', () => {
    const groups = groupFairsByPhase(
      [fair('2027-03-01', null, 'c'), fair('2027-01-01', null, 'b'), fair('2019-09-18', null, 'x'), fair('2024-05-16', null, 'y')],
      '2026-12-03',
    );
    expect(groups.upcoming.map((f) => f.name)).toEqual(['b', 'c']);
    expect(groups.past.map((f) => f.name)).toEqual(['y', 'x']);
  });
});

describe('fairLevelLabel', () => {
  it('names regional fairs with their region', () => {
    expect(fairLevelLabel({ level: 'regional', regionCode: 'north' }, 'vi')).toBe('Cấp khu vực – Khu vực phía Bắc');
    expect(fairLevelLabel({ level: 'national', regionCode: null }, 'en')).toBe('National');
    expect(fairLevelLabel({ level: null, regionCode: null }, 'vi')).toBeNull();
  });
});
