/**
 * Bytes on the wire (#19.5): a release precompressed by src/server/precompress.ts, served by the site server
 * by Accept-Encoding. Every branch of the negotiation (br, gzip, identity, q-values, `*`, q=0, no header),
 * HEAD, Range and If-Range, and 304 by each representation's own ETag.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFiles, precompressRelease } from '#server/precompress.ts';
import { startSiteServer, type SiteServer } from '#server/site-server.ts';
import { TMP } from '../support/paths.ts';

const POLICY = "default-src 'self'; style-src 'self'";
/** A product-like page, with a meta CSP, small enough to be kept in memory by the server. */
const page = `<!doctype html><html lang="vi"><head><meta http-equiv="content-security-policy" content="${POLICY.replace(/'/g, '&#39;')}"><title>Trà Shan tuyết</title></head><body>${'<p>Trà Shan tuyết Hà Giang, chứng nhận 4 sao. </p>'.repeat(80)}</body></html>`;
/** Past the server's in-memory limit (256 KB): streamed from disk, ranges read from the file. */
const bigCsv = Array.from({ length: 12_000 }, (_, i) => `${i},Nước mắm Phú Quốc ${i},Kiên Giang,4`).join('\n');
const tinyJson = '{"a":1}';

let root: string;
let site: SiteServer;
let client: string;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(site.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (answer: Answer) =>
  answer.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(answer.body)
    : answer.headers['content-encoding'] === 'gzip'
      ? gunzipSync(answer.body)
      : answer.body;

beforeAll(async () => {
  root = join(TMP, `site-encoding-${randomBytes(4).toString('hex')}`);
  const id = '20261207T100000000Z-abcd';
  client = join(root, id, 'client');
  const files: Record<string, string | Buffer> = {
    'products/tra/index.html': page,
    'data/products.csv': bigCsv,
    'tiny.json': tinyJson,
    'media/photo.avif': randomBytes(4096),
    '404.html': `<!doctype html><title>404</title>${'<p>Không tìm thấy trang này.</p>'.repeat(20)}`,
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(client, name, '..'), { recursive: true });
    writeFileSync(join(client, name), content);
  }
  mkdirSync(join(root, id, 'server'), { recursive: true });
  writeFileSync(
    join(root, id, 'server', 'entry.mjs'),
    `export const options = { mode: 'middleware' }; export const handler = (req, res, next) => next();`,
  );
  await precompressRelease(client);
  symlinkSync(id, join(root, '.current-tmp'));
  renameSync(join(root, '.current-tmp'), join(root, 'current'));
  site = await startSiteServer({ releasesDir: root, host: '127.0.0.1', port: 0, log: () => {} });
});

