import { describe, expect, it } from 'vitest';
import {
  certificationRegion,
  compareFairsNewestFirst,
  computeFigures,
  leaders,
  shareOf,
  type StatsCertification,
  type StatsFair,
  type StatsInput,
  type StatsProvince,
} from '#domain/stats/figures.ts';

const TODAY = '2026-05-12';

/** Current units and the old units inside them, as the seed's merger table has them. */
const PROVINCES = {
  'Lạng Sơn': { current: 'Lạng Sơn', slug: 'lang-son', region: 'north', currentRegion: 'north' },
  'Hà Giang': { current: 'Tuyên Quang', slug: 'tuyen-quang', region: 'north', currentRegion: 'north' },
  'Tuyên Quang': { current: 'Tuyên Quang', slug: 'tuyen-quang', region: 'north', currentRegion: 'north' },
  'Bắc Giang': { current: 'Bắc Ninh', slug: 'bac-ninh', region: 'north', currentRegion: 'north' },
  'Quảng Nam': { current: 'Đà Nẵng', slug: 'da-nang', region: 'central', currentRegion: 'central' },
  'Đắk Nông': { current: 'Lâm Đồng', slug: 'lam-dong', region: 'central', currentRegion: null },
  'Bình Thuận': { current: 'Lâm Đồng', slug: 'lam-dong', region: 'south', currentRegion: null },
  'Vĩnh Long': { current: 'Vĩnh Long', slug: 'vinh-long', region: 'south', currentRegion: 'south' },
} as const;

let nextProduct = 1;
function cert(province: keyof typeof PROVINCES, over: Partial<StatsCertification> = {}): StatsCertification {
  const p = PROVINCES[province];
  return {
    productId: nextProduct++,
    level: 'provincial',
    region: null,
    roundYear: 2023,
    group: null,
    validUntil: '2026-12-31',
    revokedAt: null,
    province: { name: province, region: p.region },
    currentProvince: { slug: p.slug, name: p.current, region: p.currentRegion },
    ...over,
  };
}

const CURRENT: StatsProvince[] = [
  { slug: 'lang-son', name: 'Lạng Sơn', regions: ['north'] },
  { slug: 'tuyen-quang', name: 'Tuyên Quang', regions: ['north'] },
  { slug: 'bac-ninh', name: 'Bắc Ninh', regions: ['north'] },
  { slug: 'da-nang', name: 'Đà Nẵng', regions: ['central'] },
  { slug: 'lam-dong', name: 'Lâm Đồng', regions: ['central', 'south'] },
  { slug: 'vinh-long', name: 'Vĩnh Long', regions: ['south'] },
];

function fair(over: Partial<StatsFair> & Pick<StatsFair, 'slug'>): StatsFair {
  return {
    name: over.slug,
    level: 'regional',
    regionCode: 'north',
    year: 2024,
    startDate: null,
    endDate: null,
    city: 'Hà Nội',
    boothCount: null,
    boothCountIsMinimum: false,
    exhibitorCount: null,
    exhibitorsListed: 0,
    sampleExhibitors: 0,
    ...over,
  };
}

const input = (certifications: StatsCertification[], fairs: StatsFair[] = []): StatsInput => ({
  certifications,
  provinces: CURRENT,
  fairs,
  asOf: TODAY,
});

