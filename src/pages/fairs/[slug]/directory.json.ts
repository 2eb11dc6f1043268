import type { APIRoute } from 'astro';
import { fairPaths } from '../../../server/fair-data';
import { directoryIndexResponse } from '../../../server/fair-endpoints';

export const getStaticPaths = fairPaths;
export const GET: APIRoute = ({ params }) => directoryIndexResponse(params['slug']!, 'vi');
