import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDateRange,
  formatDecimal,
  formatNumber,
  formatPercent,
  formatVietnamTime,
  localeOfPath,
  localizePath,
} from '#domain/i18n.ts';
import { t } from '#domain/ui-strings.ts';

describe('localizePath', () => {
  it.each([
    ['/', 'en', '/en/'],
    ['/products/tra-o-long/', 'en', '/en/products/tra-o-long/'],
    ['/en/products/', 'vi', '/products/'],
    ['/en/', 'vi', '/'],
    ['/en/verify/', 'en', '/en/verify/'],
    ['/energy/', 'en', '/en/energy/'],
  ] as const)('maps %s to %s in %s', (path, locale, expected) => {
    expect(localizePath(path, locale)).toBe(expected);
  });
});

describe('localeOfPath', () => {
  it('reads the locale from the prefix', () => {
    expect(localeOfPath('/en/products/')).toBe('en');
    expect(localeOfPath('/energy/')).toBe('vi');
  });
});

describe('formatDate', () => {
  it('writes dates the way each language does', () => {
    expect(formatDate('2026-12-31', 'vi')).toBe('31/12/2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31 Dec 2026');
  });
});

describe('formatDateRange', () => {
  it.each([
    ['2024-05-16', '2024-05-19', 'vi', '16/05/2024 – 19/05/2024'],
    ['2024-05-16', '2024-05-19', 'en', '16 May 2024 – 19 May 2024'],
    ['2024-05-16', '2024-05-16', 'vi', '16/05/2024'],
    [null, '2024-05-19', 'en', '19 May 2024'],
    [null, null, 'vi', ''],
  ] as const)('writes %s to %s in %s as %j', (start, end, locale, expected) => {
    expect(formatDateRange(start, end, locale)).toBe(expected);
  });
});

describe('formatNumber', () => {
  it.each([
    [0, 'vi', '0'],
    [999, 'vi', '999'],
    [1234, 'vi', '1.234'],
    [1234567, 'vi', '1.234.567'],
    [1234, 'en', '1,234'],
    [1234567, 'en', '1,234,567'],
  ] as const)('writes %d in %s as %s', (n, locale, expected) => {
    expect(formatNumber(n, locale)).toBe(expected);
  });
});

describe('formatDecimal', () => {
  it('keeps one decimal with each language’s separator', () => {
    expect(formatDecimal(12.34, 'vi')).toBe('12,3');
    expect(formatDecimal(12.34, 'en')).toBe('12.3');
    expect(formatDecimal(1234.5, 'vi')).toBe('1.234,5');
    expect(formatDecimal(3, 'en')).toBe('3');
  });
});

describe('formatPercent', () => {
  it('writes a share as each language writes a percentage', () => {
    expect(formatPercent(0.125, 'vi')).toBe('12,5%');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(1, 'en')).toBe('100%');
    expect(formatPercent(0, 'vi')).toBe('0%');
  });
});

describe('formatVietnamTime', () => {
  it.each([
    ['2026-12-31T16:59:59Z', '31/12/2026 23:59'],
    ['2026-12-31T17:00:00Z', '01/01/2027 00:00'],
    ['2026-06-30T17:00:00Z', '01/07/2026 00:00'],
    ['2024-02-28T17:00:00Z', '29/02/2024 00:00'],
    ['2026-12-07T00:00:00Z', '07/12/2026 07:00'],
  ])('reads %s on Vietnam’s clock as %s', (iso, shown) => {
    expect(formatVietnamTime(iso, { zone: false })).toBe(shown);
  });

  it('names the zone in the language asked for', () => {
    expect(formatVietnamTime('2026-12-31T17:00:00Z')).toBe('01/01/2027 00:00 (giờ Việt Nam, UTC+7)');
    expect(formatVietnamTime('2026-12-31T17:00:00Z', { lang: 'en' })).toBe('01/01/2027 00:00 (Vietnam time, UTC+7)');
  });
});

describe('formatCount', () => {
  it('groups thousands per locale and picks singular or plural', () => {
    expect(formatCount(1, 'en', ['product', 'products'])).toBe('1 product');
    expect(formatCount(20000, 'vi', ['sản phẩm', 'sản phẩm'])).toBe('20.000 sản phẩm');
  });
});

describe('t', () => {
  it('has every string in both languages', () => {
    const vi = t('vi');
    const en = t('en');
    expect(Object.keys(vi)).toEqual(Object.keys(en));
    for (const value of [...Object.values(vi), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });
});
