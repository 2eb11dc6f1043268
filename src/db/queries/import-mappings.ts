import { eq } from 'drizzle-orm';
import { headerSetKey, isImportColumnKey, type ImportColumnKey } from '#domain/import/columns.ts';
import type { DbOrTx } from '#db/client.ts';
import { importMappings } from '#db/schema/index.ts';

/** The column mapping staff chose last time for a file with these headers, or null. */
export async function rememberedColumns(db: DbOrTx, header: readonly string[]): Promise<(ImportColumnKey | null)[] | null> {
  const [row] = await db
    .select()
    .from(importMappings)
    .where(eq(importMappings.headerKey, headerSetKey(header)))
    .limit(1);
  if (!row || row.columns.length !== header.length) return null;
  return row.columns.map((c) => (c !== null && isImportColumnKey(c) ? c : null));
}

/** Remembers a mapping for the next file with the same headers (one row per header set, replaced). */
export async function rememberColumns(
  db: DbOrTx,
  userId: number,
  header: readonly string[],
  columns: readonly (ImportColumnKey | null)[],
): Promise<void> {
  const values = { headerKey: headerSetKey(header), header: [...header], columns: [...columns], updatedByUserId: userId };
  await db
    .insert(importMappings)
    .values(values)
    .onConflictDoUpdate({
      target: importMappings.headerKey,
      set: { header: values.header, columns: values.columns, updatedByUserId: userId, updatedAt: new Date().toISOString() },
    });
}
