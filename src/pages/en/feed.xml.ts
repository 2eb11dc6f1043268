import type { APIRoute } from 'astro';
import { certificationFeed } from '#server/feed-responses.ts';

export const GET: APIRoute = ({ site, isPrerendered }) => certificationFeed('en', site!, isPrerendered);
