import { describe, expect, it } from 'vitest';
import { fillCount, formatCount, listingT, suggestionsAnnouncement } from '#domain/listing-strings.ts';

describe('listingT', () => {
  it.each(['vi', 'en'] as const)('has every string, non-empty, in %s', (locale) => {
    const strings = listingT(locale);
    expect(Object.keys(strings)).toEqual(Object.keys(listingT('vi')));
    for (const text of Object.values(strings)) expect(text.trim()).not.toBe('');
  });

  it('gives the count templates a place for the number in both languages', () => {
    for (const locale of ['vi', 'en'] as const) {
      expect(listingT(locale).filtersActive).toContain('{n}');
      expect(listingT(locale).showResults).toContain('{n}');
    }
  });

  it('writes Vietnamese in NFC, with its marks precomposed', () => {
    const text = Object.values(listingT('vi')).join(' ');
    expect(text).toBe(text.normalize('NFC'));
    expect(listingT('vi').skipPlan).toContain('sơ đồ');
  });
});

describe('formatCount', () => {
  it.each([
    [0, 'vi', '0'],
    [7, 'vi', '7'],
    [1234, 'vi', '1.234'],
    [1234, 'en', '1,234'],
    [20000, 'vi', '20.000'],
  ] as const)('writes %d in %s as "%s"', (n, locale, expected) => {
    expect(formatCount(n, locale)).toBe(expected);
  });
});

describe('fillCount', () => {
  it('puts the number where {n} stands: "Xem kết quả (1.234)"', () => {
    expect(fillCount('Xem kết quả ({n})', 1234, 'vi')).toBe('Xem kết quả (1.234)');
  });

  it('fills "2 đang chọn" for two active filters', () => {
    expect(fillCount(listingT('vi').filtersActive, 2, 'vi')).toBe('2 đang chọn');
    expect(fillCount(listingT('en').filtersActive, 2, 'en')).toBe('2 active');
  });

  it('fills every {n} and leaves text without one unchanged', () => {
    expect(fillCount('{n} / {n}', 3, 'en')).toBe('3 / 3');
    expect(fillCount('Bộ lọc', 3, 'vi')).toBe('Bộ lọc');
  });
});

describe('suggestionsAnnouncement', () => {
  it.each([
    [0, 'vi', 'Không có gợi ý'],
    [1, 'vi', '1 gợi ý'],
    [6, 'vi', '6 gợi ý'],
    [0, 'en', 'No suggestions'],
    [1, 'en', '1 suggestion'],
    [6, 'en', '6 suggestions'],
    [1500, 'en', '1,500 suggestions'],
  ] as const)('says %d suggestions in %s as "%s"', (n, locale, expected) => {
    expect(suggestionsAnnouncement(n, locale)).toBe(expected);
  });
});
