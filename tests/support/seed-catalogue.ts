import { readFileSync } from 'node:fs';
import { listCatalogueItems } from '#db/queries/listing.ts';
import type { CatalogueItem } from '#domain/listing.ts';
import { importCsv } from '#server/importer.ts';
import { ROOT } from './paths.ts';
import { createTestDatabase } from './test-database.ts';

/** The catalogue items of the real seed (db/seed/certified-products.csv) imported into a fresh test database. */
export async function seedCatalogueItems(today = '2026-11-22'): Promise<CatalogueItem[]> {
  const database = await createTestDatabase();
  try {
    const outcome = await importCsv(database, readFileSync(`${ROOT}db/seed/certified-products.csv`), { actor: { label: 'test' } });
    if (!outcome.ok) throw new Error('the seed did not import');
    return (await listCatalogueItems(database.db, today)).items;
  } finally {
    await database.dispose();
  }
}
