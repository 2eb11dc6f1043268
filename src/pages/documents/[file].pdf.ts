import type { APIRoute } from 'astro';
import { getDatabase } from '#db/client.ts';
import { findPublishedDocument } from '#db/queries/admin/decision-document.ts';
import { documentNotFound, documentResponse } from '#server/documents.ts';

export const prerender = false;

/**
 * A decision's PDF for everyone, at `/documents/<sha256>.pdf`, only while a published decision names it
 * (a draft's document, or one no decision keeps, is 404), with headers under which it can run nothing.
 */
export const GET: APIRoute = async ({ params, request }) => {
  const hash = params['file'] ?? '';
  if (!/^[0-9a-f]{64}$/.test(hash)) return documentNotFound();
  const found = await findPublishedDocument((await getDatabase()).db, hash);
  return found ? documentResponse(hash, found.name, request) : documentNotFound();
};
