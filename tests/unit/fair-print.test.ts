import { describe, expect, it } from 'vitest';
import {
  cssString,
  exhibitorContacts,
  fairFacts,
  hallLabel,
  pageFooterCss,
  withSampleColumn,
  type PrintedFair,
} from '#domain/fair-print.ts';

const fair: PrintedFair = {
  startDate: '2024-05-16',
  endDate: '2024-05-19',
  city: 'Hà Nội',
  venue: 'Cung Triển lãm Kiến trúc',
  organiserText: 'Sở Công Thương Hà Nội',
  boothCount: 270,
  boothCountIsMinimum: false,
};
const noContacts = { address: null, phone: null, email: null, website: null };

describe('fairFacts', () => {
  it('states dates, city, venue, organiser and size in that order', () => {
    expect(fairFacts(fair, 'vi')).toEqual([
      { label: 'Thời gian', value: '16/05/2024 – 19/05/2024' },
      { label: 'Tỉnh/thành', value: 'Hà Nội' },
      { label: 'Địa điểm', value: 'Cung Triển lãm Kiến trúc' },
      { label: 'Đơn vị tổ chức', value: 'Sở Công Thương Hà Nội' },
      { label: 'Quy mô', value: '270 gian hàng' },
    ]);
  });

  it('leaves out what the registry does not hold', () => {
    const bare = { ...fair, startDate: null, endDate: null, venue: null, organiserText: '  ', boothCount: null };
    expect(fairFacts(bare, 'en')).toEqual([{ label: 'City', value: 'Hà Nội' }]);
  });

  it('says "over" for a published minimum booth count', () => {
    expect(fairFacts({ ...fair, boothCount: 500, boothCountIsMinimum: true }, 'en').at(-1)).toEqual({
      label: 'Size',
      value: 'over 500 booths',
    });
    expect(fairFacts({ ...fair, boothCount: 1, boothCountIsMinimum: false }, 'en').at(-1)!.value).toBe('1 booth');
  });
});

describe('hallLabel', () => {
  it.each([
    ['A', 'vi', 'Khu A'],
    ['B', 'en', 'Hall B'],
    [null, 'vi', null],
  ] as const)('writes hall %s in %s as %s', (hall, locale, expected) => {
    expect(hallLabel(hall, locale)).toBe(expected);
  });
});

describe('exhibitorContacts', () => {
  it('is empty when nothing is recorded, so the page can say so', () => {
    expect(exhibitorContacts(noContacts)).toEqual([]);
    expect(exhibitorContacts({ ...noContacts, phone: '  ' })).toEqual([]);
  });

  it('links a phone with its digits only', () => {
    expect(exhibitorContacts({ ...noContacts, phone: '(024) 3826 1234' })).toEqual([
      { kind: 'phone', value: '(024) 3826 1234', href: 'tel:02438261234' },
    ]);
  });

  it('links a website over https only', () => {
    expect(exhibitorContacts({ ...noContacts, website: 'https://langnghe.vn' })[0]!.href).toBe('https://langnghe.vn');
    expect(exhibitorContacts({ ...noContacts, website: 'http://langnghe.vn' })[0]!.href).toBeNull();
    expect(exhibitorContacts({ ...noContacts, website: 'javascript:alert(1)' })[0]!.href).toBeNull();
  });

  it('does not link an email that is not an address', () => {
    expect(exhibitorContacts({ ...noContacts, email: 'a@b.vn' })[0]!.href).toBe('mailto:a@b.vn');
    expect(exhibitorContacts({ ...noContacts, email: 'a@b.vn?cc=x y' })[0]!.href).toBeNull();
  });

  it('lists address, phone, email and website in that order', () => {
    const all = { address: 'Xã Tân Cương', phone: '0912', email: 'a@b.vn', website: 'https://x.vn' };
    expect(exhibitorContacts(all).map((c) => c.kind)).toEqual(['address', 'phone', 'email', 'website']);
  });
});

describe('withSampleColumn', () => {
  const rows = [
    ['Gian hàng', 'Cơ sở'],
    ['A1', 'Cơ sở Một'],
    ['A2', 'Cơ sở Hai'],
  ];

  it('adds a "Dữ liệu minh họa" column saying "có" on each sample row', () => {
    expect(withSampleColumn(rows, [{ isSample: true }, { isSample: false }], 'vi')).toEqual([
      ['Gian hàng', 'Cơ sở', 'Dữ liệu minh họa'],
      ['A1', 'Cơ sở Một', 'có'],
      ['A2', 'Cơ sở Hai', ''],
    ]);
  });

  it('says "Sample data" and "yes" in English', () => {
    const marked = withSampleColumn(rows, [{ isSample: true }, { isSample: true }], 'en');
    expect(marked.map((row) => row.at(-1))).toEqual(['Sample data', 'yes', 'yes']);
  });

  it('leaves the rows as they are when no exhibitor is a sample', () => {
    expect(withSampleColumn(rows, [{ isSample: false }, { isSample: false }], 'vi')).toEqual(rows);
  });

  it('refuses rows that do not match the exhibitors', () => {
    expect(() => withSampleColumn(rows, [{ isSample: true }], 'vi')).toThrow(RangeError);
  });
});

describe('cssString', () => {
  it.each([
    ['Dữ liệu minh họa / Sample data', '"Dữ liệu minh họa / Sample data"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['a\\b', '"a\\\\b"'],
    ['two\nlines', '"two lines"'],
    ['</style><script>', '"\\3c /style>\\3c script>"'],
  ])('quotes %j as %s', (text, expected) => {
    expect(cssString(text)).toBe(expected);
  });
});

describe('pageFooterCss', () => {
  it('puts the text bottom left and the page count bottom right', () => {
    expect(pageFooterCss('Dữ liệu minh họa / Sample data', 'vi')).toBe(
      '@page{@bottom-left{content:"Dữ liệu minh họa / Sample data"}@bottom-right{content:"Trang " counter(page) " / " counter(pages)}}',
    );
  });
});
