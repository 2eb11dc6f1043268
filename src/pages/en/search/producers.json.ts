import type { APIRoute } from 'astro';
import { producerSearchData } from '#server/search-data.ts';

/** The producer search index (one compact chunk) with its result rows. */
export const GET: APIRoute = async () => Response.json(await producerSearchData('en'));
