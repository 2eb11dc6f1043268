import type { APIRoute } from 'astro';
import { publishedCertificationFile } from '../../server/exports';

/** Every published certification in the import format, as XLSX, written at build time. */
export const GET: APIRoute = ({ isPrerendered }) => publishedCertificationFile('xlsx', isPrerendered);
