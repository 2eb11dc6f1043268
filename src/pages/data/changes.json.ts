import type { APIRoute } from 'astro';
import { changeLogFile } from '../../server/feed';

export const GET: APIRoute = ({ isPrerendered }) => changeLogFile(isPrerendered);
