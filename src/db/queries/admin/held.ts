/**
 * Lists the admin reads whole (pickers, record lists) held in memory per database and rebuilt only when
 * what they read may have changed (#20.5). The stamp is cheap at any size: the newest audit row (every
 * staff write, import and seed row is audited, R24) and, for writes made outside the audit (tests,
 * scripts), each table's row count and highest id.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '#db/client.ts';

type Shelf = Map<string, { stamp: string; value: unknown }>;
const held = new WeakMap<object, Shelf>();

/** The stamp of a set of tables: the newest audit row, then count and highest id of each table. */
async function stampOf(db: DbOrTx, tables: readonly string[]): Promise<string> {
  const parts = [
    `(SELECT ifnull(max(id), 0) FROM audit_log)`,
    ...tables.map((t) => `(SELECT count(*) || ':' || ifnull(max(id), 0) FROM ${t})`),
  ];
  const [row] = await db.all<{ stamp: string }>(sql.raw(`SELECT ${parts.join(" || '/' || ")} AS stamp`));
  return row?.stamp ?? '';
}

/**
 * The value `build` makes, from memory while the stamp of `tables` is unchanged. `key` names the list
 * (one per kind); `tables` are the table names it reads (SQL names, never user input).
 */
export async function heldList<T>(db: DbOrTx, key: string, tables: readonly string[], build: () => Promise<T>): Promise<T> {
  const stamp = await stampOf(db, tables);
  let perDb = held.get(db);
  if (!perDb) {
    perDb = new Map() as Shelf;
    held.set(db, perDb);
  }
  const found = perDb.get(key);
  if (found && found.stamp === stamp) return found.value as T;
  const value = await build();
  perDb.set(key, { stamp, value });
  return value;
}
