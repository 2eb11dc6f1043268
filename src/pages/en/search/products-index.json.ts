import type { APIRoute } from 'astro';
import { productSearchIndex } from '../../../server/search-data';

/** The product search index (lunr toJSON), fetched by the search page on first use. */
export const GET: APIRoute = async () => Response.json(await productSearchIndex('en'));
