/**
 * A decision's PDF in the database (issue #16): attach, replace or remove it as one audited change of the
 * decision, guarded by the version the page was loaded at; and what the public document route may serve.
 */
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '#db/audit.ts';
import type { DbOrTx } from '#db/client.ts';
import { certifications, decisions, products } from '#db/schema/index.ts';
import { decisionState } from './decision-kind.ts';

export interface StoredDocument {
  hash: string;
  name: string;
  bytes: number;
}

export type DocumentChange =
  | { ok: true; changed: boolean; replaced: string | null }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'conflict'; version: number };

/**
 * Sets (or with null removes) a decision's document if the decision is still at `version`; one audit row
 * records the change. `replaced` is the hash the decision pointed to before, for the caller to clean up.
 */
export async function setDecisionDocument(
  tx: DbOrTx,
  actor: Actor,
  decisionId: number,
  version: number,
  document: StoredDocument | null,
): Promise<DocumentChange> {
  const [row] = await tx.select().from(decisions).where(eq(decisions.id, decisionId));
  if (!row) return { ok: false, reason: 'not-found' };
  if (row.version !== version) return { ok: false, reason: 'conflict', version: row.version };
  if (row.documentHash === (document?.hash ?? null) && row.documentName === (document?.name ?? null))
    return { ok: true, changed: false, replaced: null };
  const [updated] = await tx
    .update(decisions)
    .set({
      documentHash: document?.hash ?? null,
      documentName: document?.name ?? null,
      documentBytes: document?.bytes ?? null,
      version: version + 1,
      updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
    })
    .where(and(eq(decisions.id, decisionId), eq(decisions.version, version)))
    .returning();
  if (!updated) return { ok: false, reason: 'conflict', version: row.version };
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'decisions',
    entityId: decisionId,
    before: decisionState(row),
    after: decisionState(updated),
  });
  return { ok: true, changed: true, replaced: row.documentHash !== document?.hash ? row.documentHash : null };
}

/** The document panel of a decision's admin page: its number, slug, version and current document. */
export async function getDecisionDocument(db: DbOrTx, decisionId: number) {
  const [row] = await db
    .select({
      id: decisions.id,
      number: decisions.number,
      slug: decisions.slug,
      status: decisions.status,
      version: decisions.version,
      hash: decisions.documentHash,
      name: decisions.documentName,
      bytes: decisions.documentBytes,
    })
    .from(decisions)
    .where(eq(decisions.id, decisionId));
  return row ?? null;
}

/** Whether any decision (draft or published) still names this document. */
export async function isDocumentReferenced(db: DbOrTx, hash: string): Promise<boolean> {
  const [row] = await db.select({ id: decisions.id }).from(decisions).where(eq(decisions.documentHash, hash)).limit(1);
  return row !== undefined;
}

/** The name to serve a document under, when a published decision references it; null otherwise. */
export async function findPublishedDocument(db: DbOrTx, hash: string): Promise<{ name: string; slug: string } | null> {
  const [row] = await db
    .select({ name: decisions.documentName, slug: decisions.slug })
    .from(decisions)
    .where(and(eq(decisions.documentHash, hash), eq(decisions.status, 'published')))
    .orderBy(decisions.id)
    .limit(1);
  return row ? { name: row.name ?? `${row.slug}.pdf`, slug: row.slug } : null;
}

/** The certifications that point to a decision, with their product, for the decision's admin page. */
export async function certificationsOfDecision(db: DbOrTx, decisionId: number) {
  return db
    .select({
      id: certifications.id,
      product: products.name,
      level: certifications.level,
      roundYear: certifications.roundYear,
      status: certifications.status,
    })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id))
    .where(eq(certifications.decisionId, decisionId))
    .orderBy(products.name);
}
