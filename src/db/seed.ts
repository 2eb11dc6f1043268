/**
 * What the database knows of the real seed (db/seed/): whether one was applied, which checksum, and the seed's
 * decisions as records. Applying the seed runs the importer, so it lives above this layer: src/server/seed.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, desc, eq } from 'drizzle-orm';
import type { Database } from './client.ts';
import { parseDecisionRow, type DecisionInput } from '#domain/decision-records.ts';
import { readSeedCsv, SEED_DIR } from './reference.ts';
import { auditLog, certifications } from './schema/index.ts';

/** True when no certification is recorded yet: the state in which `npm start` seeds. */
export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(certifications);
  return (row?.n ?? 0) === 0;
}

/** The seed's recognition decisions (`decisions.csv`; none in a seed folder without one); a row that does not read stops the seed with its line. */
export function readSeedDecisions(dir = SEED_DIR): DecisionInput[] {
  if (!existsSync(join(dir, 'decisions.csv'))) return [];
  return readSeedCsv('decisions.csv', dir).map((row, i) => {
    const parsed = parseDecisionRow(row);
    if (!parsed.ok) throw new Error(`db/seed/decisions.csv: line ${i + 2}: ${parsed.reason}`);
    return parsed.value;
  });
}

/** SHA-256 over the seed folder's files (names and bytes, in name order): what says the seed changed. */
export function seedChecksum(dir = SEED_DIR): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort())
    hash
      .update(`${name}\0`)
      .update(readFileSync(join(dir, name)))
      .update('\0');
  return hash.digest('hex');
}

/** The checksum of the seed last applied to this database (kept in the audit log), or null when none is recorded. */
export async function lastSeedChecksum(database: Database): Promise<string | null> {
  const [row] = await database.db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'seed'), eq(auditLog.action, 'import')))
    .orderBy(desc(auditLog.id))
    .limit(1);
  const after = row?.after as { checksum?: unknown } | null | undefined;
  return typeof after?.checksum === 'string' ? after.checksum : null;
}
