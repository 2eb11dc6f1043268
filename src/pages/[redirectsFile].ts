import type { APIRoute } from 'astro';
import { formatRedirects, REDIRECTS_FILE } from '#domain/redirects.ts';
import { listMoves } from '#server/redirect-data.ts';

// Astro skips files whose name starts with "_", so the release's _redirects file is this route's one path.
export function getStaticPaths() {
  return [{ params: { redirectsFile: REDIRECTS_FILE } }];
}

export const GET: APIRoute = async () =>
  new Response(formatRedirects(await listMoves()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
