/** What a decision's staff page shows besides its form: its document and the certifications it made. */
import type { DbOrTx } from '../db/client.ts';
import { certificationsOfDecision, getDecisionDocument } from '../db/queries/admin/decision-document.ts';

export async function getDecisionPanel(db: DbOrTx, id: number) {
  const decision = await getDecisionDocument(db, id);
  return decision ? { decision, certifications: await certificationsOfDecision(db, id) } : null;
}
