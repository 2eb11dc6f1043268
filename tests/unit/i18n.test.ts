import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, localeOfPath, localizePath } from '../../src/domain/i18n.ts';
import { t } from '../../src/domain/ui-strings.ts';

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
