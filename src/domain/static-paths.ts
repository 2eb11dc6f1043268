/**
 * Which file of a release's client folder a request names, and how it is sent (R23). Pure, so every
 * hostile path is tested without a disk or a server; the I/O lives in src/server/site-server.ts.
 *
 * The rule is an allow-list of shapes rather than a clean-up: a path is split on `/`, each segment is
 * percent-decoded once, and any segment that could leave the folder or name something the build never
 * meant to publish (`..`, a dotfile, an encoded `/` or `\`, a database, a source map, a backup) refuses
 * the whole request. Nothing is rewritten into something else that might then be served.
 *
 * `.well-known` is not excepted: the site publishes nothing there today. If a `security.txt` or similar is
 * added later, allow that one exact path here, not every dotted segment.
 */

export type Refusal = {
  kind: 'refused';
  /** 400 for a request no browser sends (bad escapes, control characters, not a path); 404 otherwise, so a refusal does not confirm that a file exists. */
  status: 400 | 404;
  reason: 'not-a-path' | 'malformed' | 'control-character' | 'separator' | 'empty-segment' | 'dot-segment' | 'forbidden-type' | 'too-long';
};

export type StaticTarget = {
  kind: 'static';
  /** The file to try, relative to the client folder, `/`-separated and decoded: `a/b/index.html` for `/a/b/`. */
  file: string;
  /**
   * For a path without a trailing slash: if `file` turns out to be a folder holding `indexFile`, answer
   * 301 to `location` (the path with its slash and the request's query; the site uses trailingSlash 'always').
   */
  redirect?: { indexFile: string; location: string };
};

/** Longer paths are refused before they reach the file system (no page of the site comes near it). */
export const MAX_PATH_LENGTH = 2048;

/**
 * Extensions never served even if a build were to leave such a file in the client folder: databases and
 * their journals, source maps, environment files, backups and editor leftovers. Compared in lower case.
 */
const FORBIDDEN_SUFFIXES = [
  '.db',
  '.db-wal',
  '.db-shm',
  '.db-journal',
  '.sqlite',
  '.sqlite3',
  '.sqlite-wal',
  '.sqlite-shm',
  '.map',
  '.env',
  '.bak',
  '.orig',
  '.swp',
  '~',
  // The brotli and gzip forms written at publish (#19.5) are sent by Accept-Encoding under the file's own
  // name, never under theirs: one address per resource.
  '.br',
  '.gz',
];

/** C0 controls and DEL, NUL among them: no file of the site has one in its name. */
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Maps a request target (`req.url`: path and query) to a file of the client folder, or refuses it. */
export function staticTarget(requestTarget: string): StaticTarget | Refusal {
  const queryAt = requestTarget.indexOf('?');
  const rawPath = queryAt === -1 ? requestTarget : requestTarget.slice(0, queryAt);
  const query = queryAt === -1 ? '' : requestTarget.slice(queryAt);
  // `*` (OPTIONS) and absolute-form targets name no file.
  if (!rawPath.startsWith('/')) return refuse(400, 'not-a-path');
  if (rawPath.length > MAX_PATH_LENGTH) return refuse(404, 'too-long');
  if (rawPath.includes('\\')) return refuse(404, 'separator');

  const rawSegments = rawPath.slice(1).split('/');
  const trailingSlash = rawSegments[rawSegments.length - 1] === '';
  if (trailingSlash) rawSegments.pop();
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'malformed');
    }
    if (hasControl(segment)) return refuse(400, 'control-character');
    if (segment === '') return refuse(404, 'empty-segment');
    if (segment.includes('/') || segment.includes('\\')) return refuse(404, 'separator');
    // `.` and `..` as well as dotfiles and dot-folders (.git, .env, .staging-…).
    if (segment.startsWith('.')) return refuse(404, 'dot-segment');
    const lower = segment.toLowerCase();
    if (FORBIDDEN_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return refuse(404, 'forbidden-type');
    segments.push(segment);
  }

  if (trailingSlash) return { kind: 'static', file: [...segments, 'index.html'].join('/') };
  const file = segments.join('/');
  const location = `/${segments.map(encodeURIComponent).join('/')}/${safeQuery(query)}`;
  return { kind: 'static', file, redirect: { indexFile: `${file}/index.html`, location } };
}

function refuse(status: Refusal['status'], reason: Refusal['reason']): Refusal {
  return { kind: 'refused', status, reason };
}

/**
 * The query as received, with anything that is not printable ASCII percent-encoded, so it can go into a
 * Location header (Node reads the request line as Latin-1: every character is one byte).
 */
function safeQuery(query: string): string {
  return query.replace(/[^\u0021-\u007e]/g, (c) => `%${(c.charCodeAt(0) & 0xff).toString(16).toUpperCase().padStart(2, '0')}`);
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  webmanifest: 'application/manifest+json',
  pdf: 'application/pdf',
};

/** The Content-Type of a file by its name; unknown kinds download rather than being sniffed. */
export function contentTypeOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  // The certification feed is Atom (src/server/feed-responses.ts); the sitemaps are plain XML.
  if (name === 'feed.xml') return 'application/atom+xml; charset=utf-8';
  const dot = name.lastIndexOf('.');
  return (dot > 0 && CONTENT_TYPES[name.slice(dot + 1)]) || 'application/octet-stream';
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** Hashed build assets and content-hash-named media never change under their name; everything else is revalidated. */
export function cacheControlOf(file: string): string {
  return file.startsWith('_astro/') || file.startsWith('media/') ? IMMUTABLE : REVALIDATE;
}

/**
 * A validator from size and modification time (as nginx does): cheap, and a publish writes new files, so
 * a changed page always gets a new tag. Strong, since a release's files never change in place. Each
 * content coding of a file is its own representation with its own tag (#19.5): entityTag(16, 0, 'br') → '"10-0-br"'.
 */
export function entityTag(size: number, mtimeMs: number, coding?: string): string {
  return `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${coding ? `-${coding}` : ''}"`;
}

/** An HTTP date (IMF-fixdate), to the second. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/**
 * Whether a GET/HEAD can be answered 304 (RFC 9110 §13.1.2–3): If-None-Match decides when present (weak
 * comparison, `*` matches); otherwise If-Modified-Since, compared to the second. Unparsable dates are ignored.
 */
export function isNotModified(
  conditions: { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined },
  etag: string,
  mtimeMs: number,
): boolean {
  const { ifNoneMatch, ifModifiedSince } = conditions;
  if (ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    const wanted = opaque(etag);
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
  }
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return Math.floor(mtimeMs / 1000) <= Math.floor(since / 1000);
  }
  return false;
}
