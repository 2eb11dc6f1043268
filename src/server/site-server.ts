/**
 * The running site: static files and the admin from the current release, found per request (R23, R32).
 *
 * A publish builds a new folder under the releases directory and renames a `current` symlink onto it.
 * The Node adapter's standalone server fixes its client folder once, at start, from the real path of its
 * entry module, so it would keep serving the release it started with. Here every request reads the link
 * (one readlink, no realpath unless the target changed), keeps the release it started with until it ends
 * (one response never mixes two releases), and is answered from that release only:
 *  - GET/HEAD of a file of `<release>/client` (src/domain/static-paths.ts decides which names may be
 *    served: no dotfiles, databases, source maps; no directory listing), streamed with validators;
 *  - anything else goes to the release's own Astro handler (`server/entry.mjs`, adapter in middleware
 *    mode), imported once per release folder; when it has no route, `client/404.html` with status 404.
 * Every response names its release in `X-Release`, so the search script can tell when a publish switched
 * the site between two of its fetches (src/scripts/search-client.ts). A hashed asset (`_astro/`) that the
 * current release no longer has is served from a kept older release: a page opened before a publish may
 * still ask for its scripts (the names are content hashes, so any release's copy is the same bytes).
 * Every response carries the headers a meta CSP cannot give (frame-ancestors, nosniff, Referrer-Policy,
 * HSTS on HTTPS); a page's CSP header repeats its meta policy (script hashes) with frame-ancestors (#17.5);
 * the admin's own stricter values win, since Node lets the handler's writeHead replace them.
 */
import { constants as fsConstants, readlinkSync, realpathSync, type Stats } from 'node:fs';
import { open, readdir, readFile, type FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  chooseEncoding,
  CODING_SUFFIX,
  ifRangeHolds,
  isCompressible,
  rangeOf,
  type Coding,
  type Encoding,
} from '../domain/content-coding.ts';
import {
  cacheControlOf,
  contentTypeOf,
  entityTag,
  httpDate,
  isNotModified,
  staticTarget,
  type StaticTarget,
} from '../domain/static-paths.ts';
import { headerPolicyOf, metaPolicyOf } from '../domain/csp.ts';
import { unknownPathAnswer } from '../domain/not-found-route.ts';
import { movedTo, parseRedirects, REDIRECTS_FILE } from '../domain/redirects.ts';
import { postBodyLimit } from '../domain/auth.ts';
import { readNodeBodyLimited } from './body-limit.ts';

export interface SiteServerOptions {
  /** The folder holding the release folders and the `current` symlink. */
  releasesDir: string;
  host: string;
  /** 0 for any free port (tests). */
  port: number;
  /** The public address; an https:// one turns on HSTS. */
  siteUrl?: string;
  /** One line per event worth an operator's eye (release switches, handler loads, errors); console.log by default. */
  log?: (line: string) => void;
}

export interface SiteServer {
  server: Server;
  /** `http://host:port/`, with the port actually bound. */
  url: string;
  /** Stops accepting, closes idle keep-alive sockets now and busy ones after a short grace. */
  close(): Promise<void>;
  /** The folder name of the release `current` points to now, or null when there is none. */
  currentRelease(): string | null;
}

/**
 * The adapter's middleware-mode handler (node_modules/@astrojs/node/dist/types.d.ts, RequestHandler). Its
 * `next` is typed void there, but serve-app.js does `return next()` and middleware.js awaits it, so a
 * promise returned by ours is waited for (and a rejection becomes the adapter's 500).
 */
type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => Promise<void>,
  locals?: object,
) => void | Promise<void>;
type RejectionListener = NodeJS.UnhandledRejectionListener;

