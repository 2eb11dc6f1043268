import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { importCsv, type ImportOutcome } from '../server/importer.ts';
import { databaseConfigFromEnv, migrateDatabase, openDatabase, type Database } from './client.ts';
import { parseDecisionRow, type DecisionInput } from '../domain/decision-records.ts';
import { upsertSeedDecisions } from './queries/decisions.ts';
import { addSeedFairs, type FairSeedRow } from './queries/fairs.ts';
import { ensureReferenceData, readSeedCsv } from './reference.ts';
import { certifications } from './schema/index.ts';

const seedFile = (name: string) => fileURLToPath(new URL(`../../db/seed/${name}`, import.meta.url));

/** True when no certification is recorded yet: the state in which `npm start` seeds. */
export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(certifications);
  return (row?.n ?? 0) === 0;
}

/** The seed's recognition decisions (db/seed/decisions.csv); a row that does not read stops the seed with its line. */
export function readSeedDecisions(): DecisionInput[] {
  return readSeedCsv('decisions.csv').map((row, i) => {
    const parsed = parseDecisionRow(row);
    if (!parsed.ok) throw new Error(`db/seed/decisions.csv: line ${i + 2}: ${parsed.reason}`);
    return parsed.value;
  });
}

/**
 * Loads the real seed: reference tables, the recognition decisions (before the certifications, which the
 * importer links to them by number), the certified products through the same importer as
 * `npm run import`, and the fairs. Safe to run twice: the second run changes nothing.
 */
export async function seedDatabase(
  database: Database,
): Promise<{ decisions: Awaited<ReturnType<typeof upsertSeedDecisions>>; products: ImportOutcome; fairs: number }> {
  const actor = { label: 'seed' };
  await database.db.transaction(async (tx) => ensureReferenceData(tx));
  const decisionRows = readSeedDecisions();
  const decisions = await database.db.transaction(async (tx) => upsertSeedDecisions(tx, decisionRows, actor));
  const products = await importCsv(database, readFileSync(seedFile('certified-products.csv')), { actor });
  if (!products.ok) throw new Error(`the seed does not import: ${JSON.stringify(products.errors.slice(0, 3))}`);
  const fairRows = readSeedCsv('fairs.csv') as FairSeedRow[];
  const fairs = await database.db.transaction(async (tx) => addSeedFairs(tx, fairRows, actor));
  return { decisions, products, fairs };
}

/** Opens DATABASE_URL, migrates it and seeds it when empty: the first steps of `npm start` and `npm run build`. */
export async function openPreparedDatabase(): Promise<{ database: Database; seeded: Awaited<ReturnType<typeof seedDatabase>> | null }> {
  const database = await openDatabase(databaseConfigFromEnv());
  await migrateDatabase(database);
  const seeded = (await isDatabaseEmpty(database)) ? await seedDatabase(database) : null;
  return { database, seeded };
}
