/**
 * The audit rows that pending changes and release summaries are derived from (src/domain/admin/pending.ts):
 * ranges of the log with their snapshots, one record's rows, and where a release's range starts.
 */
import { and, asc, eq, gt, lte, max } from 'drizzle-orm';
import type { PendingAuditRow } from '#domain/admin/pending.ts';
import type { DbOrTx } from '#db/client.ts';
import { auditLog } from '#db/schema/index.ts';

const pendingColumns = {
  id: auditLog.id,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
};

/** Audit rows with ids in (after, upTo], oldest first; no upper end when `upTo` is null. */
export async function listAuditRange(db: DbOrTx, after: number, upTo: number | null = null): Promise<PendingAuditRow[]> {
  return db
    .select(pendingColumns)
    .from(auditLog)
    .where(and(gt(auditLog.id, after), upTo === null ? undefined : lte(auditLog.id, upTo)))
    .orderBy(asc(auditLog.id));
}

/** One record's audit rows (ids and actions), oldest first. */
export async function listRecordAuditActions(db: DbOrTx, entity: string, id: number) {
  return db
    .select({ id: auditLog.id, action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));
}

/** Import rows after an audit id, with what they created (their `after`). */
export async function listImportsAfter(db: DbOrTx, after: number) {
  return db
    .select({ id: auditLog.id, action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(and(gt(auditLog.id, after), eq(auditLog.action, 'import')))
    .orderBy(asc(auditLog.id));
}

/** The newest publish (or rollback) row at or before an audit id: where a release's changes began when the release before it is gone. */
export async function lastPublishAtOrBefore(db: DbOrTx, id: number): Promise<number> {
  const [row] = await db
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'publish'), lte(auditLog.id, id)));
  return row?.id ?? 0;
}
