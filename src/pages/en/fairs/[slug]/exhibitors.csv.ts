import type { APIRoute, GetStaticPaths } from 'astro';
import { exhibitorsCsvResponse, fairSlugPaths } from '../../../../server/exhibitors-csv';

export const getStaticPaths = fairSlugPaths satisfies GetStaticPaths;

/** The fair's exhibitors in booth order as CSV (UTF-8 with BOM), sample rows marked as such. */
export const GET: APIRoute = ({ params, site }) => exhibitorsCsvResponse(params['slug']!, 'en', site);
