import { describe, expect, it } from 'vitest';
import {
  compareRoundsNewestFirst,
  groupDecisionsByYear,
  holdingSentence,
  holdingShort,
  roundShares,
  roundShareSentence,
} from '#domain/decision-view.ts';

describe('holdingSentence', () => {
  it('says x of y plainly in Vietnamese', () => {
    expect(holdingSentence({ held: 5, certified: 173 }, 'vi')).toBe('Sổ đăng ký có 5 trong số 173 sản phẩm mà quyết định này công nhận.');
  });

  it('says x of y plainly in English', () => {
    expect(holdingSentence({ held: 5, certified: 173 }, 'en')).toBe('The registry holds 5 of the 173 products this decision certified.');
  });

  it('says the source does not give the count when it is unknown', () => {
    expect(holdingSentence({ held: 1, certified: null }, 'en')).toBe(
      'The registry holds 1 product of this decision; the source does not say how many it certified.',
    );
    expect(holdingSentence({ held: 0, certified: null }, 'vi')).toMatch(/^Sổ đăng ký có 0 sản phẩm .*nguồn không cho biết/);
  });

  it('groups thousands as each language does', () => {
    expect(holdingSentence({ held: 1200, certified: 1500 }, 'vi')).toContain('1.200 trong số 1.500');
    expect(holdingSentence({ held: 1200, certified: 1500 }, 'en')).toContain('1,200 of the 1,500');
  });
});

describe('holdingShort', () => {
  it('writes "5 / 173", or the count alone when the total is unknown', () => {
    expect(holdingShort({ held: 5, certified: 173 }, 'en')).toBe('5 / 173');
    expect(holdingShort({ held: 5, certified: null }, 'en')).toBe('5');
  });
});

describe('groupDecisionsByYear', () => {
  const d = (number: string, roundYear: number, level: 'national' | 'regional' | 'provincial', decisionDate: string | null = null) => ({
    number,
    roundYear,
    level,
    decisionDate,
  });

  it('puts the newest year first and, within a year, the higher level first', () => {
    const groups = groupDecisionsByYear([
      d('1493/QĐ-UBND', 2022, 'provincial'),
      d('1997/QĐ-BCT', 2021, 'national'),
      d('76/QĐ-CTĐP', 2022, 'regional'),
    ]);
    expect(groups.map((g) => [g.year, g.decisions.map((x) => x.number)])).toEqual([
      [2022, ['76/QĐ-CTĐP', '1493/QĐ-UBND']],
      [2021, ['1997/QĐ-BCT']],
    ]);
  });

  it('orders decisions of one year and level by date, then by number as numbers', () => {
    const groups = groupDecisionsByYear([
      d('1345/QĐ-UBND', 2022, 'provincial', '2022-07-26'),
      d('944/QĐ-UBND', 2022, 'provincial', null),
      d('1493/QĐ-UBND', 2022, 'provincial', '2022-07-07'),
      d('95/QĐ-UBND', 2022, 'provincial', null),
    ]);
    expect(groups[0]!.decisions.map((x) => x.number)).toEqual(['95/QĐ-UBND', '944/QĐ-UBND', '1493/QĐ-UBND', '1345/QĐ-UBND']);
  });

  it('returns no group for no decision', () => {
    expect(groupDecisionsByYear([])).toEqual([]);
  });
});

describe('compareRoundsNewestFirst', () => {
  it('puts the newer year first, then the higher level, then the region by code', () => {
    const rounds = [
      { year: 2022, level: 'regional', region: 'south' },
      { year: 2021, level: 'national', region: null },
      { year: 2022, level: 'provincial', region: null },
      { year: 2022, level: 'regional', region: 'north' },
      { year: 2023, level: 'commune', region: null },
    ] as const;
    expect([...rounds].sort(compareRoundsNewestFirst).map((r) => `${r.year} ${r.level} ${r.region ?? ''}`.trim())).toEqual([
      '2023 commune',
      '2022 regional north',
      '2022 regional south',
      '2022 provincial',
      '2021 national',
    ]);
  });
});

describe('roundShares', () => {
  const base = { held: 0, certified: null as number | null, decisionDate: null as string | null, region: null as 'north' | 'south' | null };

  it('keeps national and regional rounds only, one per year, level and region', () => {
    const rounds = roundShares([
      { ...base, slug: 'a', roundYear: 2022, level: 'regional', region: 'north', held: 8, certified: 141 },
      { ...base, slug: 'b', roundYear: 2022, level: 'regional', region: 'south', held: 0, certified: 200 },
      { ...base, slug: 'c', roundYear: 2022, level: 'provincial', held: 3, certified: 30 },
      { ...base, slug: 'd', roundYear: 2023, level: 'national', held: 5, certified: 173, decisionDate: '2023-12-01' },
    ]);
    expect(rounds.map((r) => [r.year, r.level, r.region, r.held, r.certified, r.slugs])).toEqual([
      [2023, 'national', null, 5, 173, ['d']],
      [2022, 'regional', 'north', 8, 141, ['a']],
      [2022, 'regional', 'south', 0, 200, ['b']],
    ]);
  });

  it('adds up a round made by two decisions, its size unknown when one does not give it', () => {
    const [summed] = roundShares([
      { ...base, slug: 'a', roundYear: 2019, level: 'national', held: 2, certified: 100, decisionDate: '2019-10-02' },
      { ...base, slug: 'b', roundYear: 2019, level: 'national', held: 1, certified: 20, decisionDate: '2019-09-01' },
    ]);
    expect(summed).toMatchObject({ held: 3, certified: 120, publishedOn: '2019-09-01', slugs: ['a', 'b'] });
    const [unknown] = roundShares([
      { ...base, slug: 'a', roundYear: 2019, level: 'national', held: 2, certified: 100 },
      { ...base, slug: 'b', roundYear: 2019, level: 'national', held: 1, certified: null },
    ]);
    expect(unknown!.certified).toBeNull();
  });
});

describe('roundShareSentence', () => {
  it('says "5 of 173 products of the 2023 national round"', () => {
    expect(roundShareSentence({ year: 2023, level: 'national', region: null, held: 5, certified: 173 }, 'en')).toBe(
      '5 of 173 products of the 2023 national round',
    );
  });

  it('says it in Vietnamese, with the region of a regional round', () => {
    expect(roundShareSentence({ year: 2022, level: 'regional', region: 'north', held: 8, certified: 141 }, 'vi')).toBe(
      '8 trong số 141 sản phẩm của đợt cấp khu vực – Khu vực phía Bắc năm 2022',
    );
  });
});
