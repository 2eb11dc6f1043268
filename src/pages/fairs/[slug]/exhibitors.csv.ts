import type { APIRoute } from 'astro';
import { fairPaths } from '#server/fair-data.ts';
import { exhibitorsCsvResponse } from '#server/fair-endpoints.ts';

export const getStaticPaths = fairPaths;
export const GET: APIRoute = ({ params, site }) => exhibitorsCsvResponse(params['slug']!, 'vi', site);
