/**
 * Writing thousands of rows in one transaction (the import, src/db/queries/import-writer.ts): multi-row
 * INSERTs and UPDATEs of up to CHUNK rows. Measured on 10,000 certifications, two costs dominate besides
 * SQLite's own work, and both are avoided here:
 *  - drizzle's query builder spends more on each value than SQLite spends writing it, so each INSERT is
 *    built and prepared once per chunk size, with a placeholder per value, then filled chunk by chunk;
 *  - reading whole rows back (RETURNING *) costs as much again, and over HTTP (sqld) it doubles the time:
 *    only the id, the key and what the database computes itself (SQL defaults) come back, and the rest of
 *    each stored row is completed from the values given and the schema's literal defaults.
 * Values go to the driver as given, without drizzle's column encoding: a JSON column takes a string.
 */
import { getTableColumns, inArray, is, SQL, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Tx } from './client.ts';

/** Rows per statement: with the widest import table (14 values a row), far below SQLite's 32,766 parameters. */
export const CHUNK = 200;

/** The column types whose values read back exactly as they were written, so a row can be completed in memory. */
const PLAIN = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal']);

/** Inserts `rows` (each with the same keys). */
export async function insertAll<T extends SQLiteTable>(tx: Tx, table: T, rows: readonly InferInsertModel<T>[]): Promise<void> {
  await inChunks(rows, (shape) => tx.insert(table).values(shape).prepare());
}

/**
 * Inserts `rows` (each with the same keys) and returns them as stored, in the order given: the id and the
 * SQL defaults read back, matched by `key` (a unique column the rows give), the rest completed.
 */
export async function insertReturning<T extends SQLiteTable>(
  tx: Tx,
  table: T,
  rows: readonly InferInsertModel<T>[],
  key: keyof InferInsertModel<T> & keyof InferSelectModel<T> & string,
): Promise<InferSelectModel<T>[]> {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  for (const [name, column] of Object.entries(columns))
    if (!PLAIN.has(column.columnType) || column.defaultFn || column.onUpdateFn)
      throw new Error(`insertReturning(${name}): only plain text, integer and real columns without JS defaults can be completed`);
  const readBack = Object.fromEntries(Object.entries(columns).filter(([name, c]) => name === key || c.primary || is(c.default, SQL)));
  const filled = (await inChunks(rows, (shape) => tx.insert(table).values(shape).returning(readBack).prepare())).flat();
  const byKey = new Map(filled.map((r) => [r[key], r]));
  return rows.map((given) => {
    const stored = byKey.get((given as Record<string, unknown>)[key])!;
    const row: Record<string, unknown> = {};
    for (const [name, column] of Object.entries(columns)) {
      const value = (given as Record<string, unknown>)[name];
      row[name] = name in stored ? stored[name] : value !== undefined ? value : column.default === undefined ? null : column.default;
    }
    return row as InferSelectModel<T>;
  });
}

/** Sets `fields` of each row (found by its id) to the row's values, with one UPDATE per CHUNK rows. */
export async function updateAll<T extends SQLiteTable & { id: SQLiteColumn }, R extends { id: number }>(
  tx: Tx,
  table: T,
  rows: readonly R[],
  fields: readonly (keyof R & keyof InferSelectModel<T> & string)[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const batch = rows.slice(start, start + CHUNK);
    const set = Object.fromEntries(
      fields.map((field) => [
        field,
        sql`CASE ${table.id} ${sql.join(
          batch.map((r) => sql`WHEN ${r.id} THEN ${r[field]}`),
          sql` `,
        )} END`,
      ]),
    );
    await tx
      .update(table)
      .set(set as never)
      .where(
        inArray(
          table.id,
          batch.map((r) => r.id),
        ),
      );
  }
}

/**
 * Runs the statement `prepare` builds over `rows` in chunks of CHUNK, built once per chunk size with a
 * placeholder for every value (raw SQL: values reach the driver as given). What each chunk returns, in order.
 */
async function inChunks<V, R>(
  rows: readonly V[],
  prepare: (shape: never[]) => { execute(values: Record<number, unknown>): Promise<R> },
): Promise<R[]> {
  const keys = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const statements = new Map<number, ReturnType<typeof prepare>>();
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const batch = rows.slice(start, start + CHUNK);
    let statement = statements.get(batch.length);
    if (!statement) {
      // Placeholders named by position, so the values of a chunk are one flat list.
      const shape = batch.map((_, i) => Object.fromEntries(keys.map((k, j) => [k, sql`${sql.placeholder(String(i * keys.length + j))}`])));
      statement = prepare(shape as never[]);
      statements.set(batch.length, statement);
    }
    const values: Record<number, unknown> = {};
    let n = 0;
    for (const row of batch) for (const k of keys) values[n++] = (row as Record<string, unknown>)[k];
    out.push(await statement.execute(values));
  }
  return out;
}
