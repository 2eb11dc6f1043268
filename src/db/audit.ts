import type { DbOrTx } from './client.ts';
import { auditLog } from './schema/index.ts';

export type AuditAction = (typeof auditLog.$inferInsert)['action'];

/** Who made a change: a signed-in user, or a named process such as 'seed' or 'import:cli'. */
export type Actor = { userId: number } | { label: string };

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function recordAudit(
  db: DbOrTx,
  actor: Actor,
  entry: { action: AuditAction; entity: string; entityId: number | null; before?: unknown; after?: unknown },
): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: 'userId' in actor ? actor.userId : null,
    actorLabel: 'label' in actor ? actor.label : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
