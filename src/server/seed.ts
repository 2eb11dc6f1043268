/**
 * Applying the real seed (db/seed/) through the same importer as `npm run import`: `npm run db:seed`, and the
 * first steps of `npm start` and `npm run build`. It sits in src/server because the importer does; what the
 * database records of a seed (checksum, emptiness, the seed's decisions) is in src/db/seed.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordAudit } from '#db/audit.ts';
import { databaseConfigFromEnv, migrateDatabase, openDatabase, type Database } from '#db/client.ts';
import { upsertSeedDecisions } from '#db/queries/decisions.ts';
import { applySeedFairs, type FairSeedOutcome, type FairSeedRow } from '#db/queries/fair-seed.ts';
import { ensureReferenceData, readSeedCsv, SEED_DIR } from '#db/reference.ts';
import { isDatabaseEmpty, lastSeedChecksum, readSeedDecisions, seedChecksum } from '#db/seed.ts';
import { importCsv, type ImportOutcome } from './importer.ts';

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
