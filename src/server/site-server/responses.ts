/**
 * The site server's answers on the wire: a file with its validators, ranges and content coding; a short
 * text answer; a redirect. Every response also carries SECURITY_HEADERS (see ../site-server.ts).
 */
import { constants as fsConstants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { ifRangeHolds, isCompressible, rangeOf } from '#domain/content-coding.ts';
import { headerPolicyOf, metaPolicyOf } from '#domain/csp.ts';
import { contentTypeOf, entityTag, httpDate, isNotModified } from '#domain/static-paths.ts';
import { errorCode, errorText, type Entity, type Log, type SendOptions } from './release.ts';

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  // A page's own policy replaces this one (pagePolicy); frame-ancestors is what a meta tag cannot give.
  'Content-Security-Policy': headerPolicyOf(null),
  'Cross-Origin-Opener-Policy': 'same-origin',
};
/** An SVG opened on its own is a document that may run script: sandbox it (no effect on <img> use). */
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
/** File-system answers that just mean "no such static file". */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'EISDIR', 'ELOOP']);
/** How much of a page is read for its meta CSP when the page is streamed (the tag is early in the head). */
const HEAD_BYTES = 64 * 1024;
/** Stream errors that just mean the client went away. */
const ABORTED = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_DESTROYED']);

/** A short text answer (errors, 503); never cached. */
export function plain(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** An empty redirect answer. */
export function redirect(res: ServerResponse, status: 301 | 303, location: string, cacheControl: string): void {
  res.writeHead(status, { Location: location, 'Cache-Control': cacheControl, 'Content-Length': 0 });
  res.end();
}

export type Opened = { handle: FileHandle; stats: Stats };

/**
 * Opens a file of a client folder and looks at what it is. `probe` only asks whether a regular file is
 * there (closed at once). O_NONBLOCK so that a stray FIFO could never stall the open.
 */
export async function openFile(client: string, file: string, log: Log, probe: true): Promise<'file' | 'directory' | 'missing'>;
export async function openFile(client: string, file: string, log: Log): Promise<Opened | 'directory' | 'missing'>;
export async function openFile(client: string, file: string, log: Log, probe = false): Promise<Opened | 'file' | 'directory' | 'missing'> {
  const path = join(client, file);
  // staticTarget already refused every segment that could climb out; this is the belt to its braces.
  if (!path.startsWith(client + sep)) return 'missing';
  let handle: FileHandle;
  try {
    handle = await open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (error) {
    if (!MISSING.has(errorCode(error))) log(`site: cannot open ${path}: ${errorText(error)}`);
    return 'missing';
  }
  try {
    const stats = await handle.stat();
    const kind = stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'missing';
    if (kind !== 'file' || probe) {
      await handle.close();
      return kind;
    }
    return { handle, stats };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/** A page's CSP header: the policy of its meta tag (read from its head) and frame-ancestors. */
export async function pagePolicy(body: Buffer | undefined, handle: FileHandle | undefined): Promise<string> {
  let head = body?.subarray(0, HEAD_BYTES);
  if (!head && handle) {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(HEAD_BYTES), position: 0 });
    head = buffer.subarray(0, bytesRead);
  }
  return headerPolicyOf(head ? metaPolicyOf(head.toString('utf8')) : null);
}

/**
 * Sets the validators of a 200 answer; 'not-modified' when the client has it (answered 304 here), else
 * the byte range a GET asks for (null for the whole).
 */
function validate(req: IncomingMessage, res: ServerResponse, { size, mtimeMs }: Entity, encoding: SendOptions['encoding']) {
  const etag = entityTag(size, mtimeMs, encoding === 'identity' ? undefined : encoding);
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', httpDate(mtimeMs));
  const conditions = { ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] };
  if (isNotModified(conditions, etag, mtimeMs)) {
    res.writeHead(304);
    res.end();
    return 'not-modified';
  }
  res.setHeader('Accept-Ranges', 'bytes');
  const ifRange = req.headers['if-range'];
  if (req.method === 'GET' && ifRangeHolds(typeof ifRange === 'string' ? ifRange : undefined, etag, mtimeMs))
    return rangeOf(req.headers.range, size);
  return null;
}

/**
 * Sends a file, in memory or open (which this closes, whatever happens), with its validators; 304 when the
 * client has it; one byte range of it when a GET asks (206, or 416 past its end). A compressed form is
 * its own representation: its length, its tag, its ranges; `Vary` tells caches the choice was made.
 */
export async function sendFile(req: IncomingMessage, res: ServerResponse, entity: Entity, options: SendOptions, log: Log): Promise<void> {
  const { size, body, handle } = entity;
  const { status, file, cacheControl, encoding = 'identity', policy } = options;
  let streaming = false;
  try {
    res.setHeader('Cache-Control', cacheControl);
    if (isCompressible(file)) res.setHeader('Vary', 'Accept-Encoding');
    const type = contentTypeOf(file);
    if (type === 'image/svg+xml') res.setHeader('Content-Security-Policy', SVG_CSP);
    if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', policy ?? (await pagePolicy(body, handle)));
    const range = status === 200 ? validate(req, res, entity, encoding) : null;
    if (range === 'not-modified') return;
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
      res.end();
      return;
    }
    res.setHeader('Content-Type', type);
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    const { start, end } = range ?? { start: 0, end: size - 1 };
    res.setHeader('Content-Length', end - start + 1);
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.writeHead(range ? 206 : status);
    if (req.method === 'HEAD' || size === 0 || body) {
      res.end(req.method === 'HEAD' ? undefined : body?.subarray(start, end + 1));
      return;
    }
    // From here the stream owns the handle: it closes it at the end, on error, and when the client aborts.
    const stream = handle.createReadStream({ start, end });
    streaming = true;
    await new Promise<void>((done) =>
      pipeline(stream, res, (error) => {
        if (error && !ABORTED.has(errorCode(error))) log(`site: streaming ${file} failed: ${errorText(error)}`);
        done();
      }),
    );
  } finally {
    if (!streaming) await handle?.close().catch(() => {});
  }
}
