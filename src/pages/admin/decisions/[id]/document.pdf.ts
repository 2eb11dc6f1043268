import type { APIRoute } from 'astro';
import { getDatabase } from '#db/client.ts';
import { getDecisionDocument } from '#db/queries/admin/decision-document.ts';
import { recordId } from '#server/admin-pages.ts';
import { documentNotFound, documentResponse } from '#server/documents.ts';

export const prerender = false;

/** A decision's PDF for staff, also while the decision is a draft (signed-in staff only: the middleware checks). */
export const GET: APIRoute = async ({ params, request }) => {
  const id = recordId(params['id']);
  const decision = id === null ? null : await getDecisionDocument((await getDatabase()).db, id);
  if (!decision?.hash) return documentNotFound();
  return documentResponse(decision.hash, decision.name ?? `${decision.slug}.pdf`, request, 'private, no-store');
};
