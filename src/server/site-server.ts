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
 * The parts live in ./site-server/: which release answers (release-tracker.ts), its small files in memory
 * (file-cache.ts), its Astro handler (handler-loader.ts), its static answers (static-files.ts) and the
 * bytes on the wire (responses.ts); this file wires them to one HTTP server.
 * Every response names its release in `X-Release`, so the search script can tell when a publish switched
 * the site between two of its fetches (src/scripts/search-client.ts). A hashed asset (`_astro/`) that the
 * current release no longer has is served from a kept older release: a page opened before a publish may
 * still ask for its scripts (the names are content hashes, so any release's copy is the same bytes).
 * Every response carries the headers a meta CSP cannot give (frame-ancestors, nosniff, Referrer-Policy,
 * HSTS on HTTPS); a page's CSP header repeats its meta policy (script hashes) with frame-ancestors (#17.5);
 * the admin's own stricter values win, since Node lets the handler's writeHead replace them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { postBodyLimit } from '#domain/auth.ts';
import { staticTarget } from '#domain/static-paths.ts';
import { readNodeBodyLimited } from './body-limit.ts';
import { FileCache } from './site-server/file-cache.ts';
import { attachListeners, detachListeners, HandlerLoader } from './site-server/handler-loader.ts';
import { errorText, type AstroHandler, type Log, type Release } from './site-server/release.ts';
import { ReleaseTracker } from './site-server/release-tracker.ts';
import { plain, SECURITY_HEADERS } from './site-server/responses.ts';
import { StaticFiles } from './site-server/static-files.ts';

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

/** The path of a request target, for the route table (a target that does not parse gets the strictest limit). */
const pathnameOf = (url: string | undefined) => {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '/';
  }
};

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

/** The release tracker, file cache, handler loader and static side of one site, wired together. */
function siteParts(releasesDir: string, log: Log) {
  const loader = new HandlerLoader(log, (release) => tracker.settle(release));
  const tracker: ReleaseTracker = new ReleaseTracker(releasesDir, log, {
    // Load the admin now, not on its first request: a broken server bundle shows in the log at the switch.
    switched: (release) => void loader.load(release).catch(() => {}),
    woke: attachListeners,
    idle: (release) => {
      cache.forget(release);
      detachListeners(release);
    },
  });
  const cache = new FileCache((release) => tracker.isLive(release));
  return { tracker, loader, files: new StaticFiles({ releasesDir, cache, log }) };
}

/** Answers one request from the current release: its static files, else its Astro handler, else its 404 page. */
function requestHandler(parts: ReturnType<typeof siteParts>, log: Log, httpsSite: boolean, isClosing: () => boolean) {
  const { tracker, loader, files } = parts;

  async function serveDynamic(release: Release, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let handler: AstroHandler;
    try {
      handler = await loader.load(release);
    } catch {
      return plain(req, res, 500, 'Lỗi máy chủ / Server error');
    }
    if (req.method === 'POST' && !(await limitBody(req, res))) return;
    // The adapter calls next() when no on-demand route matches; next(error) is Express's error path.
    await handler(req, res, (error?: unknown) =>
      error === undefined
        ? files.notFound(release, req, res)
        : Promise.reject(error instanceof Error ? error : new Error(errorText(error))),
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A request that came on a kept-alive socket after close() began: answer it, then let the socket go.
    if (isClosing()) res.setHeader('Connection', 'close');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (httpsSite || ('encrypted' in req.socket && req.socket.encrypted)) res.setHeader('Strict-Transport-Security', HSTS);
    if (!isAllowedMethod(req.method)) {
      res.setHeader('Allow', ALLOWED_METHODS.join(', '));
      return plain(req, res, 405, 'Phương thức không được hỗ trợ / Method not allowed');
    }
    const release = tracker.current();
    if (!release) {
      res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
      return plain(req, res, 503, 'Đang chuẩn bị trang / Site is being prepared');
    }
    res.setHeader(RELEASE_HEADER, release.id);
    tracker.serve(release, res);
    const target = staticTarget(req.url ?? '/');
    if (target.kind === 'refused') {
      return target.status === 400 ? plain(req, res, 400, 'Yêu cầu không hợp lệ / Bad request') : files.notFound(release, req, res);
    }
    const reads = req.method === 'GET' || req.method === 'HEAD';
    if (reads && (await files.redirectMoved(release, req, res))) return;
    if (reads && (await files.serve(release, target, req, res))) return;
    return serveDynamic(release, req, res);
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      log(`site: ${req.method} ${req.url} failed: ${errorText(error)}`);
      if (!res.headersSent) plain(req, res, 500, 'Lỗi máy chủ / Server error');
      else res.destroy();
    });
  };
}

/** Stops accepting, closes idle keep-alive sockets now and busy ones after CLOSE_GRACE_MS. */
function closeServer(server: Server): Promise<void> {
  return new Promise<void>((closed, fail) => {
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
  });
}

/** Starts the site server on a releases folder and answers once it listens. */
export async function startSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const parts = siteParts(resolve(options.releasesDir), log);
  let closing = false;
  const server = createServer(requestHandler(parts, log, options.siteUrl?.startsWith('https://') ?? false, () => closing));
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
  parts.tracker.current();
  return {
    server,
    url,
    currentRelease: () => parts.tracker.current()?.id ?? null,
    close: () => {
      closing = true;
      return closeServer(server);
    },
  };
}
