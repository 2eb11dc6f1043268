import type { APIRoute } from 'astro';
import { fairSearchData, listFairSummaries } from '../../../../server/fair-data';

export async function getStaticPaths() {
  return (await listFairSummaries()).map(({ fair }) => ({ params: { slug: fair.slug } }));
}

/** The fair's exhibitor search index (one compact chunk) and the exhibitor id of each document. */
export const GET: APIRoute = async ({ params }) => Response.json(await fairSearchData(params.slug!, 'en'));
