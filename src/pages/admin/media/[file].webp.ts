import type { APIRoute } from 'astro';
import { variantResponse } from '#server/images.ts';

export const prerender = false;

/**
 * A stored WEBP variant for staff previews, also of records not yet published (signed-in staff only:
 * the middleware checks). One file per extension: Astro only serves a dynamic endpoint without a
 * trailing slash when its route ends in an extension.
 */
export const GET: APIRoute = ({ params }) => variantResponse(params['file'] ?? '', 'webp', 'private, max-age=86400');
