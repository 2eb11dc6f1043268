import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, desc, eq } from 'drizzle-orm';
import { importCsv, type ImportOutcome } from '../server/importer.ts';
import { recordAudit } from './audit.ts';
import { databaseConfigFromEnv, migrateDatabase, openDatabase, type Database } from './client.ts';
import { parseDecisionRow, type DecisionInput } from '../domain/decision-records.ts';
import { upsertSeedDecisions } from './queries/decisions.ts';
import { applySeedFairs, type FairSeedOutcome, type FairSeedRow } from './queries/fair-seed.ts';
import { ensureReferenceData, readSeedCsv, SEED_DIR } from './reference.ts';
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

/**
 * Loads the real seed: reference tables, the recognition decisions (before the certifications, which the
 * importer links to them by number), the certified products through the same importer as
 * `npm run import`, and the fairs (renamed ones updated in place). Safe to run twice: the second run changes
 * nothing. `dir` is db/seed/ unless a test seeds from an older copy; the checksum applied is recorded.
 */
export async function seedDatabase(
  database: Database,
  dir = SEED_DIR,
): Promise<{ decisions: Awaited<ReturnType<typeof upsertSeedDecisions>>; products: ImportOutcome; fairs: FairSeedOutcome }> {
  const actor = { label: 'seed' };
  await database.db.transaction(async (tx) => ensureReferenceData(tx));
  const decisionRows = readSeedDecisions(dir);
  const decisions = await database.db.transaction(async (tx) => upsertSeedDecisions(tx, decisionRows, actor));
  const list = readFileSync(join(dir, 'certified-products.csv'));
  // An import records itself in the audit log even when it changes nothing; the seed looks first, so that
  // seeding an up-to-date database writes nothing at all (and the next publish sees nothing new).
  const preview = await importCsv(database, list, { actor, dryRun: true });
  const isUpToDate = preview.ok && preview.summary.unchanged === preview.summary.rows;
  const products = isUpToDate
    ? { ...preview, summary: { ...preview.summary, dryRun: false, outcomes: [] } }
    : await importCsv(database, list, { actor });
  if (!products.ok) throw new Error(`the seed does not import: ${JSON.stringify(products.errors.slice(0, 3))}`);
  const fairRows = readSeedCsv('fairs.csv', dir) as FairSeedRow[];
  const fairs = await database.db.transaction(async (tx) => applySeedFairs(tx, fairRows, actor));
  // Recorded only when it changed, so that seeding twice leaves the database (and the build stamp) as it was.
  const checksum = seedChecksum(dir);
  if ((await lastSeedChecksum(database)) !== checksum)
    await recordAudit(database.db, actor, { action: 'import', entity: 'seed', entityId: null, after: { checksum } });
  return { decisions, products, fairs };
}

/**
 * Opens DATABASE_URL, migrates it, and seeds it when it is empty or when the seed files changed since the
 * seed last applied (a new version brought new real rows): the first steps of `npm start` and `npm run build`.
 */
export async function openPreparedDatabase(): Promise<{ database: Database; seeded: Awaited<ReturnType<typeof seedDatabase>> | null }> {
  const database = await openDatabase(databaseConfigFromEnv());
  await migrateDatabase(database);
  const isStale = (await isDatabaseEmpty(database)) || (await lastSeedChecksum(database)) !== seedChecksum();
  const seeded = isStale ? await seedDatabase(database) : null;
  return { database, seeded };
}
