/** What the record kinds in this folder share: picking a row's writable state, slugs, names and counts. */
import { count, eq, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { OptionSource } from '#domain/admin/form.ts';
import { KIND_LABELS } from '#domain/admin/kind-labels.ts';
import type { RecordSection } from '#domain/auth.ts';
import { slugify, uniqueSlug } from '#domain/slug.ts';
import type { DbOrTx } from '#db/client.ts';
import type { establishments, fairs, organisations, products } from '#db/schema/index.ts';
import { provinces } from '#db/schema/index.ts';
import type { ListFilter, RecordKind, RecordState } from '#db/queries/admin/records.ts';

type Identity<I extends { version: number }> = Pick<RecordKind<I>, 'section' | 'entity' | 'table' | 'fields' | 'read'>;

/** A kind's identity: its URL section, its table (whose name audit rows give as the entity) and its form. */
export function kindOf<I extends { version: number }>(
  section: RecordSection,
  table: RecordKind['table'],
  fields: RecordKind['fields'],
  read: RecordKind<I>['read'],
): Identity<I> {
  return { section, entity: getTableName(table), table, fields, read };
}

/** Values grouped by a key, in the order given: names per organisation, products per exhibitor. */
export function listsBy<R, K, V>(rows: readonly R[], key: (row: R) => K, value: (row: R) => V): Map<K, V[]> {
  const lists = new Map<K, V[]>();
  for (const row of rows) lists.set(key(row), [...(lists.get(key(row)) ?? []), value(row)]);
  return lists;
}

/** The writable fields of a row, plus its version. */
export function pick(row: Record<string, unknown>, fields: readonly { name: string }[], extra: Record<string, unknown> = {}): RecordState {
  const state: Record<string, unknown> = {};
  for (const f of fields) state[f.name] = f.name in extra ? extra[f.name] : (row[f.name] ?? null);
  return { ...state, version: row['version'] as number };
}

/** The input without its version: the columns a form writes as they are. */
export function plain<I extends { version: number }>(input: I, omit: readonly string[] = []): Record<string, unknown> {
  const { version: _version, ...rest } = input;
  void _version;
  return Object.fromEntries(Object.entries(rest).filter(([k]) => !omit.includes(k)));
}

type Slugged = typeof products | typeof establishments | typeof fairs | typeof organisations;

/** A slug for a new record of the table that no row holds yet. */
export async function freeSlug(db: DbOrTx, table: Slugged, name: string): Promise<string> {
  const taken = new Set((await db.select({ slug: table.slug }).from(table)).map((r) => r.slug));
  return uniqueSlug(slugify(name) || 'ban-ghi', (s) => taken.has(s));
}

/** A named record's title and public page, from its `name` and `slug` columns. */
export function namedRecord(table: typeof products | typeof establishments | typeof fairs, pathPrefix: string) {
  return {
    async title(db: DbOrTx, id: number): Promise<string | null> {
      const [row] = await db.select({ name: table.name }).from(table).where(eq(table.id, id));
      return row?.name ?? null;
    },
    async publicPath(db: DbOrTx, id: number): Promise<string | null> {
      const [row] = await db.select({ slug: table.slug }).from(table).where(eq(table.id, id));
      return row ? `${pathPrefix}${row.slug}/` : null;
    },
  };
}

export const statusOf = (s: string) => s as 'draft' | 'published';

/** A province's name, or null when the id is not in the catalogue. */
export async function provinceName(db: DbOrTx, id: number): Promise<string | null> {
  const [p] = await db.select({ name: provinces.name }).from(provinces).where(eq(provinces.id, id));
  return p?.name ?? null;
}

/** How many rows of a table hold each value of a column: certifications per product, exhibitors per fair. */
export async function countBy(db: DbOrTx, table: SQLiteTable, column: SQLiteColumn): Promise<Map<unknown, number>> {
  const rows = await db.select({ key: column, n: count() }).from(table).groupBy(column);
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** A kind's words (./kind-labels.ts) with the option source of each filter, in the order given. */
export function labelled(
  section: RecordSection,
  filters: readonly (readonly [name: string, options: OptionSource])[],
): Pick<RecordKind, 'noun' | 'columnsHeadings' | 'filters'> {
  const words = KIND_LABELS[section];
  const labels: Readonly<Record<string, string>> = words.filters;
  const listed: ListFilter[] = filters.map(([name, options]) => ({ name, label: labels[name]!, options }));
  return { noun: words.noun, columnsHeadings: words.columnsHeadings, filters: listed };
}
