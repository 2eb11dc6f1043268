/** What a decision's staff page shows besides its form: its document and the certifications it made. */
import type { DbOrTx } from '#db/client.ts';
import { certificationsOfDecision, getDecisionDocument } from '#db/queries/admin/decision-document.ts';

/** A decision's document and the certifications it made, as its staff page shows them. */
export interface DecisionPanel {
  decision: NonNullable<Awaited<ReturnType<typeof getDecisionDocument>>>;
  certifications: Awaited<ReturnType<typeof certificationsOfDecision>>;
}

/** The panel of decision `id`, or null when there is no such decision. */
export async function getDecisionPanel(db: DbOrTx, id: number): Promise<DecisionPanel | null> {
  const decision = await getDecisionDocument(db, id);
  return decision ? { decision, certifications: await certificationsOfDecision(db, id) } : null;
}
