import type { APIRoute } from 'astro';
import { changeLogFile } from '#server/feed-responses.ts';

export const GET: APIRoute = ({ isPrerendered }) => changeLogFile(isPrerendered);
