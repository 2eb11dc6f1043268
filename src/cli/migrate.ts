/** npm run db:migrate — applies pending migrations to DATABASE_URL. */
import { databaseConfigFromEnv, migrateDatabase, openDatabase } from '#db/client.ts';

const database = await openDatabase(databaseConfigFromEnv());
try {
  await migrateDatabase(database);
  console.log(`migrated ${database.url}`);
} finally {
  database.close();
}
