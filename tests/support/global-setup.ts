import { mkdirSync, rmSync } from 'node:fs';
import { migrateDatabase, openDatabase } from '#db/client.ts';
import { ensureReferenceData } from '#db/reference.ts';
import { TEMPLATE_DB, TMP } from './paths.ts';

/** Migrates one template database with the reference tables; each test file copies it. */
export default async function setup(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(TEMPLATE_DB + suffix, { force: true });
  const database = await openDatabase({ url: `file:${TEMPLATE_DB}` });
  await migrateDatabase(database);
  await database.db.transaction(async (tx) => ensureReferenceData(tx));
  await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  database.close();
}
