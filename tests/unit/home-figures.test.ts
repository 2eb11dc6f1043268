import { describe, expect, it } from 'vitest';
import { homeFigures, type HomeFiguresInput } from '#domain/home-figures.ts';

const input = (over: Partial<HomeFiguresInput> = {}): HomeFiguresInput => ({
  products: 53,
  establishments: 40,
  provinces: 12,
  certificationRounds: [
    { year: 2024, level: 'provincial', region: null, certifications: 20 },
    { year: 2023, level: 'national', region: null, certifications: 6 },
    { year: 2022, level: 'regional', region: 'north', certifications: 8 },
  ],
  decisions: [
    {
      slug: '3116-qd-bct-2023',
      roundYear: 2023,
      level: 'national',
      region: null,
      held: 5,
      productsCertified: 173,
      decisionDate: '2023-12-01',
    },
    {
      slug: '76-qd-ctdp-2022',
      roundYear: 2022,
      level: 'regional',
      region: 'north',
      held: 8,
      productsCertified: 141,
      decisionDate: '2022-09-20',
    },
    { slug: '2568-qd-bct-2025', roundYear: 2025, level: 'national', region: null, held: 0, productsCertified: null, decisionDate: null },
  ],
  ...over,
});

describe('homeFigures', () => {
  it('passes through what the registry holds', () => {
    expect(homeFigures(input())).toMatchObject({ products: 53, establishments: 40, provinces: 12 });
  });

  it('takes the newest national or regional round the registry holds as the latest, dated by its decision', () => {
    expect(homeFigures(input()).latest).toEqual({
      year: 2023,
      level: 'national',
      region: null,
      publishedOn: '2023-12-01',
      decisionSlug: '3116-qd-bct-2023',
    });
  });

  it('leaves the publication date unknown when no decision of the round gives one', () => {
    const latest = homeFigures(input({ decisions: [] })).latest;
    expect(latest).toMatchObject({ year: 2023, publishedOn: null, decisionSlug: null });
  });

  it('falls back to the newest round of any level when the registry holds no official round', () => {
    const latest = homeFigures(
      input({ certificationRounds: [{ year: 2021, level: 'provincial', region: null, certifications: 3 }] }),
    ).latest;
    expect(latest).toMatchObject({ year: 2021, level: 'provincial' });
  });

  it('has no latest round for an empty registry', () => {
    expect(homeFigures(input({ certificationRounds: [], decisions: [] }))).toMatchObject({ latest: null, shares: [] });
  });

  it('gives the share of each official round whose size is published, newest first, and none for an unknown size', () => {
    const shares = homeFigures(input()).shares;
    expect(shares.map((r) => [r.year, r.level, r.held, r.certified])).toEqual([
      [2023, 'national', 6, 173],
      [2022, 'regional', 8, 141],
    ]);
  });

  it("counts every certification of a round, also those whose source did not print the round's decision number", () => {
    // 5 certifications cite 3116/QĐ-BCT, 6 belong to the 2023 national round: the round's share is 6 of 173.
    const [national] = homeFigures(input()).shares;
    expect(national).toMatchObject({ year: 2023, level: 'national', held: 6, certified: 173 });
  });

  it('says 0 for a round whose size is known but of which the registry holds nothing', () => {
    const shares = homeFigures(input({ certificationRounds: [] })).shares;
    expect(shares.map((r) => r.held)).toEqual([0, 0]);
  });
});
