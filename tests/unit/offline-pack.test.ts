import { describe, expect, it } from 'vitest';
import { offlinePack, offlinePackName, offlinePackUrls } from '#domain/offline-pack.ts';

const directory = {
  slug: 'hoi-cho-ha-noi-2026',
  entries: [
    { producerSlug: 'htx-tra-tan-cuong', products: [{ slug: 'tra-tan-cuong' }, { slug: 'tra-o-long' }] },
    { producerSlug: 'gom-bat-trang', products: [{ slug: 'binh-gom' }] },
    // The same establishment at a second booth, showing a product already listed.
    { producerSlug: 'htx-tra-tan-cuong', products: [{ slug: 'tra-o-long' }] },
    { producerSlug: 'lang-nghe-khong-mau', products: [] },
  ],
};

describe('offlinePackUrls', () => {
  it('lists the fair page, its data, its print view, exhibitors, products and the favicon, in that order', () => {
    expect(offlinePackUrls(directory, 'vi')).toEqual([
      '/fairs/hoi-cho-ha-noi-2026/',
      '/fairs/hoi-cho-ha-noi-2026/directory.json',
      '/fairs/hoi-cho-ha-noi-2026/print/',
      '/producers/htx-tra-tan-cuong/',
      '/producers/gom-bat-trang/',
      '/producers/lang-nghe-khong-mau/',
      '/products/tra-tan-cuong/',
      '/products/tra-o-long/',
      '/products/binh-gom/',
      '/favicon.svg',
    ]);
  });

  it('puts every page under /en/ in English but keeps the favicon at the root', () => {
    const urls = offlinePackUrls(directory, 'en');
    expect(urls.filter((u) => !u.startsWith('/en/'))).toEqual(['/favicon.svg']);
    expect(urls).toContain('/en/fairs/hoi-cho-ha-noi-2026/directory.json');
    expect(urls).toContain('/en/products/binh-gom/');
  });

  it('lists each URL once when exhibitors share a producer or a product', () => {
    const urls = offlinePackUrls(directory, 'vi');
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('keeps the fair pages and the favicon for a fair without exhibitors', () => {
    expect(offlinePackUrls({ slug: 'hoi-cho-moi', entries: [] }, 'vi')).toEqual([
      '/fairs/hoi-cho-moi/',
      '/fairs/hoi-cho-moi/directory.json',
      '/fairs/hoi-cho-moi/print/',
      '/favicon.svg',
    ]);
  });
});

describe('offlinePackName', () => {
  it.each([
    ['vi', 'vi:hoi-cho-ha-noi'],
    ['en', 'en:hoi-cho-ha-noi'],
  ] as const)('names the %s pack %s', (locale, expected) => {
    expect(offlinePackName('hoi-cho-ha-noi', locale)).toBe(expected);
  });
});

describe('offlinePack', () => {
  it('pairs the pack name with its URLs', () => {
    expect(offlinePack(directory, 'en')).toEqual({ pack: 'en:hoi-cho-ha-noi-2026', urls: offlinePackUrls(directory, 'en') });
  });
});
