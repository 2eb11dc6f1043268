import type { APIRoute } from 'astro';
import { fairPaths } from '#server/fair-data.ts';
import { directoryIndexResponse } from '#server/fair-endpoints.ts';

export const getStaticPaths = fairPaths;
export const GET: APIRoute = ({ params }) => directoryIndexResponse(params['slug']!, 'en');
