import type { APIRoute, GetStaticPaths } from 'astro';
import { listProductDocumentSlugs, productDocumentResponse } from '#server/open-data.ts';

/** One product with its establishment, certifications, fairs and photos as JSON (/data/product.schema.json). */
export const getStaticPaths = (async () =>
  (await listProductDocumentSlugs()).map((slug) => ({ params: { slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, isPrerendered, site }) => productDocumentResponse(params['slug'], isPrerendered, site!);
