import type { APIRoute } from 'astro';
import { certificationFeed } from '../../server/feed';

export const GET: APIRoute = ({ site, isPrerendered }) => certificationFeed('en', site!, isPrerendered);
