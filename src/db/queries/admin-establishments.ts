/**
 * Staff edits of establishments: every write in one transaction with its audit row (R24), guarded by the
 * record's version (R28: a stale save changes nothing and returns the current record).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { ESTABLISHMENT_FIELDS, type EstablishmentInput } from '../../domain/admin/establishment-form.ts';
import { compareVietnamese } from '../../domain/catalogue.ts';
import { establishmentKey } from '../../domain/establishments.ts';
import { slugify, uniqueSlug } from '../../domain/slug.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { DbOrTx } from '../client.ts';
import { auditLog, establishments, provinces, users } from '../schema/index.ts';

export type EstablishmentRecord = typeof establishments.$inferSelect;
export const ADMIN_PAGE_SIZE = 25;

/** Establishments whose folded name contains the folded query ("che thai" finds "Chè Thái"), by name, one page. */
export async function listEstablishmentsForStaff(db: DbOrTx, options: { q?: string; page?: number }) {
  const rows = await db
    .select({
      id: establishments.id,
      name: establishments.name,
      status: establishments.status,
      provinceName: provinces.name,
      updatedAt: establishments.updatedAt,
    })
    .from(establishments)
    .leftJoin(provinces, eq(establishments.provinceId, provinces.id));
  const q = foldVietnamese(options.q ?? '');
  const matching = rows
    .filter((r) => !q || foldVietnamese(`${r.name} ${r.provinceName ?? ''}`).includes(q))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  const pages = Math.max(1, Math.ceil(matching.length / ADMIN_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  return { rows: matching.slice((page - 1) * ADMIN_PAGE_SIZE, page * ADMIN_PAGE_SIZE), total: matching.length, page, pages };
}

export async function getEstablishment(db: DbOrTx, id: number): Promise<EstablishmentRecord | null> {
  const [row] = await db.select().from(establishments).where(eq(establishments.id, id)).limit(1);
  return row ?? null;
}

/** The current provinces (after the 2025 merger) and the old ones, for the form's province list. */
export async function provinceChoices(db: DbOrTx) {
  const rows = await db.select({ id: provinces.id, name: provinces.name, era: provinces.era }).from(provinces).orderBy(asc(provinces.name));
  return rows.sort((a, b) => (a.era === b.era ? compareVietnamese(a.name, b.name) : a.era === 'current' ? -1 : 1));
}

/** The writable fields of a record, as the form and the audit rows hold them. */
export function snapshot(record: EstablishmentRecord): Record<(typeof ESTABLISHMENT_FIELDS)[number], unknown> & { version: number } {
  return {
    ...(Object.fromEntries(ESTABLISHMENT_FIELDS.map((f) => [f, record[f]])) as Record<(typeof ESTABLISHMENT_FIELDS)[number], unknown>),
    version: record.version,
  };
}

const valuesOf = (input: EstablishmentInput, provinceNames: string[]) => {
  const { version: _version, ...fields } = input;
  void _version;
  return { ...fields, nameKey: establishmentKey(input.name, provinceNames) };
};

async function provinceNamesOf(db: DbOrTx, provinceId: number): Promise<string[] | null> {
  const [p] = await db.select({ name: provinces.name }).from(provinces).where(eq(provinces.id, provinceId));
  return p ? [p.name] : null;
}

export type SaveResult =
  | { ok: true; record: EstablishmentRecord }
  | { ok: false; reason: 'conflict'; current: EstablishmentRecord }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; field: string; message: string };

export async function createEstablishment(db: DbOrTx, input: EstablishmentInput, actor: Actor): Promise<SaveResult> {
  const names = await provinceNamesOf(db, input.provinceId);
  if (!names) return { ok: false, reason: 'invalid', field: 'provinceId', message: 'Tỉnh/thành không có trong danh mục.' };
  const taken = new Set((await db.select({ slug: establishments.slug }).from(establishments)).map((r) => r.slug));
  const [created] = await db
    .insert(establishments)
    .values({ ...valuesOf(input, names), slug: uniqueSlug(slugify(input.name), (s) => taken.has(s)) })
    .returning();
  await recordAudit(db, actor, { action: 'create', entity: 'establishments', entityId: created!.id, after: snapshot(created!) });
  return { ok: true, record: created! };
}

/**
 * Saves the form over the record if nobody saved since the form was loaded (same version); otherwise
 * changes nothing and returns the current record for the conflict screen. The slug never changes.
 */
export async function updateEstablishment(
  db: DbOrTx,
  id: number,
  input: EstablishmentInput,
  actor: Actor,
  action: 'update' | 'restore' = 'update',
): Promise<SaveResult> {
  const before = await getEstablishment(db, id);
  if (!before) return { ok: false, reason: 'not-found' };
  const names = await provinceNamesOf(db, input.provinceId);
  if (!names) return { ok: false, reason: 'invalid', field: 'provinceId', message: 'Tỉnh/thành không có trong danh mục.' };
  const [after] = await db
    .update(establishments)
    .set({ ...valuesOf(input, names), version: input.version + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(establishments.id, id), eq(establishments.version, input.version)))
    .returning();
  if (!after) return { ok: false, reason: 'conflict', current: (await getEstablishment(db, id))! };
  await recordAudit(db, actor, { action, entity: 'establishments', entityId: id, before: snapshot(before), after: snapshot(after) });
  return { ok: true, record: after };
}

/** A record's audit rows, newest first, with who made each change. */
export async function establishmentHistory(db: DbOrTx, id: number) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      actorEmail: users.email,
      actorLabel: auditLog.actorLabel,
    })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.actorUserId, users.id))
    .where(and(eq(auditLog.entity, 'establishments'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id));
}

/** One audit row of a record, to restore the state it recorded. */
export async function establishmentAuditRow(db: DbOrTx, id: number, auditId: number) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.id, auditId), eq(auditLog.entity, 'establishments'), eq(auditLog.entityId, id)));
  return row ?? null;
}
