/**
 * Permanent redirects of old URLs (a renamed record keeps its old slug, DESIGN.md), written into each
 * release as a `_redirects` file: the format Netlify and Cloudflare Pages read, and the one our own server
 * (src/server/site-server.ts) reads to answer 301. Static hosts that read neither still have the
 * prerendered page at the old path, which refreshes to the new one (src/components/MovedPage.astro).
 */

export interface Move {
  /** Root-relative old path with its trailing slash: "/fairs/old-slug/". */
  from: string;
  to: string;
}

/** The name of the file in the release's client folder. */
export const REDIRECTS_FILE = '_redirects';

/** The lines of a `_redirects` file: "/fairs/old/ /fairs/new/ 301", one per move. */
export function formatRedirects(moves: readonly Move[]): string {
  return moves.map((m) => `${m.from} ${m.to} 301\n`).join('');
}

/** Only plain site paths: no spaces, no scheme, no wildcard or placeholder the hosts would expand. */
const PLAIN_PATH = /^\/[^\s*:?#]*$/;

/**
 * Reads a `_redirects` file into old path → new path, ignoring comments, blank lines and any line that is
 * not a plain 301/308 between two site paths. "/a/ /b/ 301" → Map { "/a/" => "/b/" }.
 */
export function parseRedirects(text: string): Map<string, string> {
  const moves = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [from, to, status = '301', ...rest] = line.trim().split(/\s+/);
    if (!from || !to || from.startsWith('#') || rest.length > 0) continue;
    if ((status === '301' || status === '308') && PLAIN_PATH.test(from) && PLAIN_PATH.test(to)) moves.set(from, to);
  }
  return moves;
}

/** Where a request path moved, if it did: matches "/fairs/old/" and "/fairs/old" alike. */
export function movedTo(moves: ReadonlyMap<string, string>, pathname: string): string | undefined {
  return moves.get(pathname) ?? (pathname.endsWith('/') ? undefined : moves.get(`${pathname}/`));
}
