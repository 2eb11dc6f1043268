import type { APIRoute, GetStaticPaths } from 'astro';
import { getDatabase } from '#db/client.ts';
import { publishedVariant, publishedVariantParams } from '#server/images.ts';

export const prerender = true;

/** Every JPG variant of every photo of a published product, written into the release by the build. */
export const getStaticPaths = (async () => publishedVariantParams(await getDatabase(), 'jpg')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => publishedVariant(params['file'] ?? '', 'jpg');
