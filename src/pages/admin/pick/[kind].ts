import type { APIRoute } from 'astro';
import { getDatabase } from '#db/client.ts';
import { pickerAnswer } from '#server/picker-endpoint.ts';

export const prerender = false;

/** The staff pickers' answers: GET /admin/pick/<kind>/?q=…&page=…&size=… (#20.1). */
export const GET: APIRoute = async ({ params, request, url }) => pickerAnswer((await getDatabase()).db, params.kind, request.headers, url);
