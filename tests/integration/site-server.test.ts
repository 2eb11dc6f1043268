/**
 * The site server (R23, R32) against fabricated releases: no Astro build, but a `server/entry.mjs` that
 * keeps the adapter's middleware-mode contract (node_modules/@astrojs/node/dist/serve-app.js):
 * `handler(req, res, next, locals)` answers the routes it has and returns `next()` when none matches; its
 * import adds one `unhandledRejection` listener, as the adapter's does. Then: what is served and what never
 * is, the headers, and a release switch under 100 concurrent clients.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '#server/site-server.ts';
import { TMP } from '../support/paths.ts';

const SECRET = 'SECRET-BYTES-NEVER-SERVED';
const IMPORTS = '__siteServerTestImports';
type Imports = Record<string, number>;
const imports = () => ((globalThis as Record<string, unknown>)[IMPORTS] ?? {}) as Imports;

/** The page bodies differ along their whole length, so a response mixing two releases cannot pass as either. */
const indexOf = (name: string) => `<!doctype html><title>${name}</title>\n${`<p>release ${name} ${'·'.repeat(60)}</p>\n`.repeat(800)}`;

const PAGE_POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'";
const pageWithPolicy = (id: string, paragraphs: number) =>
  `<!doctype html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${PAGE_POLICY.replace(/'/g, '&#39;')}"><title>${id}</title></head>` +
  `<p>${'Chính sách '.repeat(10)}</p>\n`.repeat(paragraphs);

