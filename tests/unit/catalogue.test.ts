import { describe, expect, it } from 'vitest';
import {
  compareVietnamese,
  countFacets,
  facetPagePath,
  facetValuesOf,
  filterItems,
  levelFacet,
  paginate,
  parseSelection,
  selectionToQuery,
  sortItems,
  type CatalogueItem,
} from '#domain/listing.ts';

const item = (over: Partial<CatalogueItem> & Pick<CatalogueItem, 'slug' | 'name'>): CatalogueItem => ({
  kind: 'single',
  group: null,
  establishmentName: null,
  provinceName: 'Lạng Sơn',
  currentProvinceSlug: 'lang-son',
  currentProvinceName: 'Lạng Sơn',
  certs: [{ level: 'provincial', year: 2019, status: 'expired' }],
  status: 'expired',
  newestYear: 2019,
  topLevel: 'provincial',
  certificationCount: 1,
  ...over,
});

const items = [
  item({
    slug: 'tra-o-long',
    name: 'Trà Ô Long',
    certs: [
      { level: 'national', year: 2021, status: 'expired' },
      { level: 'provincial', year: 2019, status: 'expired' },
    ],
    newestYear: 2021,
    topLevel: 'national',
    certificationCount: 2,
  }),
  item({
    slug: 'lychee',
    name: 'lychee in syrup',
    provinceName: 'Bắc Giang',
    currentProvinceSlug: 'bac-ninh',
    currentProvinceName: 'Bắc Ninh',
    certs: [{ level: 'provincial', year: 2021, status: 'expired' }],
    newestYear: 2021,
  }),
  item({
    slug: 'che',
    name: 'Chè móc câu',
    group: 'food',
    certs: [{ level: 'national', year: 2023, status: 'valid' }],
    newestYear: 2023,
    topLevel: 'national',
    status: 'valid',
    currentProvinceSlug: 'thai-nguyen',
  }),
  item({
    slug: 'duong',
    name: 'Đường phèn',
    certs: [{ level: 'regional-north', year: 2024, status: 'valid' }],
    newestYear: 2024,
    topLevel: 'regional-north',
    status: 'valid',
  }),
];

describe('levelFacet', () => {
  it('splits regional levels by region', () => {
    expect(levelFacet('regional', 'south')).toBe('regional-south');
    expect(levelFacet('national', null)).toBe('national');
  });
});

describe('facetValuesOf', () => {
  it('gives every year a product was certified in', () => {
    expect(facetValuesOf(items[0]!, 'year')).toEqual(['2021', '2019']);
  });

  it('gives only the years of certifications at the selected level', () => {
    expect(facetValuesOf(items[0]!, 'year', { level: 'provincial' })).toEqual(['2019']);
  });

  it('files an old-province product under its current province', () => {
    expect(facetValuesOf(items[1]!, 'province')).toEqual(['bac-ninh']);
  });
});

describe('filterItems', () => {
  it('matches level and year within one certification, not across two', () => {
    expect(filterItems(items, { level: 'provincial', year: '2021' }).map((i) => i.slug)).toEqual(['lychee']);
  });

  it('keeps the items that have every selected value', () => {
    expect(filterItems(items, { level: 'national', year: '2021' }).map((i) => i.slug)).toEqual(['tra-o-long']);
    expect(filterItems(items, { province: 'lang-son', status: 'valid' }).map((i) => i.slug)).toEqual(['duong']);
  });

  it('returns everything for an empty selection and nothing for an unknown value', () => {
    expect(filterItems(items, {})).toHaveLength(4);
    expect(filterItems(items, { level: 'commune' })).toEqual([]);
  });
});

describe('countFacets', () => {
  it('counts each value once per product', () => {
    const counts = countFacets(items, {});
    expect(counts.level.get('national')).toBe(2);
    expect(counts.level.get('provincial')).toBe(2);
    expect(counts.year.get('2021')).toBe(2);
    expect(counts.province.get('lang-son')).toBe(2);
  });

  it('counts a facet with the other facets applied but not itself', () => {
    const counts = countFacets(items, { level: 'national' });
    expect(counts.level.get('provincial')).toBe(2);
    expect(counts.year.get('2021')).toBe(1);
    expect(counts.year.get('2024')).toBeUndefined();
    expect(counts.status.get('valid')).toBe(1);
  });
});

describe('compareVietnamese', () => {
  it('sorts by Vietnamese alphabet: Đ after D, marks after the bare letter', () => {
    const names = ['Đường phèn', 'Dưa hấu', 'Ăn liền', 'An toàn', 'Âm dương', 'Bún ngô', 'ốc nhồi', 'Ô long'];
    expect([...names].sort(compareVietnamese)).toEqual([
      'An toàn',
      'Ăn liền',
      'Âm dương',
      'Bún ngô',
      'Dưa hấu',
      'Đường phèn',
      'Ô long',
      'ốc nhồi',
    ]);
  });
});

describe('sortItems', () => {
  it('puts the newest certification first, then the higher level', () => {
    expect(sortItems(items, 'newest').map((i) => i.slug)).toEqual(['duong', 'che', 'tra-o-long', 'lychee']);
  });

  it('sorts by name in Vietnamese order', () => {
    expect(sortItems(items, 'name').map((i) => i.name)).toEqual(['Chè móc câu', 'Đường phèn', 'lychee in syrup', 'Trà Ô Long']);
  });
});

describe('paginate', () => {
  it('cuts pages and counts at least one', () => {
    expect(paginate([1, 2, 3, 4, 5], 2, 2)).toEqual({ items: [3, 4], pages: 3 });
    expect(paginate([], 1, 2)).toEqual({ items: [], pages: 1 });
  });
});

describe('parseSelection and selectionToQuery', () => {
  it('round-trip a facet combination with sort and page', () => {
    const query = selectionToQuery({ year: '2021', level: 'national' }, 'name', 2);
    expect(query).toBe('?level=national&year=2021&sort=name&page=2');
    expect(parseSelection(new URLSearchParams(query))).toEqual({ selection: { level: 'national', year: '2021' }, sort: 'name', page: 2 });
  });

  it('ignores unknown keys, empty values and bad pages', () => {
    expect(parseSelection(new URLSearchParams('?foo=1&level=&page=-3&sort=x'))).toEqual({ selection: {}, sort: 'newest', page: 1 });
  });
});

describe('facetPagePath', () => {
  it('builds the prerendered path of a facet value and its pages', () => {
    expect(facetPagePath(null, null)).toBe('/products/');
    expect(facetPagePath(null, null, 2)).toBe('/products/page/2/');
    expect(facetPagePath('province', 'bac-ninh', 3)).toBe('/products/province/bac-ninh/page/3/');
  });
});
