import type { APIRoute } from 'astro';
import { publishedCertificationFile } from '../../server/exports';

/** Every published certification in the import format, as CSV, written at build time. */
export const GET: APIRoute = ({ isPrerendered }) => publishedCertificationFile('csv', isPrerendered);
