/**
 * A fair's floor plan for the admin's editor (#20.2): every exhibitor's booth with its rectangle and version,
 * and saving moved booths under the optimistic lock (R28): when any booth was saved by someone else since the
 * editor loaded it, nothing is written and both versions come back.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { BoothPosition } from '#domain/floor-plan.ts';
import { recordAudit, type Actor } from '#db/audit.ts';
import type { DbOrTx } from '#db/client.ts';
import { establishments, fairExhibitors, fairs } from '#db/schema/index.ts';
import { exhibitorKind } from './kinds.ts';

export interface EditableBooth {
  id: number;
  booth: string;
  hall: string | null;
  name: string;
  /** Null when the booth is not on the plan yet. */
  rect: { x: number; y: number; w: number; h: number } | null;
  version: number;
}

export interface EditablePlan {
  fair: { id: number; name: string; width: number | null; height: number | null };
  booths: EditableBooth[];
}

/** The fair and its exhibitors' booths in booth order; null when there is no such fair. */
export async function getEditablePlan(db: DbOrTx, fairId: number): Promise<EditablePlan | null> {
  const [fair] = await db
    .select({ id: fairs.id, name: fairs.name, width: fairs.planWidth, height: fairs.planHeight })
    .from(fairs)
    .where(eq(fairs.id, fairId));
  if (!fair) return null;
  const rows = await db
    .select({
      id: fairExhibitors.id,
      boothCode: fairExhibitors.boothCode,
      hall: fairExhibitors.hall,
      name: establishments.name,
      x: fairExhibitors.planX,
      y: fairExhibitors.planY,
      w: fairExhibitors.planW,
      h: fairExhibitors.planH,
      version: fairExhibitors.version,
    })
    .from(fairExhibitors)
    .innerJoin(establishments, eq(fairExhibitors.establishmentId, establishments.id))
    .where(eq(fairExhibitors.fairId, fairId))
    .orderBy(asc(fairExhibitors.boothCode), asc(fairExhibitors.id));
  return {
    fair,
    booths: rows.map((r) => ({
      id: r.id,
      booth: r.boothCode ?? `#${r.id}`,
      hall: r.hall,
      name: r.name,
      rect: r.x !== null && r.y !== null && r.w !== null && r.h !== null ? { x: r.x, y: r.y, w: r.w, h: r.h } : null,
      version: r.version,
    })),
  };
}

export type PlanSaveResult =
  | { ok: true; saved: number }
  | { ok: false; reason: 'not-found'; ids: number[] }
  | { ok: false; reason: 'conflict'; conflicts: { id: number; mine: BoothPosition; theirs: EditableBooth }[] };

/** Saves booth rectangles of one fair in one transaction, each with its audit row; a stale version saves nothing. */
export async function saveBoothPositions(
  tx: DbOrTx,
  fairId: number,
  positions: readonly BoothPosition[],
  actor: Actor,
): Promise<PlanSaveResult> {
  const plan = await getEditablePlan(tx, fairId);
  const current = new Map((plan?.booths ?? []).map((b) => [b.id, b]));
  const missing = positions.filter((p) => !current.has(p.id)).map((p) => p.id);
  if (!plan || missing.length > 0) return { ok: false, reason: 'not-found', ids: missing };
  const conflicts = positions
    .filter((p) => current.get(p.id)!.version !== p.version)
    .map((p) => ({ id: p.id, mine: p, theirs: current.get(p.id)! }));
  if (conflicts.length > 0) return { ok: false, reason: 'conflict', conflicts };
  let saved = 0;
  for (const p of positions) {
    const before = current.get(p.id)!;
    const r = before.rect;
    if (r && r.x === p.x && r.y === p.y && r.w === p.w && r.h === p.h) continue;
    const beforeState = await exhibitorKind.load(tx, p.id);
    await tx
      .update(fairExhibitors)
      .set({
        planX: p.x,
        planY: p.y,
        planW: p.w,
        planH: p.h,
        version: p.version + 1,
        updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
      })
      .where(and(eq(fairExhibitors.id, p.id), eq(fairExhibitors.version, p.version)));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'fair_exhibitors',
      entityId: p.id,
      before: beforeState,
      after: await exhibitorKind.load(tx, p.id),
    });
    saved++;
  }
  return { ok: true, saved };
}
