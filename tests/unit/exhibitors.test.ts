import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, writeCsv } from '#domain/csv-write.ts';
import {
  compareExhibitors,
  decodeShortlist,
  directoryQuery,
  encodeShortlist,
  exhibitorCsvRows,
  exhibitorFacets,
  levelBadges,
  matchesFilter,
  parseDirectoryState,
  SHORTLIST_LIMIT,
  type ExhibitorEntry,
  type ShownProduct,
} from '#domain/exhibitors.ts';
import { exhibitionEventJsonLd } from '#domain/structured-data.ts';

const product = (over: Partial<ShownProduct> = {}): ShownProduct => ({
  slug: 'tra-o-long',
  name: 'Trà Ô Long',
  group: 'food',
  topLevel: 'national',
  status: 'valid',
  ...over,
});

const entry = (over: Partial<ExhibitorEntry> = {}): ExhibitorEntry => ({
  id: 1,
  booth: 'A1',
  hall: 'A',
  name: 'HTX chè Tuyết Hương',
  producerSlug: 'htx-che-tuyet-huong',
  provinceName: 'Bắc Giang',
  currentProvinceSlug: 'bac-ninh',
  currentProvinceName: 'Bắc Ninh',
  address: null,
  phone: null,
  email: null,
  website: null,
  products: [product()],
  isSample: false,
  ...over,
});