/** A release folder as the publish pipeline leaves it (client/ + server/entry.mjs), with traps in it. */
function makeRelease(releasesDir: string, id: string): string {
  const dir = join(releasesDir, id);
  const client = join(dir, 'client');
  const files: Record<string, string | Buffer> = {
    'client/index.html': indexOf(id),
    'client/products/tra/index.html': `<!doctype html><title>Trà ${id}</title>`,
    // Pages with a meta CSP, one small (kept in memory) and one past FILE_CACHE_MAX_FILE (streamed).
    'client/csp/index.html': pageWithPolicy(id, 1),
    'client/csp/big/index.html': pageWithPolicy(id, 4000),
    // A renamed fair: the page kept at the old address for static hosts, and the redirect our server answers.
    'client/fairs/old-name/index.html': `<!doctype html><meta http-equiv="refresh" content="0; url=/fairs/new-name/">`,
    'client/_redirects': '/fairs/old-name/ /fairs/new-name/ 301\n/en/fairs/old-name/ /en/fairs/new-name/ 301\n',
    'client/_astro/x.hash.js': `console.log(${JSON.stringify(id)});`,
    'client/media/trà.avif': Buffer.from('AVIF-BYTES'),
    'client/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'client/404.html': `<!doctype html><title>404 ${id}</title><p>Không tìm thấy`,
    'client/en/404/index.html': `<!doctype html><title>English 404 ${id}</title><p>Page not found`,
    'client/verify/T214K7M9XQ/index.html': `<!doctype html><title>Verified ${id}</title>`,
    'client/big.bin': randomBytes(8 * 1024 * 1024),
    'client/.hidden': SECRET,
    'client/x.js.map': SECRET,
    'client/registry.db': SECRET,
    'client/registry.db-wal': SECRET,
    'client/.env': SECRET,
    'client/_astro/.keep': SECRET,
    'registry.db': SECRET,
    'server/entry.mjs': `
      const imports = (globalThis[${JSON.stringify(IMPORTS)}] ??= {});
      imports[${JSON.stringify(id)}] = (imports[${JSON.stringify(id)}] ?? 0) + 1;
      // The adapter registers one of these per import (serve-app.js).
      const listener = () => {};
      listener.release = ${JSON.stringify(id)};
      process.on('unhandledRejection', listener);
      export const options = { mode: 'middleware' };
      export const handler = async (req, res, next) => {
        // The adapter turns every request into a fetch Request first, which refuses some methods.
        new Request('http://localhost' + req.url, { method: req.method });
        // Like the adapter: a body already read (req.body) is used as it is, otherwise the request is read whole.
        if (req.method === 'POST' && (req.url.startsWith('/admin/login/') || req.url.startsWith('/admin/products/'))) {
          let size = 0;
          if (req.body) size = req.body.length;
          else for await (const chunk of req) size += chunk.length;
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('READ ' + size);
          return;
        }
        if (req.url === '/admin/' || req.url.startsWith('/admin/?')) {
          res.writeHead(200, {
            'content-type': 'text/plain; charset=utf-8',
            'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
            'referrer-policy': 'same-origin',
            'cache-control': 'no-store',
          });
          res.end('ADMIN ' + ${JSON.stringify(id)} + ' ' + req.method);
          return;
        }
        return next();
      };
    `,
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  mkdirSync(join(client, 'empty-folder'), { recursive: true });
  return dir;
}

/** Repoints `current` the way the publish pipeline does: a new symlink under a temporary name, renamed over. */
function switchTo(releasesDir: string, id: string): void {
  const temporary = join(releasesDir, `.current-${randomBytes(4).toString('hex')}`);
  symlinkSync(id, temporary);
  renameSync(temporary, join(releasesDir, 'current'));
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with the path sent exactly as given (fetch would normalise `..` away). */
function send(url: string, path: string, init: { method?: string; headers?: Record<string, string>; agent?: Agent } = {}): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: init.method ?? 'GET', headers: init.headers, agent: init.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Everything the socket received for one raw request, to see the bytes a HEAD sends. */
function raw(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
};

const openDescriptors = () => readdirSync('/proc/self/fd').length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let root: string;
const lines: string[] = [];
let site: SiteServer;
let releasesDir: string;

beforeAll(async () => {
  root = join(TMP, `site-server-${randomBytes(4).toString('hex')}`);
  releasesDir = join(root, 'releases');
  makeRelease(releasesDir, '20261203T104512Z-aaaa');
  switchTo(releasesDir, '20261203T104512Z-aaaa');
  // What else lives beside the releases: never served.
  writeFileSync(join(releasesDir, 'publish.lock'), SECRET);
  writeFileSync(join(releasesDir, 'registry.db'), SECRET);
  mkdirSync(join(releasesDir, '.staging-20261204T000000Z-ffff', 'client'), { recursive: true });
  writeFileSync(join(releasesDir, '.staging-20261204T000000Z-ffff', 'client', 'index.html'), SECRET);
  site = await startSiteServer({ releasesDir, host: '127.0.0.1', port: 0, log: (line) => lines.push(line) });
});

afterAll(async () => {
  await site?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('what the server serves', () => {
  it('serves the home page, a page and an asset of the current release with their types and caching', async () => {
    expect(site.currentRelease()).toBe('20261203T104512Z-aaaa');
    const home = await send(site.url, '/');
    expect(home.status).toBe(200);
    expect(home.body.toString()).toBe(indexOf('20261203T104512Z-aaaa'));
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['content-length']).toBe(String(home.body.length));
    expect(home.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(home.headers['etag']).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(home.headers['last-modified']).toMatch(/GMT$/);

    const page = await send(site.url, '/products/tra/?from=qr');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('Trà 20261203T104512Z-aaaa');

    const asset = await send(site.url, '/_astro/x.hash.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const media = await send(site.url, '/media/tr%C3%A0.avif');
    expect(media.status).toBe(200);
    expect(media.body.toString()).toBe('AVIF-BYTES');
    expect(media.headers['content-type']).toBe('image/avif');
    expect(media.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const svg = await send(site.url, '/favicon.svg');
    expect(svg.headers['content-security-policy']).toContain('sandbox');
  });

  it('redirects a folder without its slash, keeping the query', async () => {
    const answer = await send(site.url, '/products/tra?ref=qr&lang=vi');
    expect(answer.status).toBe(301);
    expect(answer.headers['location']).toBe('/products/tra/?ref=qr&lang=vi');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers the old address of a renamed record with a permanent redirect, with or without its slash', async () => {
    for (const [path, location] of [
      ['/fairs/old-name/', '/fairs/new-name/'],
      ['/fairs/old-name', '/fairs/new-name/'],
      ['/en/fairs/old-name/?ref=qr', '/en/fairs/new-name/?ref=qr'],
    ]) {
      const answer = await send(site.url, path!);
      expect([answer.status, answer.headers['location']]).toEqual([301, location]);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await send(site.url, '/fairs/old-name/', { method: 'HEAD' })).status).toBe(301);
  });

  it('answers an unknown path with the release 404 page and status 404, uncached', async () => {
    for (const path of ['/khong-co/', '/khong-co', '/_astro/missing.js', '/empty-folder/', '/empty-folder', '/_astro/', '/_astro']) {
      const answer = await send(site.url, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).toContain('404 20261203T104512Z-aaaa');
      expect(answer.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('answers an unknown English path with the English 404 page, status 404', async () => {
    for (const path of ['/en/khong-co/', '/en/products/khong-co/', '/en/_astro/missing.js']) {
      const answer = await send(site.url, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).toContain('English 404 20261203T104512Z-aaaa');
    }
  });

  it('sends a mistyped verification address to the verification answer in its language, and serves a held code as it is', async () => {
    for (const [path, location] of [
      ['/verify/T21-AAAA-AAA/', '/verify/?q=T21-AAAA-AAA'],
      ['/en/verify/t21aaaaaaa', '/en/verify/?q=t21aaaaaaa'],
      ['/verify/3116%2FQ%C4%90-BCT/', `/verify/?q=${encodeURIComponent('3116/QĐ-BCT')}`],
    ]) {
      const answer = await send(site.url, path!);
      expect(answer.status, path).toBe(303);
      expect(answer.headers['location'], path).toBe(location);
      expect(answer.headers['cache-control'], path).toBe('no-store');
    }
    const held = await send(site.url, '/verify/T214K7M9XQ/');
    expect(held.status).toBe(200);
    expect(held.body.toString()).toContain('Verified');
  });

  it.each([
    '/.hidden',
    '/%2ehidden',
    '/.env',
    '/x.js.map',
    '/registry.db',
    '/registry.db-wal',
    '/_astro/.keep',
    '/../registry.db',
    '/../../registry.db',
    '/%2e%2e/registry.db',
    '/%2E%2E/%2E%2E/registry.db',
    '/%2e%2e%2fregistry.db',
    '/products/..%2f..%2f..%2fregistry.db',
    '/products/%2e%2e%5c%2e%2e%5cregistry.db',
    '/products\\..\\..\\registry.db',
    '/../publish.lock',
    '/../.staging-20261204T000000Z-ffff/client/index.html',
    '/%2e%2e/%2e%2e/.staging-20261204T000000Z-ffff/client/',
    '/../current/client/.hidden',
    '/registry.db%00.html',
    '/index.html%00',
    '/%',
    '/%c3%28',
    '//registry.db',
  ])('never serves %s', async (path) => {
    for (const method of ['GET', 'HEAD']) {
      const answer = await send(site.url, path, { method });
      expect(answer.status, `${method} ${path}`).not.toBe(200);
      expect([400, 404]).toContain(answer.status);
      expect(answer.body.toString()).not.toContain(SECRET);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('sends the security headers on static, redirect, 404 and dynamic responses, but not over the admin’s own', async () => {
    for (const path of ['/', '/_astro/x.hash.js', '/products/tra', '/khong-co/', '/%']) {
      const answer = await send(site.url, path);
      expect(answer.headers, path).toMatchObject(SECURITY);
      expect(answer.headers['strict-transport-security'], path).toBeUndefined();
    }
    const admin = await send(site.url, '/admin/');
    expect(admin.status).toBe(200);
    expect(admin.body.toString()).toBe('ADMIN 20261203T104512Z-aaaa GET');
    // The handler's own values win; what it did not set is ours.
    expect(admin.headers['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(admin.headers['referrer-policy']).toBe('same-origin');
    expect(admin.headers['x-content-type-options']).toBe('nosniff');
    expect(admin.headers['x-frame-options']).toBe('DENY');
    expect(admin.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('repeats a page’s meta CSP as its header, with frame-ancestors, whether the page is cached or streamed (#17.5)', async () => {
    for (const path of ['/csp/', '/csp/', '/csp/big/', '/csp/big/']) {
      const answer = await send(site.url, path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-security-policy'], path).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`);
    }
    const big = await send(site.url, '/csp/big/');
    expect(big.body.length).toBeGreaterThan(256 * 1024);
    expect(big.body.toString()).toBe(pageWithPolicy('20261203T104512Z-aaaa', 4000));
    const conditional = await send(site.url, '/csp/', {
      headers: { 'If-None-Match': String((await send(site.url, '/csp/')).headers['etag']) },
    });
    expect(conditional.status).toBe(304);
    expect(conditional.headers['content-security-policy']).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`);
  });

  it('sends other methods to the handler, whose misses become the 404 page', async () => {
    expect((await send(site.url, '/admin/', { method: 'POST' })).body.toString()).toBe('ADMIN 20261203T104512Z-aaaa POST');
    const post = await send(site.url, '/', { method: 'POST' });
    expect(post.status).toBe(404);
    expect(post.body.toString()).toContain('404 20261203T104512Z-aaaa');
  });

  it('answers methods the site does not use with 405 and Allow, on public and admin paths, and logs no error (#17.9)', async () => {
    const before = lines.length;
    for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'])
      for (const path of ['/', '/products/tra/', '/admin/', '/admin/login/']) {
        const answer = await send(site.url, path, { method });
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers['allow'], `${method} ${path}`).toBe('GET, HEAD, POST');
        expect(answer.headers, `${method} ${path}`).toMatchObject(SECURITY);
        expect(answer.body.toString()).toContain('Method not allowed');
      }
    expect(lines.slice(before).filter((line) => line.includes('failed'))).toEqual([]);
  });

  it('answers 304 to If-None-Match and If-Modified-Since', async () => {
    const first = await send(site.url, '/');
    const etag = first.headers['etag'] as string;
    const byTag = await send(site.url, '/', { headers: { 'if-none-match': etag } });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect(byTag.headers['etag']).toBe(etag);
    expect(byTag.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(byTag.headers).toMatchObject(SECURITY);
    const byDate = await send(site.url, '/', { headers: { 'if-modified-since': first.headers['last-modified'] as string } });
    expect(byDate.status).toBe(304);
    const stale = await send(site.url, '/', { headers: { 'if-none-match': '"0-0"' } });
    expect(stale.status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body bytes', async () => {
    const text = await raw(site.url, 'HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(indexOf('20261203T104512Z-aaaa'))}`);
    expect(head).toContain('X-Frame-Options: DENY');
    expect(body).toBe('');
    const missing = await raw(site.url, 'HEAD /khong-co/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(missing).toMatch(/^HTTP\/1\.1 404 /);
    expect(missing.split('\r\n\r\n')[1]).toBe('');
  });

  it('closes the file of every download the client abandons', async () => {
    await send(site.url, '/');
    const before = openDescriptors();
    const { hostname, port } = new URL(site.url);
    await Promise.all(
      Array.from(
        { length: 20 },
        () =>
          new Promise<void>((resolve, reject) => {
            const req = request({ hostname, port, path: '/big.bin', agent: false }, (res) => {
              res.once('data', () => {
                req.destroy();
                resolve();
              });
            });
            req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve() : reject(error)));
            req.end();
          }),
      ),
    );
    let after = openDescriptors();
    for (let i = 0; i < 40 && after > before; i++) {
      await sleep(50);
      after = openDescriptors();
    }
    expect(after).toBeLessThanOrEqual(before);
    expect(lines.filter((line) => line.includes('streaming'))).toEqual([]);
  });
});

/**
 * Sends a POST whose body is made as it is sent (never held whole by the client): `total` bytes of form
 * data in 64 KB chunks, with or without a declared length. Resolves with the answer and how many bytes
 * the server let the client write before answering.
 */
function streamPost(url: string, path: string, total: number, declare: boolean): Promise<{ status: number; body: string; sent: number }> {
  const { hostname, port } = new URL(url);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (declare) headers['content-length'] = String(total);
    const req = request({ hostname, port, path, method: 'POST', headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), sent }));
      res.on('error', reject);
    });
    // Once the server answers and closes, further writes fail: that is the point, not an error.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const write = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

describe('request bodies (#17.2)', () => {
  const MB = 1024 * 1024;
  const memory = () => process.memoryUsage().rss;

  it('hands a form body within the limit to the handler, read once', async () => {
    const answer = await streamPost(site.url, '/admin/login/', 64 * 1024, true);
    expect(answer).toMatchObject({ status: 200, body: 'READ 65536' });
  });

  it('answers 413 to a declared length over 64 KB on the sign-in form without reading the body', async () => {
    const answer = await streamPost(site.url, '/admin/login/', 200 * MB, true);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('too large');
    expect(answer.sent).toBeLessThan(50 * MB);
  });

  it('answers 413 to a 64 MB body streamed without a length, and holds none of it in memory', async () => {
    const before = memory();
    const answer = await streamPost(site.url, '/admin/login/', 64 * MB, false);
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(64 * MB);
    expect(memory() - before).toBeLessThan(16 * MB);
  });

  it('holds every other POST to the form limit too, public paths and unknown admin paths alike', async () => {
    for (const path of ['/', '/admin/khong-co/', '/admin/users/1/'])
      expect((await streamPost(site.url, path, 1 * MB, true)).status, path).toBe(413);
  });

  it('leaves upload routes to their own limits', async () => {
    expect(await streamPost(site.url, '/admin/products/1/images/', 1 * MB, true)).toMatchObject({ status: 200, body: `READ ${MB}` });
  });
});

describe('HSTS', () => {
  it('is sent on every response when the site is served over HTTPS, and only then', async () => {
    const https = await startSiteServer({ releasesDir, host: '127.0.0.1', port: 0, siteUrl: 'https://spcnnt.example.vn', log: () => {} });
    try {
      for (const path of ['/', '/admin/', '/khong-co/', '/products/tra', '/.env']) {
        const answer = await send(https.url, path);
        expect(answer.headers['strict-transport-security'], path).toBe('max-age=31536000');
      }
    } finally {
      await https.close();
    }
    expect((await send(site.url, '/')).headers['strict-transport-security']).toBeUndefined();
  });
});

describe('no release yet', () => {
  it('answers 503 until the first release is linked, then serves it without a restart', async () => {
    const empty = join(root, 'empty-releases');
    mkdirSync(empty, { recursive: true });
    const logged: string[] = [];
    const waiting = await startSiteServer({ releasesDir: empty, host: '127.0.0.1', port: 0, log: (line) => logged.push(line) });
    try {
      expect(waiting.currentRelease()).toBeNull();
      for (const path of ['/', '/admin/', '/.env']) {
        const answer = await send(waiting.url, path);
        expect(answer.status).toBe(503);
        expect(answer.body.toString()).toBe('Đang chuẩn bị trang / Site is being prepared\n');
        expect(answer.headers['retry-after']).toBeDefined();
        expect(answer.headers['cache-control']).toBe('no-store');
        expect(answer.headers).toMatchObject(SECURITY);
      }
      // A link to something that is not a release folder of this directory is no release either.
      symlinkSync('../releases/20261203T104512Z-aaaa', join(empty, 'current'));
      expect((await send(waiting.url, '/')).status).toBe(503);
      rmSync(join(empty, 'current'));
      makeRelease(empty, '20261205T080000Z-cccc');
      switchTo(empty, '20261205T080000Z-cccc');
      const answer = await send(waiting.url, '/');
      expect(answer.status).toBe(200);
      expect(answer.body.toString()).toBe(indexOf('20261205T080000Z-cccc'));
      expect(logged.filter((line) => line.includes('503')).length).toBeGreaterThan(0);
    } finally {
      await waiting.close();
    }
  });
});

describe('switching releases under load', () => {
  it('gives every one of 100 concurrent clients A or B whole, B from the switch on, and imports B once', async () => {
    const A = '20261203T104512Z-aaaa';
    const B = '20261204T091500Z-bbbb';
    makeRelease(releasesDir, B);
    const bodies: Record<string, Buffer> = { [A]: Buffer.from(indexOf(A)), [B]: Buffer.from(indexOf(B)) };
    await send(site.url, '/admin/'); // A's handler is loaded
    expect(imports()[A]).toBe(1);

    const agent = new Agent({ keepAlive: true, maxSockets: 100 });
    const results: { started: number; status: number; release: string | null; admin: boolean }[] = [];
    const errors: unknown[] = [];
    let switchedAt = Infinity;
    const stopAt = performance.now() + 2000;
    const client = async (n: number) => {
      for (let i = 0; performance.now() < stopAt; i++) {
        const admin = (n + i) % 10 === 0;
        const started = performance.now();
        try {
          const answer = await send(site.url, admin ? '/admin/' : '/', { agent });
          const text = answer.body.toString();
          const release = admin
            ? ([A, B].find((id) => text === `ADMIN ${id} GET`) ?? null)
            : ([A, B].find((id) => answer.body.equals(bodies[id]!)) ?? null);
          results.push({ started, status: answer.status, release, admin });
        } catch (error) {
          errors.push(error);
        }
      }
    };
    const switcher = async () => {
      await sleep(700);
      switchTo(releasesDir, B);
      switchedAt = performance.now();
    };
    await Promise.all([...Array.from({ length: 100 }, (_, n) => client(n)), switcher()]);
    agent.destroy();

    expect(errors).toEqual([]);
    expect(results.length).toBeGreaterThan(500);
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    expect(results.filter((r) => r.release === null)).toEqual([]);
    expect(results.filter((r) => r.started > switchedAt && r.release !== B)).toEqual([]);
    expect(results.some((r) => r.release === A)).toBe(true);
    expect(results.some((r) => r.release === B)).toBe(true);
    expect(results.some((r) => r.admin && r.release === B)).toBe(true);
    expect(site.currentRelease()).toBe(B);
    expect(imports()[B]).toBe(1);
    expect(imports()[A]).toBe(1);
    // Only the current release's listener stays on the process.
    const tagged = process.listeners('unhandledRejection').map((listener) => (listener as { release?: string }).release);
    expect(tagged.filter((release) => release === A)).toEqual([]);
    expect(tagged.filter((release) => release === B)).toEqual([B]);
    expect(lines).toContain(`site: serving release ${B}`);
  }, 30_000);

  it('names its release on every response, and still serves a page opened before the switch its hashed scripts', async () => {
    const A = '20261203T104512Z-aaaa';
    const B = '20261204T091500Z-bbbb';
    writeFileSync(join(releasesDir, A, 'client', '_astro', 'only-a.hash.js'), 'ONLY-A');
    for (const path of ['/', '/search/products/manifest.json', '/khong-co/', '/admin/']) {
      expect((await send(site.url, path)).headers['x-release'], path).toBe(B);
    }
    const older = await send(site.url, '/_astro/only-a.hash.js');
    expect(older.status).toBe(200);
    expect(older.body.toString()).toBe('ONLY-A');
    expect(older.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Only hashed assets: a page or a search file the current release lacks is its 404.
    writeFileSync(join(releasesDir, A, 'client', 'only-a.html'), 'ONLY-A');
    expect((await send(site.url, '/only-a.html')).status).toBe(404);
    expect((await send(site.url, '/_astro/none.hash.js')).status).toBe(404);
  });

  it('keeps serving after the old release folder is deleted', async () => {
    const B = '20261204T091500Z-bbbb';
    rmSync(join(releasesDir, '20261203T104512Z-aaaa'), { recursive: true, force: true });
    expect((await send(site.url, '/')).body.toString()).toBe(indexOf(B));
    expect((await send(site.url, '/products/tra/')).body.toString()).toContain(`Trà ${B}`);
    expect((await send(site.url, '/admin/')).body.toString()).toBe(`ADMIN ${B} GET`);
    const missing = await send(site.url, '/khong-co/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain(`404 ${B}`);
    expect(imports()[B]).toBe(1);
  });

  it('closes promptly with an idle keep-alive connection open', async () => {
    const other = await startSiteServer({ releasesDir, host: '127.0.0.1', port: 0, log: () => {} });
    const agent = new Agent({ keepAlive: true });
    expect((await send(other.url, '/', { agent })).status).toBe(200);
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1000);
    agent.destroy();
  });
});