afterAll(async () => {
  await site?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('precompressing a release', () => {
  it('writes brotli and gzip forms beside each text file, which decode to the file', () => {
    for (const name of ['products/tra/index.html', 'data/products.csv', '404.html']) {
      const original = readFileSync(join(client, name));
      const br = readFileSync(join(client, `${name}.br`));
      const gz = readFileSync(join(client, `${name}.gz`));
      expect(brotliDecompressSync(br).equals(original)).toBe(true);
      expect(gunzipSync(gz).equals(original)).toBe(true);
      expect(br.length).toBeLessThan(gz.length);
      expect(gz.length).toBeLessThan(original.length);
    }
  });

  it('writes no form for an image, nor for a file too small to gain', () => {
    expect(() => readFileSync(join(client, 'media/photo.avif.br'))).toThrow(/ENOENT/);
    expect(() => readFileSync(join(client, 'tiny.json.br'))).toThrow(/ENOENT/);
    expect(() => readFileSync(join(client, 'tiny.json.gz'))).toThrow(/ENOENT/);
  });

  it('replaces the forms of a file rendered anew without writing through a link shared with an older release', async () => {
    const older = join(root, 'older');
    const newer = join(root, 'newer');
    mkdirSync(older, { recursive: true });
    mkdirSync(newer, { recursive: true });
    writeFileSync(join(older, 'index.html'), page);
    await precompressFiles([join(older, 'index.html')]);
    const olderForm = readFileSync(join(older, 'index.html.br'));
    // The incremental publisher links unchanged files (and their forms) into the new release, then renders anew.
    for (const name of ['index.html', 'index.html.br', 'index.html.gz']) linkSync(join(older, name), join(newer, name));
    rmSync(join(newer, 'index.html'));
    const changed = page.replace('Trà Shan tuyết', 'Chè Shan tuyết');
    writeFileSync(join(newer, 'index.html'), changed);
    const summary = await precompressFiles([join(newer, 'index.html')]);

    expect(summary.files).toBe(1);
    expect(brotliDecompressSync(readFileSync(join(newer, 'index.html.br'))).toString()).toBe(changed);
    expect(gunzipSync(readFileSync(join(newer, 'index.html.gz'))).toString()).toBe(changed);
    expect(readFileSync(join(older, 'index.html.br')).equals(olderForm)).toBe(true);
  });
});

describe('serving by Accept-Encoding', () => {
  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['x-gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.9', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
    ['identity', undefined],
    ['identity;q=1, br;q=0.8', undefined],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['deflate', undefined],
    ['', undefined],
  ])('Accept-Encoding %j gets %s', async (header, coding) => {
    const answer = await send('/products/tra/', { 'Accept-Encoding': header });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(coding);
    expect(answer.headers['vary']).toBe('Accept-Encoding');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-length']).toBe(String(answer.body.length));
    expect(decoded(answer).toString()).toBe(page);
  });

  it('sends the page itself to a client that names no coding, still saying the answer varies', async () => {
    const answer = await send('/products/tra/');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['vary']).toBe('Accept-Encoding');
    expect(answer.body.toString()).toBe(page);
  });

  it('sends the length and tag of the form it sends: each representation is its own', async () => {
    const [br, gzip, identity] = await Promise.all(['br', 'gzip', 'identity'].map((c) => send('/products/tra/', { 'Accept-Encoding': c })));
    expect(Number(br!.headers['content-length'])).toBe(readFileSync(join(client, 'products/tra/index.html.br')).length);
    expect(Number(gzip!.headers['content-length'])).toBe(readFileSync(join(client, 'products/tra/index.html.gz')).length);
    expect(Number(identity!.headers['content-length'])).toBe(Buffer.byteLength(page));
    expect(new Set([br!.headers['etag'], gzip!.headers['etag'], identity!.headers['etag']]).size).toBe(3);
    expect(br!.headers['etag']).toMatch(/-br"$/);
  });

  it('keeps the page’s CSP header, read from the page, when it sends a compressed form', async () => {
    const answer = await send('/products/tra/', { 'Accept-Encoding': 'br' });
    expect(answer.headers['content-security-policy']).toBe(`${POLICY}; frame-ancestors 'none'`);
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    const get = await send('/products/tra/', { 'Accept-Encoding': 'br' });
    const head = await send('/products/tra/', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-encoding', 'content-length', 'etag', 'vary', 'content-type'])
      expect(head.headers[name]).toBe(get.headers[name]);
  });

  it('answers 304 to the tag of the form the client holds, and 200 when it now takes another', async () => {
    const first = await send('/products/tra/', { 'Accept-Encoding': 'br' });
    const etag = String(first.headers['etag']);
    const again = await send('/products/tra/', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['vary']).toBe('Accept-Encoding');
    const other = await send('/products/tra/', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(other.status).toBe(200);
    expect(gunzipSync(other.body).toString()).toBe(page);
  });

  it('sends a file without forms as it is, and an image with no Vary at all', async () => {
    const tiny = await send('/tiny.json', { 'Accept-Encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['vary']).toBe('Accept-Encoding');
    expect(tiny.body.toString()).toBe(tinyJson);
    const image = await send('/media/photo.avif', { 'Accept-Encoding': 'br, gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['vary']).toBeUndefined();
    expect(image.body).toEqual(readFileSync(join(client, 'media/photo.avif')));
  });

  it('compresses the 404 page too, with its 404 status', async () => {
    const answer = await send('/no-such-page/', { 'Accept-Encoding': 'br' });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(decoded(answer).toString()).toContain('Không tìm thấy trang này.');
  });

  it('never serves a form under its own name', async () => {
    expect((await send('/products/tra/index.html.br')).status).toBe(404);
    expect((await send('/data/products.csv.gz')).status).toBe(404);
  });
});

describe('ranges', () => {
  it('sends one byte range of the file, streamed or in memory', async () => {
    const csv = Buffer.from(bigCsv);
    const middle = await send('/data/products.csv', { Range: 'bytes=1000-1999' });
    expect(middle.status).toBe(206);
    expect(middle.headers['content-range']).toBe(`bytes 1000-1999/${csv.length}`);
    expect(middle.headers['content-length']).toBe('1000');
    expect(middle.body.equals(csv.subarray(1000, 2000))).toBe(true);
    const tail = await send('/tiny.json', { Range: 'bytes=-3' });
    expect(tail.status).toBe(206);
    expect(tail.body.toString()).toBe(tinyJson.slice(-3));
    expect(tail.headers['accept-ranges']).toBe('bytes');
  });

  it('takes a range of the compressed form when that is the representation chosen', async () => {
    const br = readFileSync(join(client, 'data/products.csv.br'));
    const answer = await send('/data/products.csv', { Range: 'bytes=10-', 'Accept-Encoding': 'br' });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-range']).toBe(`bytes 10-${br.length - 1}/${br.length}`);
    expect(answer.body.equals(br.subarray(10))).toBe(true);
  });

  it('answers 416 to a range past the end, and the whole file to a range of another unit or several ranges', async () => {
    const past = await send('/tiny.json', { Range: 'bytes=100-200' });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${tinyJson.length}`);
    for (const range of ['items=0-1', 'bytes=0-1,3-4', 'bytes=5-2']) {
      const whole = await send('/tiny.json', { Range: range });
      expect(whole.status).toBe(200);
      expect(whole.body.toString()).toBe(tinyJson);
    }
  });

  it('sends the whole current representation when If-Range names another, and a range when it names this one', async () => {
    const first = await send('/data/products.csv', { 'Accept-Encoding': 'gzip' });
    const stale = await send('/data/products.csv', {
      'Accept-Encoding': 'br',
      Range: 'bytes=0-9',
      'If-Range': String(first.headers['etag']),
    });
    expect(stale.status).toBe(200);
    expect(brotliDecompressSync(stale.body).toString()).toBe(bigCsv);
    const fresh = await send('/data/products.csv', {
      'Accept-Encoding': 'gzip',
      Range: 'bytes=0-9',
      'If-Range': String(first.headers['etag']),
    });
    expect(fresh.status).toBe(206);
    expect(fresh.body.equals(first.body.subarray(0, 10))).toBe(true);
  });

  it('answers HEAD with a range as the whole representation, without a body', async () => {
    const head = await send('/data/products.csv', { Range: 'bytes=0-9' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(bigCsv)));
    expect(head.body.length).toBe(0);
  });
});
