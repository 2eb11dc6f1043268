import type { APIRoute } from 'astro';
import { getDatabase } from '#db/client.ts';
import { adminExport } from '#server/exports.ts';

export const prerender = false;

/** The list's records with its current search and filters, as XLSX (one file per extension: see ../media/[file].webp.ts). */
export const GET: APIRoute = async ({ params, url }) => adminExport((await getDatabase()).db, params['section'], 'xlsx', url.searchParams);
