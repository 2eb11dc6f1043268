import type { APIRoute } from 'astro';
import { getDatabase } from '#db/client.ts';
import { notFound } from '#server/admin-pages.ts';
import { rejectedOfStaged } from '#server/admin-import.ts';
import { loadStaged } from '#server/import-staging.ts';

export const prerender = false;

/** The rejected rows of a staged list, with their reasons, to fix and upload again. */
export const GET: APIRoute = async ({ params, locals }) => {
  const staged = await loadStaged(params['token'] ?? '', locals.user!.id);
  if (!staged) return notFound();
  const csv = await rejectedOfStaged(await getDatabase(), staged);
  if (csv === null) return notFound();
  const base =
    staged.name
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .slice(0, 80) || 'danh-sach';
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rejected.csv"; filename*=UTF-8''${encodeURIComponent(`${base}-dong-loi.csv`)}`,
      'Cache-Control': 'no-store',
    },
  });
};
