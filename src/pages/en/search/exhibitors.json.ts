import type { APIRoute } from 'astro';
import { exhibitorSearchData } from '#server/fair-data.ts';

/** Every fair's exhibitors: the search index (one compact chunk) with its result rows. */
export const GET: APIRoute = async () => Response.json(await exhibitorSearchData('en'));
