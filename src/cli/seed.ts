/** npm run db:seed — loads the real seed (idempotent: a second run changes nothing). */
import { databaseConfigFromEnv, migrateDatabase, openDatabase } from '../db/client.ts';
import { seedDatabase } from '../db/seed.ts';
import { describeImport } from '../server/importer.ts';

const database = await openDatabase(databaseConfigFromEnv());
try {
  await migrateDatabase(database);
  const result = await seedDatabase(database);
  console.log(
    describeImport(result.products)
      .filter((l) => !l.startsWith('warning'))
      .join('\n'),
  );
  console.log(`${result.fairs} fair(s) added.`);
} finally {
  database.close();
}
