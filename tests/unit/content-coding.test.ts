import { describe, expect, it } from 'vitest';
import { chooseEncoding, ifRangeHolds, isCompressible, parseAcceptEncoding, rangeOf } from '#domain/content-coding.ts';

describe('isCompressible', () => {
  it.each([
    ['products/tra-shan-tuyet/index.html', true],
    ['_astro/BaseLayout.Ab12.css', true],
    ['_astro/search.Cd34.js', true],
    ['search/products/manifest.json', true],
    ['favicon.svg', true],
    ['sitemap-0.xml', true],
    ['data/san-pham-ocop.csv', true],
    ['INDEX.HTML', true],
    ['media/tra.avif', false],
    ['_astro/be-vietnam-pro.woff2', false],
    ['data/products.xlsx', false],
    ['index.html.br', false],
    ['.html', false],
  ])('%s → %s', (file, expected) => expect(isCompressible(file)).toBe(expected));
});

describe('parseAcceptEncoding', () => {
  it('reads codings and q-values, lower-cased, x-gzip as gzip', () => {
    expect(Object.fromEntries(parseAcceptEncoding('BR;q=0.8, x-gzip, identity;q=0'))).toEqual({ br: 0.8, gzip: 1, identity: 0 });
  });

  it('counts a malformed q-value as 0 rather than guessing', () => {
    expect(parseAcceptEncoding('br;q=2, gzip;q=abc, deflate;q=0.1234').get('br')).toBe(0);
    expect(parseAcceptEncoding('gzip;q=abc').get('gzip')).toBe(0);
    expect(parseAcceptEncoding('deflate;q=0.1234').get('deflate')).toBe(0);
  });
});

describe('chooseEncoding', () => {
  it.each([
    [undefined, ['br', 'gzip'], 'identity'],
    ['', ['br', 'gzip'], 'identity'],
    ['gzip, deflate, br', ['br', 'gzip'], 'br'],
    ['gzip, deflate, br', ['gzip'], 'gzip'],
    ['gzip, deflate, br', [], 'identity'],
    ['br;q=0.5, gzip;q=0.9', ['br', 'gzip'], 'gzip'],
    ['br;q=0.5', ['br', 'gzip'], 'br'],
    ['br;q=0, gzip;q=0', ['br', 'gzip'], 'identity'],
    ['identity;q=1, br;q=0.5', ['br', 'gzip'], 'identity'],
    ['*', ['br', 'gzip'], 'br'],
    ['*;q=0.5, br;q=0', ['br', 'gzip'], 'gzip'],
    ['*;q=0', ['br', 'gzip'], 'identity'],
    ['identity;q=0', [], 'identity'],
  ] as const)('Accept-Encoding %j with %j stored → %s', (header, stored, expected) =>
    expect(chooseEncoding(header, stored)).toBe(expected),
  );
});

describe('rangeOf', () => {
  it.each([
    [undefined, 100, null],
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=90-500', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=-500', 100, { start: 0, end: 99 }],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=-0', 100, 'unsatisfiable'],
    ['bytes=0-', 0, 'unsatisfiable'],
    ['bytes=9-3', 100, null],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
    ['bytes=-', 100, null],
  ] as const)('%j of %d bytes → %j', (header, size, expected) => expect(rangeOf(header, size)).toEqual(expected));
});

describe('ifRangeHolds', () => {
  const mtime = Date.parse('2026-12-07T10:00:00Z');
  it.each([
    [undefined, true],
    ['"a-1-br"', true],
    ['"a-1"', false],
    ['W/"a-1-br"', false],
    ['Mon, 07 Dec 2026 10:00:00 GMT', true],
    ['Mon, 07 Dec 2026 09:59:59 GMT', false],
    ['not a date', false],
  ] as const)('If-Range %j → %s', (ifRange, expected) => expect(ifRangeHolds(ifRange, '"a-1-br"', mtime + 400)).toBe(expected));
});
