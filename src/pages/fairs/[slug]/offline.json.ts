import type { APIRoute } from 'astro';
import { fairPaths } from '../../../server/fair-data';
import { offlinePackResponse } from '../../../server/fair-endpoints';

export const getStaticPaths = fairPaths;
export const GET: APIRoute = ({ params }) => offlinePackResponse(params['slug']!, 'vi');
