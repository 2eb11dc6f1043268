import type { APIRoute } from 'astro';
import { fairPaths } from '../../../server/fair-data';
import { exhibitorsCsvResponse } from '../../../server/fair-endpoints';

export const getStaticPaths = fairPaths;
export const GET: APIRoute = ({ params, site }) => exhibitorsCsvResponse(params['slug']!, 'vi', site);
