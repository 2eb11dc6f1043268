/**
 * The loader of the decision pages: published decisions read once per build (the list and every decision
 * page share them), and one decision with its certifications.
 */
import { getDatabase } from '#db/client.ts';
import { listCertificationsOfDecision, listPublishedDecisions, type DecisionSummary } from '#db/queries/decision-pages.ts';
import type { CertificationView } from '#domain/certification-view.ts';
import { oncePerBuild } from './build-memo.ts';

export type { DecisionSummary };

/** Every published decision (what /decisions/ lists and what has a page). */
export async function getDecisions(prerendering: boolean): Promise<DecisionSummary[]> {
  const { db } = await getDatabase();
  return oncePerBuild(prerendering, 'decisions', () => listPublishedDecisions(db));
}

/** The slugs of the decision pages to build. */
export async function listDecisionSlugs(): Promise<string[]> {
  return (await getDecisions(true)).map((d) => d.slug);
}

/** The decision pages to build. */
export async function decisionPaths(): Promise<{ params: { slug: string } }[]> {
  return (await listDecisionSlugs()).map((slug) => ({ params: { slug } }));
}

/** One decision as its page shows it. */
export interface DecisionPageData {
  decision: DecisionSummary;
  certifications: CertificationView[];
}

/** One decision and the certifications of it the registry shows; null when no published decision has that slug. */
export async function getDecisionPage(prerendering: boolean, slug: string): Promise<DecisionPageData | null> {
  const decision = (await getDecisions(prerendering)).find((d) => d.slug === slug);
  if (!decision) return null;
  const { db } = await getDatabase();
  const certifications = await oncePerBuild(prerendering, `decision:${slug}`, () => listCertificationsOfDecision(db, decision.id));
  return { decision, certifications };
}

/** The page of decision `slug`, which `decisionPaths` listed: a decision gone since is an error. */
export async function requireDecisionPage(prerendering: boolean, slug: string): Promise<DecisionPageData> {
  const page = await getDecisionPage(prerendering, slug);
  if (!page) throw new Error(`decision ${slug} vanished during the build`);
  return page;
}
