/**
 * What is waiting to be published, by record (#20.3): the audit rows after the served release folded into one
 * entry per record, so that five edits of one certification count once, a record created and deleted again
 * counts not at all, and a rename says what the name was. Public changes (the catalogue's records) are kept
 * apart from staff-only ones (accounts, sign-ins, reports, unused photos): only the first reach the site.
 */

/** An audit row as the derivation needs it. */
export interface PendingAuditRow {
  id: number;
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/** The tables whose records the public site shows; any other entity is staff-only. */
export const PUBLIC_ENTITIES = [
  'establishments',
  'products',
  'certifications',
  'fairs',
  'fair_exhibitors',
  'organisations',
  'decisions',
] as const;
export type PublicEntity = (typeof PUBLIC_ENTITIES)[number];

export type PendingChange = 'created' | 'changed' | 'renamed' | 'restored' | 'deleted';

export interface PendingRecord {
  entity: PublicEntity;
  id: number;
  change: PendingChange;
  /** How many audit rows (edits) the entry folds. */
  edits: number;
  /** The newest audit row of the record: lists sort by it. */
  lastAuditId: number;
  /** The name now (or when deleted); the name before a rename. */
  name: string | null;
  previousName: string | null;
}

export interface PendingSummary {
  /** One entry per record, newest change first. */
  records: PendingRecord[];
  /** Records per public entity. */
  byEntity: Partial<Record<PublicEntity, number>>;
  /** Imports whose rows name no ids (the seed) and certifications updated by imports: counted as given. */
  importBatches: number;
  importUpdates: number;
  /** Staff-only changes, never published: records per entity, and sign-ins under SIGN_INS. */
  staffOnly: Record<string, number>;
}

const isPublicEntity = (entity: string): entity is PublicEntity => (PUBLIC_ENTITIES as readonly string[]).includes(entity);
/** The staff-only key that counts sign-ins. */
export const SIGN_INS = 'sign-ins';
/** Actions that are never a change of data: signing in, publishing. */
const NOT_CHANGES = new Set(['login', 'publish']);

const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** A record's name in an audit snapshot: its name, title, number or product, whichever it has. */
export function snapshotName(state: unknown): string | null {
  const r = record(state);
  if (!r) return null;
  for (const key of ['name', 'title', 'number', 'product']) {
    const v = r[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}

/** A snapshot without what every save changes (version, updatedAt), as canonical JSON. */
function canonical(state: unknown): string {
  const r = record(state);
  if (!r) return JSON.stringify(state ?? null);
  const keys = Object.keys(r)
    .filter((k) => k !== 'version' && k !== 'updatedAt')
    .sort();
  return JSON.stringify(keys.map((k) => [k, r[k]]));
}

/** The ids an import row says it created, by entity. */
function importedIds(after: unknown): { entity: PublicEntity; id: number }[] {
  const created = record(record(after)?.['createdIds']);
  if (!created) return [];
  return Object.entries(created).flatMap(([entity, ids]) =>
    isPublicEntity(entity) && Array.isArray(ids)
      ? ids.filter((id): id is number => Number.isSafeInteger(id)).map((id) => ({ entity, id }))
      : [],
  );
}

/** Folds one record's rows (oldest first) into its entry, or null when they cancel out. */
function foldRecord(entity: PublicEntity, id: number, rows: PendingAuditRow[]): PendingRecord | null {
  const first = rows[0]!;
  const last = rows.at(-1)!;
  const created = rows.some((r) => r.action === 'create' || r.action === 'import');
  const entry = { entity, id, edits: rows.length, lastAuditId: last.id, previousName: null };
  if (last.action === 'delete') return created ? null : { ...entry, change: 'deleted', name: snapshotName(last.before) };
  const name =
    snapshotName(last.after) ??
    [...rows]
      .reverse()
      .map((r) => snapshotName(r.after))
      .find((n) => n !== null) ??
    null;
  if (created) return { ...entry, change: 'created', name };
  // Edits that end where they started (a change undone) leave nothing to publish.
  if (first.before !== undefined && first.before !== null && canonical(first.before) === canonical(last.after)) return null;
  const oldName = snapshotName(first.before);
  if (oldName !== null && name !== null && oldName !== name) return { ...entry, change: 'renamed', name, previousName: oldName };
  return { ...entry, change: rows.some((r) => r.action === 'restore') ? 'restored' : 'changed', name };
}

/**
 * Folds audit rows (any order; sorted by id here) into what is pending, by record.
 * e.g. three updates of certification 7 and a sign-in → one 'changed' certification, one staff-only users row.
 */
export function derivePending(rows: readonly PendingAuditRow[]): PendingSummary {
  const byRecord = new Map<string, { entity: PublicEntity; id: number; rows: PendingAuditRow[] }>();
  const staffRecords = new Map<string, Set<string>>();
  let importBatches = 0;
  let importUpdates = 0;
  const add = (entity: PublicEntity, id: number, row: PendingAuditRow) => {
    const key = `${entity}:${id}`;
    const entry = byRecord.get(key) ?? { entity, id, rows: [] };
    entry.rows.push(row);
    byRecord.set(key, entry);
  };
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    if (row.action === 'publish') continue;
    // An import (of the seed, or of an official list) is public whatever entity its row names.
    if (row.action === 'import') {
      const ids = importedIds(row.after);
      for (const { entity, id } of ids) add(entity, id, { ...row, entity, entityId: id });
      const updated = record(row.after)?.['updatedCertifications'];
      if (typeof updated === 'number' && updated > 0) importUpdates += updated;
      if (ids.length === 0 && !(typeof updated === 'number' && updated > 0) && record(row.after)?.['dryRun'] !== true) importBatches += 1;
      continue;
    }
    if (!isPublicEntity(row.entity) || NOT_CHANGES.has(row.action)) {
      // A sign-in counts per row (each is an event), under its own name; other staff-only changes per record.
      const key = row.action === 'login' ? SIGN_INS : row.entity;
      const seen = staffRecords.get(key) ?? new Set<string>();
      seen.add(row.action === 'login' || row.entityId === null ? `row:${row.id}` : `id:${row.entityId}`);
      staffRecords.set(key, seen);
      continue;
    }
    if (row.entityId !== null) add(row.entity, row.entityId, row);
  }
  const records = [...byRecord.values()]
    .flatMap((r) => foldRecord(r.entity, r.id, r.rows) ?? [])
    .sort((a, b) => b.lastAuditId - a.lastAuditId);
  const byEntity: Partial<Record<PublicEntity, number>> = {};
  for (const r of records) byEntity[r.entity] = (byEntity[r.entity] ?? 0) + 1;
  const staffOnly: Record<string, number> = {};
  for (const [entity, seen] of staffRecords) staffOnly[entity] = seen.size;
  return { records, byEntity, importBatches, importUpdates, staffOnly };
}

/** True when nothing public waits: the next release would show the same catalogue. */
export const isNothingPending = (s: PendingSummary) => s.records.length === 0 && s.importBatches === 0 && s.importUpdates === 0;

export type Publication = 'live' | 'changed' | 'never';

/**
 * Where one record stands against the served release (its last audit id; null when nothing was ever
 * published): created after it → 'never', changed after it → 'changed', otherwise 'live'.
 * `rows` are the record's own audit rows and the imports that created it.
 */
export function publicationOf(rows: readonly Pick<PendingAuditRow, 'id' | 'action'>[], servedLastAuditId: number | null): Publication {
  if (servedLastAuditId === null) return 'never';
  const after = rows.filter((r) => r.id > servedLastAuditId && !NOT_CHANGES.has(r.action));
  if (after.some((r) => r.action === 'create' || r.action === 'import')) return 'never';
  return after.length > 0 ? 'changed' : 'live';
}
