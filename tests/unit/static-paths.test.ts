import { describe, expect, it } from 'vitest';
import {
  cacheControlOf,
  contentTypeOf,
  entityTag,
  httpDate,
  IMMUTABLE,
  isNotModified,
  MAX_PATH_LENGTH,
  REVALIDATE,
  staticTarget,
} from '#domain/static-paths.ts';

describe('staticTarget: what is refused', () => {
  it.each([
    ['/../registry.db', 'dot-segment'],
    ['/a/../../etc/passwd', 'dot-segment'],
    ['/%2e%2e/registry.db', 'dot-segment'],
    ['/%2E%2E/%2E%2E/etc/passwd', 'dot-segment'],
    ['/products/%2e%2e%2f%2e%2e%2fregistry.db', 'separator'],
    ['/products/..%2fserver%2fentry.mjs', 'separator'],
    ['/products/%2f', 'separator'],
    ['/products/%5c..%5cregistry.db', 'separator'],
    ['/products\\..\\registry.db', 'separator'],
    ['/./index.html', 'dot-segment'],
    ['/.hidden', 'dot-segment'],
    ['/.env', 'dot-segment'],
    ['/.git/config', 'dot-segment'],
    ['/.staging-20261203T104512Z-ab12/client/index.html', 'dot-segment'],
    ['/.well-known/security.txt', 'dot-segment'],
    ['/a/.hidden/', 'dot-segment'],
    ['/%2ehidden', 'dot-segment'],
    ['/_astro/x.hash.js.map', 'forbidden-type'],
    ['/registry.db', 'forbidden-type'],
    ['/registry.DB', 'forbidden-type'],
    ['/registry.db-wal', 'forbidden-type'],
    ['/registry.db-shm', 'forbidden-type'],
    ['/data.sqlite', 'forbidden-type'],
    ['/config.env', 'forbidden-type'],
    ['/index.html.bak', 'forbidden-type'],
    ['/index.html~', 'forbidden-type'],
    ['/registry.db/', 'forbidden-type'],
    ['/a//b/', 'empty-segment'],
    ['//evil.example/', 'empty-segment'],
  ])('refuses %s with 404 (%s)', (path, reason) => {
    expect(staticTarget(path)).toEqual({ kind: 'refused', status: 404, reason });
  });

  it.each([
    ['/index.html%00.png', 'control-character'],
    ['/%00', 'control-character'],
    ['/a%0d%0aSet-Cookie:x/', 'control-character'],
    ['/%', 'malformed'],
    ['/%zz', 'malformed'],
    ['/%c3', 'malformed'],
    ['/%ff%fe', 'malformed'],
    ['*', 'not-a-path'],
    ['http://example.vn/index.html', 'not-a-path'],
    ['', 'not-a-path'],
  ])('refuses %j with 400 (%s)', (path, reason) => {
    expect(staticTarget(path)).toEqual({ kind: 'refused', status: 400, reason });
  });

  it('refuses paths longer than the limit', () => {
    expect(staticTarget(`/${'a'.repeat(MAX_PATH_LENGTH)}`)).toMatchObject({ kind: 'refused', reason: 'too-long' });
  });

  it('looks at the path only, not the query', () => {
    expect(staticTarget('/products/?next=../../registry.db')).toEqual({ kind: 'static', file: 'products/index.html' });
  });
});

