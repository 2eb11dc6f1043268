/**
 * Staff edits of every record type, one way: each save runs in one transaction with its audit row (R24),
 * guarded by the record's version (R28: a stale save changes nothing and returns the current state).
 * A record kind (./kinds.ts) says how its form maps to columns and related rows; this file does the rest.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { FieldSpec, FormErrors, OptionSource } from '#domain/admin/form.ts';
import type { RecordSection } from '#domain/auth.ts';
import { compareVietnamese } from '#domain/listing.ts';
import { foldVietnamese } from '#domain/text.ts';
import { recordAudit, type Actor } from '#db/audit.ts';
import type { DbOrTx } from '#db/client.ts';
import { auditLog, users } from '#db/schema/index.ts';
import { heldList } from './held.ts';

export const ADMIN_PAGE_SIZE = 25;

/** The writable state of a record as forms, history and conflict screens hold it. */
export type RecordState = Record<string, unknown> & { version: number };

/** A refusal the schema could not see (it needs the database): a message beside one field. */
export interface Invalid {
  invalid: { field: string; message: string };
}
const isInvalid = (v: unknown): v is Invalid => typeof v === 'object' && v !== null && 'invalid' in v;

export interface ListRow {
  id: number;
  /** The cells after the title, in the order of `columnsHeadings`; null where there is no value (shown as "—"). */
  cells: (string | number | null)[];
  title: string;
  status: 'draft' | 'published';
  updatedAt: string;
  /** Folded text the list's search looks in. */
  haystack: string;
  /** Values the list's filters compare, by filter name. */
  facets: Record<string, string | null>;
}

export interface ListFilter {
  name: string;
  label: string;
  options: OptionSource;
}

type Editable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn; updatedAt: SQLiteColumn };

export interface RecordKind<I extends { version: number } = { version: number }> {
  section: RecordSection;
  /** The table's name, as audit rows name the entity. */
  entity: string;
  table: Editable;
  noun: { one: string; plural: string; add: string };
  fields: readonly FieldSpec[];
  /** State the history shows besides the form's fields (written elsewhere, e.g. a decision's document). */
  historyFields?: readonly FieldSpec[];
  /** Form fields that arrive as lists (checkboxes). */
  multi?: readonly string[];
  read(form: FormData | Record<string, unknown>): { ok: true; value: I } | { ok: false; errors: FormErrors };
  /** The writable state, relations included; null when there is no such record. */
  load(db: DbOrTx, id: number): Promise<RecordState | null>;
  /** A record's name for headings. */
  title(db: DbOrTx, id: number): Promise<string | null>;
  /** The public page of a record, when it has one. */
  publicPath?(db: DbOrTx, id: number): Promise<string | null>;
  /** The main row's columns for an input, derived columns included. `id` is null when creating. */
  columns(db: DbOrTx, input: I, id: number | null): Promise<Record<string, unknown> | Invalid>;
  /** Columns set once, at creation: slugs, registry codes. */
  createColumns?(db: DbOrTx, input: I): Promise<Record<string, unknown> | Invalid>;
  /** Rewrites the related rows (set items, names, products shown) after the main row. */
  relations?(tx: DbOrTx, id: number, input: I): Promise<void>;
  /** Every record as the list shows it. */
  list(db: DbOrTx): Promise<ListRow[]>;
  /** Column headings after the title. */
  columnsHeadings: readonly string[];
  filters: readonly ListFilter[];
  /** What a new record's form starts with (query parameters may preset createOnly fields). */
  defaults: Record<string, unknown>;
}

export type SaveResult =
  | { ok: true; id: number; state: RecordState }
  | { ok: false; reason: 'conflict'; current: RecordState }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; field: string; message: string };

const invalid = (v: Invalid): SaveResult => ({ ok: false, reason: 'invalid', ...v.invalid });