interface Release {
  id: string;
  /** Real path of the release folder: the key of the handler cache. */
  dir: string;
  client: string;
  handler?: Promise<AstroHandler>;
  /** Requests that started on this release and have not closed yet. */
  inFlight: number;
  /**
   * The `unhandledRejection` listeners the release's entry added when imported (the adapter adds one per
   * import). Kept on the process only while the release is current or busy, so a server that lives through
   * many publishes does not pile them up (Node warns from the 11th).
   */
  listeners: RejectionListener[];
  attached: boolean;
  /** Small files already read from this release, least recently used first (see FILE_CACHE_BYTES). */
  files: Map<string, CachedFile>;
  /** The release's permanent redirects (client/_redirects), read on first use. */
  moves?: Promise<Map<string, string>>;
  /** Brotli/gzip forms looked for and not found (a file too small to gain from one), so not looked for again. */
  absent: Set<string>;
}

interface CachedFile {
  body: Buffer;
  mtimeMs: number;
}
/** What sendFile sends: a file still open (streamed, then closed) or bytes already in memory. */
type Entity = { size: number; mtimeMs: number } & ({ handle: FileHandle; body?: undefined } | { body: Buffer; handle?: undefined });
/** How sendFile sends it: status, caching, and the content coding chosen (#19.5). */
interface SendOptions {
  status: 200 | 404;
  file: string;
  cacheControl: string;
  encoding?: Encoding;
  /** A page's CSP header, read from the page itself when the entity is one of its compressed forms. */
  policy?: string;
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  // A page's own policy replaces this one (pagePolicy); frame-ancestors is what a meta tag cannot give.
  'Content-Security-Policy': headerPolicyOf(null),
  'Cross-Origin-Opener-Policy': 'same-origin',
};
/** An SVG opened on its own is a document that may run script: sandbox it (no effect on <img> use). */
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
const HSTS = 'max-age=31536000';
/** The response header naming the release that answered (read by src/scripts/search-client.ts). */
export const RELEASE_HEADER = 'X-Release';
const RETRY_AFTER_SECONDS = '10';
/**
 * The methods the site answers: pages and files (GET, HEAD) and the admin's forms (POST). Any other is
 * refused here with 405 and `Allow`, before a handler sees it: the adapter builds a fetch `Request`, which
 * throws on TRACE, TRACK and CONNECT, and that turned `TRACE /` into a 500 with a logged stack (#17.9).
 */
const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;
const isAllowedMethod = (method: string | undefined) => (ALLOWED_METHODS as readonly (string | undefined)[]).includes(method);
const CLOSE_GRACE_MS = 3000;
/**
 * Release folders never change once published, so small files are kept in memory after their first read:
 * pages, scripts, search shards and thumbnails then cost no file-system call at all (an open, a stat, a
 * read and a close each go through libuv's thread pool, and bounded the server to about a quarter of what
 * Node can send). Larger files are streamed. Only the current release's (and busy ones') entries are kept.
 */
const FILE_CACHE_MAX_FILE = 256 * 1024;
const FILE_CACHE_BYTES = 64 * 1024 * 1024;
/** File-system answers that just mean "no such static file". */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'EISDIR', 'ELOOP']);
/** How much of a page is read for its meta CSP when the page is streamed (the tag is early in the head). */
const HEAD_BYTES = 64 * 1024;
/** Stream errors that just mean the client went away. */
const ABORTED = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_DESTROYED']);

/** The path of a request target, for the route table (a target that does not parse gets the strictest limit). */
const pathnameOf = (url: string | undefined) => {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '/';
  }
};
const errorCode = (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : '');
const errorText = (error: unknown) => (error instanceof Error ? error.stack || error.message : String(error));