describe('shortlist share codes', () => {
  it('writes ids in base 36 behind a version, in the order added, once each', () => {
    expect(encodeShortlist([12, 7, 300, 7])).toBe('v1.c.7.8c');
    expect(encodeShortlist([])).toBe('v1');
  });

  it('reads back what it wrote', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 40 }), { maxLength: 60 }), (ids) => {
        const decoded = decodeShortlist(encodeShortlist(ids));
        return decoded.ok && JSON.stringify(decoded.ids) === JSON.stringify([...new Set(ids)]);
      }),
    );
  });

  it.each([
    ['', 'format'],
    ['12.7', 'format'],
    ['v2.c', 'version'],
    ['v1.c..7', 'format'],
    ['v1.!!', 'format'],
    ['v1.0', 'format'],
    ['v1.-c', 'format'],
    ['v1.C', 'format'],
    ['v1.zzzzzzzzzzzzz', 'format'],
    ['v1.<script>', 'format'],
  ])('refuses %j (%s)', (code, reason) => {
    expect(decodeShortlist(code)).toEqual({ ok: false, reason });
  });

  it('refuses a list longer than the limit', () => {
    const code = ['v1', ...Array.from({ length: SHORTLIST_LIMIT + 1 }, (_, i) => (i + 1).toString(36))].join('.');
    expect(decodeShortlist(code)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('refuses ids that are not positive integers', () => {
    expect(() => encodeShortlist([0])).toThrow(RangeError);
    expect(() => encodeShortlist([1.5])).toThrow(RangeError);
  });
});

describe('writeCsv', () => {
  it('starts with a BOM, ends rows with CRLF and quotes what must be quoted', () => {
    expect(
      writeCsv([
        ['Gian hàng', 'Cơ sở'],
        ['A1', 'Công ty "Chè", Thái Bình'],
      ]),
    ).toBe('\ufeffGian hàng,Cơ sở\r\nA1,"Công ty ""Chè"", Thái Bình"\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+84 912 345 678', "'+84 912 345 678"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', `'\tcmd`],
    ['Trà\nÔ Long', '"Trà\nÔ Long"'],
    [' padded ', '" padded "'],
  ])('disarms and quotes %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves numbers and empty cells alone', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});

describe('levelBadges', () => {
  it('counts valid products by their best level, highest first', () => {
    const products = [
      product(),
      product({ slug: 'b', topLevel: 'national' }),
      product({ slug: 'c', topLevel: 'regional-north' }),
      product({ slug: 'd', topLevel: 'provincial', status: 'expired' }),
    ];
    expect(levelBadges(products, 'vi').map((b) => b.label)).toEqual(['2 sản phẩm cấp quốc gia', '1 sản phẩm cấp khu vực']);
    expect(levelBadges(products, 'en').map((b) => b.label)).toEqual(['2 national-level products', '1 regional-level product']);
  });

  it('gives none when no shown product holds a valid certification', () => {
    expect(levelBadges([product({ status: 'revoked' })], 'vi')).toEqual([]);
  });
});

describe('directory filters', () => {
  const facets = exhibitorFacets(entry({ products: [product(), product({ slug: 'x', group: 'handicraft', status: 'expired' })] }));

  it('reads groups, province, hall and certification from the exhibitor', () => {
    expect(facets).toEqual({ groups: ['handicraft', 'food'], province: 'bac-ninh', hall: 'A', certified: true });
  });

  it('passes an exhibitor only through every filter that is set', () => {
    expect(matchesFilter(facets, {})).toBe(true);
    expect(matchesFilter(facets, { group: 'handicraft', province: 'bac-ninh', hall: 'A', certifiedOnly: true })).toBe(true);
    expect(matchesFilter(facets, { group: 'machinery' })).toBe(false);
    expect(matchesFilter(facets, { province: 'ha-noi' })).toBe(false);
    expect(matchesFilter(facets, { hall: 'B' })).toBe(false);
    expect(matchesFilter({ ...facets, certified: false }, { certifiedOnly: true })).toBe(false);
  });

  it('keeps its state in the address and drops unknown values instead of failing', () => {
    const known = { groups: ['food'], provinces: ['bac-ninh'], halls: ['A'] };
    const state = parseDirectoryState(new URLSearchParams('q=ch%C3%A8&group=food&province=atlantis&hall=A&certified=1&sort=name'), known);
    expect(state).toEqual({ q: 'chè', filter: { group: 'food', province: undefined, hall: 'A', certifiedOnly: true }, sort: 'name' });
    expect(directoryQuery(state)).toBe('?q=ch%C3%A8&group=food&hall=A&certified=1&sort=name');
    expect(directoryQuery({ q: '  ', filter: {}, sort: 'booth' })).toBe('');
    expect(parseDirectoryState(new URLSearchParams('sort=drop'), known).sort).toBe('booth');
  });
});

describe('compareExhibitors', () => {
  const list = [
    entry({ name: 'Đặng Gia', booth: 'A10' }),
    entry({ name: 'Dương Xá', booth: 'A2' }),
    entry({ name: 'Ánh Dương', booth: null }),
    entry({ name: 'Bảo Lộc', booth: 'B1' }),
  ];
  it('orders by booth naturally, booths without a code last', () => {
    expect([...list].sort(compareExhibitors('booth')).map((e) => e.booth)).toEqual(['A2', 'A10', 'B1', null]);
  });
  it('orders by name the Vietnamese way (Đ after D)', () => {
    expect([...list].sort(compareExhibitors('name')).map((e) => e.name)).toEqual(['Ánh Dương', 'Bảo Lộc', 'Dương Xá', 'Đặng Gia']);
  });
});

describe('exhibitorCsvRows', () => {
  it('writes one row per exhibitor with both province names and its badges', () => {
    const [header, row] = exhibitorCsvRows([entry({ phone: '0912 345 678' })], 'vi', (slug) => `https://example.vn/producers/${slug}/`);
    expect(header).toHaveLength(row!.length);
    expect(row).toEqual([
      'A1',
      'A',
      'HTX chè Tuyết Hương',
      'Bắc Giang (Bắc Ninh)',
      'Trà Ô Long',
      '1 sản phẩm cấp quốc gia',
      '',
      '0912 345 678',
      '',
      '',
      'https://example.vn/producers/htx-che-tuyet-huong/',
    ]);
  });
});

describe('exhibitionEventJsonLd', () => {
  it('describes a fair with its place and organiser, leaving out what is unknown', () => {
    const ld = exhibitionEventJsonLd({
      name: 'Hội chợ phía Bắc 2024',
      url: 'https://example.vn/fairs/x/',
      startDate: '2024-05-16',
      endDate: '2024-05-19',
      venue: 'Cung Triển lãm',
      city: 'Hà Nội',
      country: 'VN',
      organiser: 'Sở Công Thương Hà Nội',
      description: null,
      exhibitors: [],
    });
    expect(ld).toMatchObject({
      '@type': 'ExhibitionEvent',
      startDate: '2024-05-16',
      endDate: '2024-05-19',
      location: { '@type': 'Place', name: 'Cung Triển lãm', address: { addressLocality: 'Hà Nội', addressCountry: 'VN' } },
      organizer: { '@type': 'Organization', name: 'Sở Công Thương Hà Nội' },
    });
    expect(ld).not.toHaveProperty('description');
    expect(ld).not.toHaveProperty('exhibitor');
  });

  it('uses the one known date as both start and end', () => {
    const ld = exhibitionEventJsonLd({
      name: 'x',
      url: 'u',
      startDate: null,
      endDate: '2014-10-04',
      venue: null,
      city: null,
      country: 'VN',
      organiser: null,
      description: null,
    });
    expect(ld).toMatchObject({ startDate: '2014-10-04', endDate: '2014-10-04' });
    expect(ld).not.toHaveProperty('location');
  });
});