describe('computeFigures', () => {
  it('counts certifications by round year and level, years in order, only levels that occur', () => {
    const f = computeFigures(
      input([
        cert('Lạng Sơn', { roundYear: 2021, level: 'national' }),
        cert('Lạng Sơn', { roundYear: 2019 }),
        cert('Lạng Sơn', { roundYear: 2021 }),
        cert('Hà Giang', { roundYear: 2022, level: 'regional', region: 'north' }),
        cert('Hà Giang', { roundYear: 2021 }),
      ]),
    );
    expect(f.rounds.map((r) => [r.year, r.total])).toEqual([
      [2019, 1],
      [2021, 3],
      [2022, 1],
    ]);
    expect(f.rounds[1]!.byLevel).toEqual({ national: 1, regional: 0, provincial: 2, district: 0, commune: 0 });
    expect(f.levels).toEqual(['national', 'regional', 'provincial']);
    expect(f.totals.certifications).toBe(5);
  });

  it('counts a product certified twice once among products, twice among certifications', () => {
    const f = computeFigures(
      input([cert('Lạng Sơn', { productId: 99, roundYear: 2019 }), cert('Lạng Sơn', { productId: 99, roundYear: 2021 })]),
    );
    expect(f.totals.products).toBe(1);
    expect(f.totals.certifications).toBe(2);
  });

  it('puts old provinces merged into one current unit inside it: Hà Giang + Tuyên Quang → Tuyên Quang', () => {
    const f = computeFigures(
      input([cert('Hà Giang'), cert('Hà Giang'), cert('Tuyên Quang'), cert('Bắc Giang'), cert('Lạng Sơn'), cert('Lạng Sơn')]),
    );
    const tuyenQuang = f.provinces.find((p) => p.slug === 'tuyen-quang')!;
    expect(tuyenQuang).toEqual({
      slug: 'tuyen-quang',
      name: 'Tuyên Quang',
      count: 3,
      asCertified: [
        { name: 'Hà Giang', count: 2 },
        { name: 'Tuyên Quang', count: 1 },
      ],
    });
    expect(f.provinces.find((p) => p.slug === 'bac-ninh')!.asCertified).toEqual([{ name: 'Bắc Giang', count: 1 }]);
    expect(f.totals.provincesWithCertifications).toBe(3);
    expect(f.totals.provincesInView).toBe(6);
  });

  it('orders provinces by count, ties in Vietnamese alphabetical order', () => {
    const f = computeFigures(input([cert('Vĩnh Long'), cert('Quảng Nam'), cert('Bắc Giang'), cert('Lạng Sơn'), cert('Lạng Sơn')]));
    expect(f.provinces.map((p) => p.name)).toEqual(['Lạng Sơn', 'Bắc Ninh', 'Đà Nẵng', 'Vĩnh Long']);
  });

  it('counts a certification whose product gives no group as "not given", and keeps every group at zero', () => {
    const f = computeFigures(input([cert('Lạng Sơn', { group: 'food' }), cert('Lạng Sơn', { group: 'food' }), cert('Lạng Sơn')]));
    expect(f.groups).toEqual([
      { group: 'handicraft', count: 0 },
      { group: 'food', count: 2 },
      { group: 'machinery', count: 0 },
      { group: 'other', count: 0 },
      { group: null, count: 1 },
    ]);
  });

  it('computes statuses on the given day: revoked beats expired, the last day is still valid', () => {
    const f = computeFigures(
      input([
        cert('Lạng Sơn', { validUntil: '2022-12-31', revokedAt: '2021-06-01' }),
        cert('Lạng Sơn', { validUntil: '2022-12-31' }),
        cert('Lạng Sơn', { validUntil: TODAY }),
        cert('Lạng Sơn', { validUntil: null }),
      ]),
    );
    expect(f.totals.byStatus).toEqual({ valid: 2, expired: 1, revoked: 1 });
  });

  it('splits status by level, regional rounds by region, highest first', () => {
    const f = computeFigures(
      input([
        cert('Lạng Sơn', { validUntil: '2020-12-31' }),
        cert('Vĩnh Long', { level: 'regional', region: 'south' }),
        cert('Lạng Sơn', { level: 'regional', region: 'north', validUntil: '2020-12-31' }),
        cert('Lạng Sơn', { level: 'national' }),
      ]),
    );
    expect(f.validity.map((v) => [v.level, v.byStatus.valid, v.byStatus.expired, v.total])).toEqual([
      ['national', 1, 0, 1],
      ['regional-north', 0, 1, 1],
      ['regional-south', 1, 0, 1],
      ['provincial', 0, 1, 1],
    ]);
  });

  it('filters by the current province’s region, and the regions add up to the whole country', () => {
    const all = [cert('Lạng Sơn'), cert('Hà Giang'), cert('Quảng Nam'), cert('Vĩnh Long'), cert('Vĩnh Long'), cert('Bình Thuận')];
    const whole = computeFigures(input(all));
    const byRegion = (['north', 'central', 'south'] as const).map((r) => computeFigures(input(all), r));
    expect(byRegion.map((f) => f.totals.certifications)).toEqual([2, 1, 3]);
    expect(byRegion.reduce((sum, f) => sum + f.totals.certifications, 0)).toBe(whole.totals.certifications);
    expect(byRegion[0]!.provinces.map((p) => p.name)).toEqual(['Lạng Sơn', 'Tuyên Quang']);
    expect(byRegion[0]!.totals.provincesInView).toBe(3);
    expect(byRegion[0]!.region).toBe('north');
  });

  it('counts new Lâm Đồng, which spans two regions, by the province as certified', () => {
    const f = (r: 'central' | 'south') => computeFigures(input([cert('Đắk Nông'), cert('Bình Thuận'), cert('Bình Thuận')]), r);
    expect(f('central').provinces).toEqual([
      { slug: 'lam-dong', name: 'Lâm Đồng', count: 1, asCertified: [{ name: 'Đắk Nông', count: 1 }] },
    ]);
    expect(f('south').provinces[0]!.count).toBe(2);
    expect(f('central').totals.provincesInView).toBe(2);
    expect(f('south').totals.provincesInView).toBe(2);
  });

  it('keeps fairs of the region only, newest first, with sample exhibitors apart from real ones', () => {
    const fairs = [
      fair({ slug: 'bac-2022', year: 2022, startDate: '2022-10-01' }),
      fair({ slug: 'quoc-gia-2023', level: 'national', regionCode: null, year: 2023 }),
      fair({ slug: 'bac-2024', year: 2024, startDate: '2024-05-16', boothCount: 270, exhibitorsListed: 3, sampleExhibitors: 60 }),
      fair({ slug: 'nam-2024', regionCode: 'south', year: 2024, startDate: '2024-10-10' }),
    ];
    const whole = computeFigures(input([], fairs));
    expect(whole.fairs.map((x) => x.slug)).toEqual(['nam-2024', 'bac-2024', 'quoc-gia-2023', 'bac-2022']);
    const north = computeFigures(input([], fairs), 'north');
    expect(north.fairs.map((x) => x.slug)).toEqual(['bac-2024', 'bac-2022']);
    expect(north.fairs[0]).toMatchObject({ exhibitorsListed: 3, sampleExhibitors: 60, boothCount: 270 });
    expect(north.totals.fairs).toBe(2);
    expect(computeFigures(input([], fairs), 'central').fairs).toEqual([]);
  });

  it('gives empty figures, not NaN, for no records', () => {
    const f = computeFigures(input([]));
    expect(f.totals).toEqual({
      certifications: 0,
      products: 0,
      byStatus: { valid: 0, expired: 0, revoked: 0 },
      provincesWithCertifications: 0,
      provincesInView: 6,
      fairs: 0,
    });
    expect(f.rounds).toEqual([]);
    expect(f.levels).toEqual([]);
    expect(f.provinces).toEqual([]);
    expect(f.validity).toEqual([]);
    expect(f.groups.every((g) => g.count === 0)).toBe(true);
  });

  it('does not change the records it is given', () => {
    const records = [cert('Lạng Sơn', { roundYear: 2021 }), cert('Lạng Sơn', { roundYear: 2019 })];
    const copy = structuredClone(records);
    computeFigures(input(records));
    expect(records).toEqual(copy);
  });
});