export async function startSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const releasesDir = resolve(options.releasesDir);
  const link = join(releasesDir, 'current');
  const log = options.log ?? ((line: string) => console.log(line));
  const httpsSite = options.siteUrl?.startsWith('https://') ?? false;
  const releases = new Map<string, Release>();
  let seen: { target: string; release: Release } | null = null;
  let linkProblem = '';
  let closing = false;
  let cachedBytes = 0;
  // Imports run one at a time, so the listeners an import adds are known to be its own.
  let importQueue: Promise<unknown> = Promise.resolve();

  /** The release `current` names now; reads the link on every call, resolves it only when it changed. */
  function current(): Release | null {
    let target: string;
    try {
      target = readlinkSync(link);
    } catch (error) {
      return noRelease(errorCode(error) === 'ENOENT' ? 'no current release' : `cannot read ${link}: ${errorText(error)}`);
    }
    if (seen?.target === target) return seen.release;
    let dir: string;
    try {
      dir = realpathSync(resolve(releasesDir, target));
    } catch (error) {
      return noRelease(`current points to ${target}, which cannot be resolved (${errorCode(error) || errorText(error)})`);
    }
    // Only a release folder of this directory, never a staging folder or anything outside it.
    if (dirname(dir) !== realpathSync(releasesDir) || basename(dir).startsWith('.'))
      return noRelease(`current points to ${target}, which is not a release folder of ${releasesDir}`);
    let release = releases.get(dir);
    if (!release) {
      release = {
        id: basename(dir),
        dir,
        client: join(dir, 'client'),
        inFlight: 0,
        listeners: [],
        attached: true,
        files: new Map(),
        absent: new Set(),
      };
      releases.set(dir, release);
    }
    const previous = seen?.release;
    seen = { target, release };
    linkProblem = '';
    attach(release);
    if (previous && previous !== release) settle(previous);
    log(`site: serving release ${release.id}`);
    // Load the admin now, not on its first request: a broken server bundle shows in the log at the switch.
    loadHandler(release).catch(() => {});
    return release;
  }

  function noRelease(problem: string): null {
    const previous = seen?.release;
    seen = null;
    if (previous) settle(previous);
    if (problem !== linkProblem) log(`site: ${problem}; answering 503`);
    linkProblem = problem;
    return null;
  }

  function attach(release: Release): void {
    if (release.attached) return;
    for (const listener of release.listeners) process.on('unhandledRejection', listener);
    release.attached = true;
  }

  /** Takes a release's listeners off the process, and its files out of memory, once it is neither current nor busy. */
  function settle(release: Release): void {
    if (release.inFlight > 0 || seen?.release === release) return;
    for (const { body } of release.files.values()) cachedBytes -= body.length;
    release.files.clear();
    release.absent.clear();
    if (!release.attached) return;
    for (const listener of release.listeners) process.off('unhandledRejection', listener);
    release.attached = false;
  }

  function recall(release: Release, file: string): Entity | undefined {
    const cached = release.files.get(file);
    if (!cached) return undefined;
    // Most recently used last.
    release.files.delete(file);
    release.files.set(file, cached);
    return { size: cached.body.length, mtimeMs: cached.mtimeMs, body: cached.body };
  }

  /** Reads a small opened file whole (closing it) and keeps it; a larger one is left open to be streamed. */
  async function remember(release: Release, file: string, { handle, stats }: { handle: FileHandle; stats: Stats }): Promise<Entity> {
    if (stats.size > FILE_CACHE_MAX_FILE) return { size: stats.size, mtimeMs: stats.mtimeMs, handle };
    let body: Buffer;
    try {
      body = await handle.readFile();
    } finally {
      await handle.close().catch(() => {});
    }
    // Another request may have read it meanwhile, or the release may have been let go while this one read.
    if (!release.files.has(file) && (release.inFlight > 0 || seen?.release === release)) {
      for (const [oldest, entry] of release.files) {
        if (cachedBytes + body.length <= FILE_CACHE_BYTES) break;
        release.files.delete(oldest);
        cachedBytes -= entry.body.length;
      }
      if (cachedBytes + body.length <= FILE_CACHE_BYTES) {
        release.files.set(file, { body, mtimeMs: stats.mtimeMs });
        cachedBytes += body.length;
      }
    }
    return { size: body.length, mtimeMs: stats.mtimeMs, body };
  }

  /** The release's Astro handler, imported once; a failed import stays failed (a published release never changes). */
  function loadHandler(release: Release): Promise<AstroHandler> {
    if (release.handler) return release.handler;
    const loading = importQueue.then(() => importHandler(release));
    importQueue = loading.catch(() => {});
    release.handler = loading;
    loading.catch((error: unknown) => log(`site: the server of release ${release.id} could not be loaded: ${errorText(error)}`));
    return loading;
  }

  async function importHandler(release: Release): Promise<AstroHandler> {
    const before = new Set(process.listeners('unhandledRejection'));
    const started = performance.now();
    try {
      const entry = pathToFileURL(join(release.dir, 'server', 'entry.mjs')).href;
      const module = (await import(/* @vite-ignore */ entry)) as { handler?: unknown; options?: { mode?: unknown } };
      if (typeof module.handler !== 'function' || (module.options && module.options.mode !== 'middleware'))
        throw new Error(`${entry} is not a middleware-mode build (astro.config.mjs: node({ mode: 'middleware' }))`);
      log(`site: loaded the server of release ${release.id} (${(performance.now() - started).toFixed(0)} ms)`);
      return module.handler as AstroHandler;
    } finally {
      release.listeners = process.listeners('unhandledRejection').filter((listener) => !before.has(listener));
      release.attached = true;
      settle(release);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`site: ${req.method} ${req.url} failed: ${errorText(error)}`);
      if (!res.headersSent) plain(req, res, 500, 'Lỗi máy chủ / Server error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A request that came on a kept-alive socket after close() began: answer it, then let the socket go.
    if (closing) res.setHeader('Connection', 'close');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (httpsSite || ('encrypted' in req.socket && req.socket.encrypted)) res.setHeader('Strict-Transport-Security', HSTS);
    if (!isAllowedMethod(req.method)) {
      res.setHeader('Allow', ALLOWED_METHODS.join(', '));
      return plain(req, res, 405, 'Phương thức không được hỗ trợ / Method not allowed');
    }

    const release = current();
    if (!release) {
      res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
      return plain(req, res, 503, 'Đang chuẩn bị trang / Site is being prepared');
    }
    res.setHeader(RELEASE_HEADER, release.id);
    release.inFlight++;
    attach(release);
    res.once('close', () => {
      release.inFlight--;
      settle(release);
    });

    const target = staticTarget(req.url ?? '/');
    if (target.kind === 'refused') {
      return target.status === 400 ? plain(req, res, 400, 'Yêu cầu không hợp lệ / Bad request') : notFound(release, req, res);
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && (await redirectMoved(release, req, res))) return;
    if ((req.method === 'GET' || req.method === 'HEAD') && (await serveStatic(release, target, req, res))) return;
    return serveDynamic(release, req, res);
  }

  /**
   * Answers 301 for the old address of a renamed record (src/domain/redirects.ts), before the page the
   * release keeps there for static hosts; false when the path did not move.
   */
  async function redirectMoved(release: Release, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    release.moves ??= readFile(join(release.client, REDIRECTS_FILE), 'utf8').then(parseRedirects, () => new Map<string, string>());
    const moves = await release.moves;
    if (moves.size === 0) return false;
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    const to = movedTo(moves, url.pathname);
    if (!to) return false;
    res.writeHead(301, { Location: to + url.search, 'Cache-Control': 'public, max-age=3600', 'Content-Length': 0 });
    res.end();
    return true;
  }

  /** Answers from the client folder; false when the path names no file there (the handler decides then). */
  async function serveStatic(release: Release, target: StaticTarget, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const options = { status: 200, file: target.file, cacheControl: cacheControlOf(target.file) } as const;
    const cached = recall(release, target.file);
    if (cached) {
      await sendFile(req, res, ...(await negotiate(release, req, cached, options)));
      return true;
    }
    const found = await openFile(release.client, target.file);
    if (found === 'missing') {
      const older = target.file.startsWith('_astro/') ? await olderCopy(release, target.file) : undefined;
      if (!older) return false;
      await sendFile(req, res, { size: older.stats.size, mtimeMs: older.stats.mtimeMs, handle: older.handle }, options);
      return true;
    }
    if (found === 'directory') {
      if (!target.redirect || (await openFile(release.client, target.redirect.indexFile, true)) !== 'file') return false;
      res.writeHead(301, { Location: target.redirect.location, 'Cache-Control': 'public, max-age=3600', 'Content-Length': 0 });
      res.end();
      return true;
    }
    await sendFile(req, res, ...(await negotiate(release, req, await remember(release, target.file, found), options)));
    return true;
  }

  /**
   * The representation a request accepts of a file found in the release (#19.5): the brotli or gzip form
   * written beside it at publish (src/server/precompress.ts) when the client takes it, else the file. A
   * page's CSP is read from the page itself before a compressed form replaces it.
   */
  async function negotiate(release: Release, req: IncomingMessage, identity: Entity, options: SendOptions): Promise<[Entity, SendOptions]> {
    if (!isCompressible(options.file)) return [identity, options];
    const candidates: Coding[] = ['br', 'gzip'];
    for (;;) {
      const encoding = chooseEncoding(req.headers['accept-encoding'], candidates);
      if (encoding === 'identity') return [identity, { ...options, encoding }];
      const form = await findForm(release, options.file + CODING_SUFFIX[encoding]);
      if (form) {
        const policy = contentTypeOf(options.file).startsWith('text/html') ? await pagePolicy(identity.body, identity.handle) : undefined;
        await identity.handle?.close().catch(() => {});
        return [form, { ...options, encoding, ...(policy === undefined ? {} : { policy }) }];
      }
      candidates.splice(candidates.indexOf(encoding), 1);
    }
  }

  /** A compressed form of a file, from memory or the release; undefined when the publish wrote none. */
  async function findForm(release: Release, name: string): Promise<Entity | undefined> {
    const cached = recall(release, name);
    if (cached) return cached;
    if (release.absent.has(name)) return undefined;
    const found = await openFile(release.client, name);
    if (typeof found === 'object') return remember(release, name, found);
    release.absent.add(name);
    return undefined;
  }

  /** A hashed asset from the newest kept release that has it (not cached: only pages opened before a publish ask). */
  async function olderCopy(release: Release, file: string): Promise<{ handle: FileHandle; stats: Stats } | undefined> {
    let names: string[];
    try {
      names = await readdir(releasesDir);
    } catch {
      return undefined;
    }
    const kept = names
      // node_modules: the packages link of a releases folder outside the project (release-modules.ts), never a release.
      .filter((name) => !name.startsWith('.') && name !== 'current' && name !== 'node_modules' && name !== release.id)
      .sort()
      .reverse();
    for (const name of kept) {
      const found = await openFile(join(releasesDir, name, 'client'), file);
      if (typeof found === 'object') return found;
    }
    return undefined;
  }

  async function serveDynamic(release: Release, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let handler: AstroHandler;
    try {
      handler = await loadHandler(release);
    } catch {
      return plain(req, res, 500, 'Lỗi máy chủ / Server error');
    }
    if (req.method === 'POST' && !(await limitBody(req, res))) return;
    // The adapter calls next() when no on-demand route matches; next(error) is Express's error path.
    await handler(req, res, (error?: unknown) =>
      error === undefined ? notFound(release, req, res) : Promise.reject(error instanceof Error ? error : new Error(errorText(error))),
    );
  }

  /**
   * #17.2: a POST's body is read here, up to its route's limit (src/domain/auth.ts, postBodyLimit), before
   * Astro sees the request; the adapter then takes it from `req.body`. Over the limit, declared or as it
   * streams, the rest is never read: 413 with `Connection: close`. (Left to the app, an oversized body is
   * cut by cancelling its stream, which destroys the socket before any answer.) Upload routes read their
   * own bodies under their own limits. False when the request has been answered.
   */
  async function limitBody(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const limit = postBodyLimit(pathnameOf(req.url));
    if (limit === null) return true;
    const body = await readNodeBodyLimited(req, limit);
    if (body.ok) {
      (req as IncomingMessage & { body?: Buffer }).body = body.bytes;
      return true;
    }
    res.setHeader('Connection', 'close');
    plain(req, res, 413, `Dữ liệu gửi lên quá lớn (tối đa ${limit / 1024} KB) / Request body too large (at most ${limit / 1024} KB)`);
    return false;
  }

  /**
   * The release's own 404 page in the path's language, never cached (a publish may add the page); a
   * mistyped /verify/<code>/ goes to the verification answer instead (src/domain/not-found-route.ts).
   */
  async function notFound(release: Release, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (res.headersSent) return;
    const answer = unknownPathAnswer(req.url ?? '/');
    if (answer.kind === 'redirect') {
      res.writeHead(303, { Location: answer.location, 'Cache-Control': 'no-store', 'Content-Length': 0 });
      res.end();
      return;
    }
    for (const file of new Set([answer.file, '404.html'])) {
      const options = { status: 404, file, cacheControl: 'no-store' } as const;
      const cached = recall(release, file);
      if (cached) return sendFile(req, res, ...(await negotiate(release, req, cached, options)));
      const found = await openFile(release.client, file);
      if (typeof found === 'object')
        return sendFile(req, res, ...(await negotiate(release, req, await remember(release, file, found), options)));
    }
    return plain(req, res, 404, 'Không tìm thấy / Not found');
  }

  /**
   * Opens a file of the client folder and looks at what it is. `probe` only asks whether a regular file is
   * there (closed at once). O_NONBLOCK so that a stray FIFO could never stall the open.
   */
  async function openFile(client: string, file: string, probe: true): Promise<'file' | 'directory' | 'missing'>;
  async function openFile(client: string, file: string): Promise<{ handle: FileHandle; stats: Stats } | 'directory' | 'missing'>;
  async function openFile(
    client: string,
    file: string,
    probe = false,
  ): Promise<{ handle: FileHandle; stats: Stats } | 'file' | 'directory' | 'missing'> {
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

  /**
   * Sends a file, in memory or open (which this closes, whatever happens), with its validators; 304 when the
   * client has it; one byte range of it when a GET asks (206, or 416 past its end). A compressed form is
   * its own representation: its length, its tag, its ranges; `Vary` tells caches the choice was made.
   */
  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    { size, mtimeMs, body, handle }: Entity,
    { status, file, cacheControl, encoding = 'identity', policy }: SendOptions,
  ): Promise<void> {
    let streaming = false;
    try {
      res.setHeader('Cache-Control', cacheControl);
      if (isCompressible(file)) res.setHeader('Vary', 'Accept-Encoding');
      const type = contentTypeOf(file);
      if (type === 'image/svg+xml') res.setHeader('Content-Security-Policy', SVG_CSP);
      if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', policy ?? (await pagePolicy(body, handle)));
      let range: ReturnType<typeof rangeOf> = null;
      if (status === 200) {
        const etag = entityTag(size, mtimeMs, encoding === 'identity' ? undefined : encoding);
        res.setHeader('ETag', etag);
        res.setHeader('Last-Modified', httpDate(mtimeMs));
        const conditions = { ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] };
        if (isNotModified(conditions, etag, mtimeMs)) {
          res.writeHead(304);
          res.end();
          return;
        }
        res.setHeader('Accept-Ranges', 'bytes');
        const ifRange = req.headers['if-range'];
        if (req.method === 'GET' && ifRangeHolds(typeof ifRange === 'string' ? ifRange : undefined, etag, mtimeMs))
          range = rangeOf(req.headers.range, size);
      }
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

  /** A page's CSP header: the policy of its meta tag (read from its head) and frame-ancestors. */
  async function pagePolicy(body: Buffer | undefined, handle: FileHandle | undefined): Promise<string> {
    let head = body?.subarray(0, HEAD_BYTES);
    if (!head && handle) {
      const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(HEAD_BYTES), position: 0 });
      head = buffer.subarray(0, bytesRead);
    }
    return headerPolicyOf(head ? metaPolicyOf(head.toString('utf8')) : null);
  }

  /** A short text answer (errors, 503); never cached. */
  function plain(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
    const body = Buffer.from(`${text}\n`);
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  server.on('error', (error) => log(`site: server error: ${errorText(error)}`));
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      ready();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`;
  current();

  return {
    server,
    url,
    currentRelease: () => current()?.id ?? null,
    close: () =>
      new Promise<void>((closed, fail) => {
        closing = true;
        // A keep-alive socket turns idle only once its response has finished, which for a streamed file
        // can be after the client has read the last byte: look again until none is left.
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close((error) => {
          clearInterval(idle);
          clearTimeout(force);
          if (error) fail(error);
          else closed();
        });
        server.closeIdleConnections();
      }),
  };
}
