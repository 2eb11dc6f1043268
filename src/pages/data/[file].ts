import type { APIRoute, GetStaticPaths } from 'astro';
import { OPEN_DATA_FILES } from '#domain/open-data/catalog.ts';
import { openDataFileResponse } from '#server/open-data.ts';

/** Every file of /data/ (datasets as CSV and JSON, their schemas, the official list, the manifest), written at build time. */
export const getStaticPaths = (() => OPEN_DATA_FILES.map(({ name }) => ({ params: { file: name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, isPrerendered, site }) => openDataFileResponse(params['file'], isPrerendered, site!);