describe('certificationRegion', () => {
  it('is the current province’s region', () => {
    expect(certificationRegion(cert('Hà Giang'))).toBe('north');
  });

  it('falls back to the province as certified where the current one spans two regions', () => {
    expect(certificationRegion(cert('Bình Thuận'))).toBe('south');
    expect(certificationRegion(cert('Đắk Nông'))).toBe('central');
  });
});

describe('compareFairsNewestFirst', () => {
  it('puts dated fairs newest first, then a fair known by its year only, undated ones last', () => {
    const fairs = [
      fair({ slug: 'a', year: null }),
      fair({ slug: 'b', year: 2013, endDate: '2013-12-11' }),
      fair({ slug: 'c', year: 2019 }),
      fair({ slug: 'd', year: 2024, startDate: '2024-05-16' }),
    ];
    expect(fairs.sort(compareFairsNewestFirst).map((x) => x.slug)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('shareOf', () => {
  it('is the fraction of the whole', () => {
    expect(shareOf(1, 4)).toBe(0.25);
  });

  it('is 0, not NaN, of nothing', () => {
    expect(shareOf(0, 0)).toBe(0);
  });
});

describe('leaders', () => {
  it('gives every item tied for the greatest count', () => {
    expect(leaders([{ n: 3 }, { n: 5 }, { n: 5 }], (x) => x.n)).toEqual([{ n: 5 }, { n: 5 }]);
  });

  it('gives none when every count is zero or there are no items', () => {
    expect(leaders([{ n: 0 }], (x) => x.n)).toEqual([]);
    expect(leaders([], () => 1)).toEqual([]);
  });
});