describe('staticTarget: what is served', () => {
  it('maps folders to their index.html', () => {
    expect(staticTarget('/')).toEqual({ kind: 'static', file: 'index.html' });
    expect(staticTarget('/?utm_source=qr')).toEqual({ kind: 'static', file: 'index.html' });
    expect(staticTarget('/products/tra-o-long/')).toEqual({ kind: 'static', file: 'products/tra-o-long/index.html' });
    expect(staticTarget('/en/')).toEqual({ kind: 'static', file: 'en/index.html' });
  });

  it('tries a path without its slash as a file, then as a folder to redirect to', () => {
    expect(staticTarget('/products/tra-o-long?ref=qr&x=1')).toEqual({
      kind: 'static',
      file: 'products/tra-o-long',
      redirect: { indexFile: 'products/tra-o-long/index.html', location: '/products/tra-o-long/?ref=qr&x=1' },
    });
    expect(staticTarget('/_astro/x.hash.js')).toMatchObject({ file: '_astro/x.hash.js' });
    expect(staticTarget('/sitemap-index.xml')).toMatchObject({ file: 'sitemap-index.xml' });
  });

  it('decodes percent-encoded (Vietnamese) names once', () => {
    expect(staticTarget('/media/tr%C3%A0.avif')).toMatchObject({ kind: 'static', file: 'media/trà.avif' });
    expect(staticTarget('/media/tr%c3%a0%20xanh.avif')).toMatchObject({ file: 'media/trà xanh.avif' });
    // Decoded once only: %252e stays the literal name "%2e…", which is not a dot segment.
    expect(staticTarget('/%252e%252e/x')).toMatchObject({ kind: 'static', file: '%2e%2e/x' });
  });

  it('builds the redirect from the decoded segments, re-encoded, so it always stays on this site', () => {
    expect(staticTarget('/fairs/h%E1%BB%99i-ch%E1%BB%A3')).toMatchObject({
      redirect: { location: '/fairs/h%E1%BB%99i-ch%E1%BB%A3/' },
    });
    expect(staticTarget('/a?q=\u00e0 b')).toMatchObject({ redirect: { location: '/a/?q=%E0%20b' } });
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['_astro/base.Ab12.css', 'text/css; charset=utf-8'],
    ['_astro/page.Ab12.js', 'text/javascript; charset=utf-8'],
    ['_astro/chunk.mjs', 'text/javascript; charset=utf-8'],
    ['search/products/manifest.json', 'application/json; charset=utf-8'],
    ['sitemap-index.xml', 'application/xml; charset=utf-8'],
    ['feed.xml', 'application/atom+xml; charset=utf-8'],
    ['en/feed.xml', 'application/atom+xml; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
    ['og.png', 'image/png'],
    ['media/a.jpg', 'image/jpeg'],
    ['media/a.JPEG', 'image/jpeg'],
    ['media/a.webp', 'image/webp'],
    ['media/trà.avif', 'image/avif'],
    ['favicon.ico', 'image/x-icon'],
    ['_astro/be-vietnam-pro.woff2', 'font/woff2'],
    ['_astro/be-vietnam-pro.woff', 'font/woff'],
    ['site.webmanifest', 'application/manifest+json'],
    ['fairs/x/exhibitors.csv', 'text/csv; charset=utf-8'],
    ['data/certifications.csv', 'text/csv; charset=utf-8'],
    ['data/official-list.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['data/Certifications.XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['print/catalogue.pdf', 'application/pdf'],
    ['archive.tar.gz', 'application/octet-stream'],
    ['Makefile', 'application/octet-stream'],
    ['a.folder/README', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});

describe('cacheControlOf', () => {
  it('keeps hashed assets and media for a year, revalidates everything else', () => {
    expect(cacheControlOf('_astro/x.hash.js')).toBe(IMMUTABLE);
    expect(cacheControlOf('media/tra-1a2b3c.avif')).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
    expect(cacheControlOf('index.html')).toBe(REVALIDATE);
    expect(cacheControlOf('products/x/index.html')).toBe(REVALIDATE);
    expect(cacheControlOf('sw.js')).toBe(REVALIDATE);
    expect(cacheControlOf('mediakit/index.html')).toBe(REVALIDATE);
    expect(REVALIDATE).toBe('public, max-age=0, must-revalidate');
  });
});

describe('conditional requests', () => {
  const mtime = Date.UTC(2026, 11, 3, 10, 45, 12, 345);
  const etag = entityTag(1234, mtime);

  it('makes a quoted tag from size and time', () => {
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(entityTag(1235, mtime)).not.toBe(etag);
    expect(entityTag(1234, mtime + 1000)).not.toBe(etag);
  });

  it('answers If-None-Match by weak comparison, * included', () => {
    expect(isNotModified({ ifNoneMatch: etag }, etag, mtime)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `W/${etag}` }, etag, mtime)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"other", ${etag}` }, etag, mtime)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, etag, mtime)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"other"' }, etag, mtime)).toBe(false);
  });

  it('lets If-None-Match decide over If-Modified-Since', () => {
    expect(isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: httpDate(mtime) }, etag, mtime)).toBe(false);
  });

  it('compares If-Modified-Since to the second and ignores bad dates', () => {
    expect(isNotModified({ ifModifiedSince: httpDate(mtime) }, etag, mtime)).toBe(true);
    expect(isNotModified({ ifModifiedSince: httpDate(mtime + 60_000) }, etag, mtime)).toBe(true);
    expect(isNotModified({ ifModifiedSince: httpDate(mtime - 1000) }, etag, mtime)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'yesterday' }, etag, mtime)).toBe(false);
    expect(isNotModified({}, etag, mtime)).toBe(false);
  });

  it('writes IMF-fixdate', () => {
    expect(httpDate(mtime)).toBe('Thu, 03 Dec 2026 10:45:12 GMT');
  });
});
