import type { APIRoute } from 'astro';
import { offlinePack } from '../../../domain/offline-pack';
import { getFairDirectory, listFairSummaries } from '../../../server/fair-data';

export async function getStaticPaths() {
  return (await listFairSummaries()).map(({ fair }) => ({ params: { slug: fair.slug } }));
}

/** The fair's offline pack: the URLs the service worker keeps after one visit to the fair page. */
export const GET: APIRoute = async ({ params }) => {
  const directory = await getFairDirectory(params.slug!, 'vi');
  if (!directory) return new Response('Not found', { status: 404 });
  return Response.json(offlinePack({ slug: directory.fair.slug, entries: directory.entries }, 'vi'));
};