/** A SQLite constraint the form could not foresee (a duplicate), as a message instead of a 500. */
function constraintMessage(error: unknown): string | null {
  let text = '';
  for (let e = error as { message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++)
    text += ` ${e.message ?? ''}`;
  if (/UNIQUE constraint failed/i.test(text)) return 'Bản ghi trùng với một bản ghi đã có.';
  if (/FOREIGN KEY constraint failed/i.test(text)) return 'Một lựa chọn không còn trong danh mục.';
  if (/CHECK constraint failed/i.test(text)) return 'Các giá trị không khớp với nhau.';
  return null;
}

export async function createRecord<I extends { version: number }>(
  tx: DbOrTx,
  kind: RecordKind<I>,
  input: I,
  actor: Actor,
): Promise<SaveResult> {
  const columns = await kind.columns(tx, input, null);
  if (isInvalid(columns)) return invalid(columns);
  const once = (await kind.createColumns?.(tx, input)) ?? {};
  if (isInvalid(once)) return invalid(once);
  let id: number;
  try {
    const [row] = await tx
      .insert(kind.table)
      .values({ ...columns, ...once } as never)
      .returning({ id: kind.table.id });
    id = Number(row!.id);
  } catch (error) {
    const message = constraintMessage(error);
    if (message) return { ok: false, reason: 'invalid', field: '_form', message };
    throw error;
  }
  await kind.relations?.(tx, id, input);
  const state = (await kind.load(tx, id))!;
  await recordAudit(tx, actor, { action: 'create', entity: kind.entity, entityId: id, after: state });
  return { ok: true, id, state };
}

/**
 * Saves the form over the record if nobody saved since the form was loaded (same version); otherwise
 * changes nothing and returns the current state for the conflict screen. Slugs and codes never change.
 */
export async function updateRecord<I extends { version: number }>(
  tx: DbOrTx,
  kind: RecordKind<I>,
  id: number,
  input: I,
  actor: Actor,
  action: 'update' | 'restore' = 'update',
): Promise<SaveResult> {
  const before = await kind.load(tx, id);
  if (!before) return { ok: false, reason: 'not-found' };
  if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before };
  const columns = await kind.columns(tx, input, id);
  if (isInvalid(columns)) return invalid(columns);
  let updated: unknown[];
  try {
    updated = await tx
      .update(kind.table)
      .set({ ...columns, version: input.version + 1, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
      .where(and(eq(kind.table.id, id), eq(kind.table.version, input.version)))
      .returning({ id: kind.table.id });
  } catch (error) {
    const message = constraintMessage(error);
    if (message) return { ok: false, reason: 'invalid', field: '_form', message };
    throw error;
  }
  if (updated.length === 0) return { ok: false, reason: 'conflict', current: (await kind.load(tx, id))! };
  await kind.relations?.(tx, id, input);
  const after = (await kind.load(tx, id))!;
  await recordAudit(tx, actor, { action, entity: kind.entity, entityId: id, before, after });
  return { ok: true, id, state: after };
}

/** A record's audit rows, newest first, with who made each change. */
export async function recordHistory(db: DbOrTx, entity: string, id: number) {
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
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id));
}

/** One audit row of a record, to restore the state it recorded. */
export async function recordAuditRow(db: DbOrTx, entity: string, id: number, auditId: number) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.id, auditId), eq(auditLog.entity, entity), eq(auditLog.entityId, id)));
  return row ?? null;
}

export interface ListQuery {
  q?: string;
  page?: number;
  filters?: Record<string, string>;
}

/**
 * Every record of a kind whose folded text holds every folded word of the query ("che thai" finds "Chè
 * Thái") and that passes the filters, by title: what a list shows over all its pages, and what its
 * download holds.
 */
export async function filterRecords(db: DbOrTx, kind: RecordKind, query: Omit<ListQuery, 'page'>): Promise<ListRow[]> {
  // Every word must appear, in any order: "gio may a12" finds the basket maker at booth A12.
  const words = foldVietnamese(query.q ?? '')
    .split(' ')
    .filter(Boolean);
  const filters = Object.entries(query.filters ?? {}).filter(([, v]) => v !== '');
  // #20.5: the sorted list is held between requests until a write may have changed it (./held.ts).
  const all = await heldList(db, `list:${kind.section}`, [kind.entity], async () =>
    (await kind.list(db)).sort((a, b) => compareVietnamese(a.title, b.title) || a.id - b.id),
  );
  return all.filter(
    (r) => words.every((w) => r.haystack.includes(w)) && filters.every(([name, value]) => (r.facets[name] ?? '') === value),
  );
}

/** One page of filterRecords. */
export async function listRecords(db: DbOrTx, kind: RecordKind, query: ListQuery) {
  const matching = await filterRecords(db, kind, query);
  const pages = Math.max(1, Math.ceil(matching.length / ADMIN_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  return { rows: matching.slice((page - 1) * ADMIN_PAGE_SIZE, page * ADMIN_PAGE_SIZE), total: matching.length, page, pages };
}

/** Folded text for a list's search. */
export const haystack = (...parts: (string | null | undefined)[]) => foldVietnamese(parts.filter(Boolean).join(' '));
