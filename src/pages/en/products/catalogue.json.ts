import type { APIRoute } from 'astro';
import { cataloguePayload } from '#server/listing-data.ts';

/** The catalogue island's data, fetched by /en/products/ pages. */
export const GET: APIRoute = async () => Response.json(await cataloguePayload('en'));
