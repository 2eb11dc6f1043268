/**
 * Prepares the database of the e2e fair site (DATABASE_URL): the real seed plus factory exhibitors at
 * the 2024 northern fair (FAIR_EXHIBITORS of them, 60 by default). `npm start` then builds and serves it.
 */
import { databaseConfigFromEnv, migrateDatabase, openDatabase } from '../../src/db/client.ts';
import { seedDatabase } from '../../src/db/seed.ts';
import { addFactoryExhibitors } from './fair-factory.ts';

const count = Number(process.env['FAIR_EXHIBITORS'] || 60);
const database = await openDatabase(databaseConfigFromEnv());
try {
  await migrateDatabase(database);
  await seedDatabase(database);
  const { names } = await addFactoryExhibitors(database, count);
  console.log(`fair site: ${names.length} factory exhibitors added`);
} finally {
  database.close();
}
