import type { APIRoute } from 'astro';
import { fairPaths } from '#server/fair-data.ts';
import { offlinePackResponse } from '#server/fair-endpoints.ts';

export const getStaticPaths = fairPaths;
export const GET: APIRoute = ({ params }) => offlinePackResponse(params['slug']!, 'en');
