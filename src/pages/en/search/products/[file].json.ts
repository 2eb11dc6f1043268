import type { APIRoute, GetStaticPaths } from 'astro';
import { productSearchFile, productSearchFileNames } from '#server/search-data.ts';

/** The product search files: manifest, facets, term chunks (t-N) and result rows (r-N). */
export const getStaticPaths = (async () =>
  (await productSearchFileNames('en')).map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const body = await productSearchFile('en', params.file ?? '');
  return body === undefined ? new Response('Not found', { status: 404 }) : Response.json(body);
};
