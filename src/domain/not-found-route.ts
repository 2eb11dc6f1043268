/**
 * What the site server answers for a path that no file and no route holds (src/server/site-server.ts):
 * a mistyped verification address goes to the verification answer, in its language; any other path gets
 * the 404 page of its language.
 */

export type UnknownPathAnswer = { kind: 'redirect'; location: string } | { kind: 'page'; file: string };

/** The English 404 page's file in the client folder (src/pages/en/404.astro, built in directory format). */
export const ENGLISH_404_FILE = 'en/404/index.html';

/**
 * unknownPathAnswer('/en/verify/T21-AAAA-AAA/') → { kind: 'redirect', location: '/en/verify/?q=T21-AAAA-AAA' };
 * unknownPathAnswer('/en/nothing/') → { kind: 'page', file: 'en/404/index.html' }; anything else → '404.html'.
 */
export function unknownPathAnswer(requestUrl: string): UnknownPathAnswer {
  let pathname: string;
  try {
    pathname = new URL(requestUrl, 'http://x').pathname;
  } catch {
    return { kind: 'page', file: '404.html' };
  }
  const verify = /^(\/en)?\/verify\/([^/]+)\/?$/.exec(pathname);
  if (verify) {
    let typed: string;
    try {
      typed = decodeURIComponent(verify[2]!);
    } catch {
      typed = verify[2]!;
    }
    return { kind: 'redirect', location: `${verify[1] ?? ''}/verify/?q=${encodeURIComponent(typed.slice(0, 120))}` };
  }
  return { kind: 'page', file: /^\/en(\/|$)/.test(pathname) ? ENGLISH_404_FILE : '404.html' };
}
