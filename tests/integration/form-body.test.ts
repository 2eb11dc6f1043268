/**
 * Form bodies read under their limit while they stream (#17.2): the helper every form page and the
 * middleware go through. The site server's own limit (before Astro) is tested in site-server.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { FORM_BODY_LIMIT } from '#domain/auth.ts';
import { postedForm } from '#server/admin-pages.ts';
import { readFormBody } from '#server/form-body.ts';

const MB = 1024 * 1024;

/** A POST whose body is made as it is pulled, counting what was pulled; `total` bytes of "a=aaaa…". */
function streamedPost(total: number, declared?: number) {
  const counter = { pulled: 0 };
  const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        if (counter.pulled === 0) controller.enqueue(new TextEncoder().encode('a='));
        counter.pulled += chunk.length;
        controller.enqueue(chunk.slice());
      },
    },
    { highWaterMark: 0 },
  );
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (declared !== undefined) headers['content-length'] = String(declared);
  const request = new Request('http://localhost/admin/login/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { request, counter };
}

describe('readFormBody', () => {
  it('reads a form within the limit', async () => {
    const request = new Request('http://localhost/admin/login/', {
      method: 'POST',
      body: new URLSearchParams({ email: 'a@b.vn', password: 'Mật khẩu' }),
    });
    const read = await readFormBody(request);
    expect(read.ok && Object.fromEntries(read.form)).toEqual({ email: 'a@b.vn', password: 'Mật khẩu' });
  });

  it('answers 413 to a 200 MB body as soon as it passes 64 KB, pulling and holding none of the rest', async () => {
    const { request, counter } = streamedPost(200 * MB);
    const before = process.memoryUsage().rss;
    expect(await readFormBody(request)).toEqual({ ok: false, status: 413 });
    expect(counter.pulled).toBeLessThanOrEqual(FORM_BODY_LIMIT + 2 * 64 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(16 * MB);
  });

  it('answers 413 to a declared length over the limit without pulling a byte', async () => {
    const { request, counter } = streamedPost(200 * MB, 200 * MB);
    expect(await readFormBody(request)).toEqual({ ok: false, status: 413 });
    expect(counter.pulled).toBe(0);
  });

  it('answers 400 to a body that is not a form', async () => {
    const request = new Request('http://localhost/admin/login/', {
      method: 'POST',
      body: 'no boundary here',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
    });
    expect(await readFormBody(request)).toEqual({ ok: false, status: 400 });
  });
});

describe('postedForm', () => {
  it('gives the page the form the middleware read, without reading the body twice', async () => {
    const request = new Request('http://localhost/admin/account/', { method: 'POST', body: new URLSearchParams({ x: '1' }) });
    const first = await readFormBody(request);
    expect(request.bodyUsed).toBe(true);
    const form = await postedForm(request);
    expect(first.ok && form).toBe(first.ok && first.form);
  });

  it('gives null for a body over the limit', async () => {
    expect(await postedForm(streamedPost(1 * MB).request)).toBeNull();
  });
});
