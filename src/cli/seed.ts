/**
 * npm run db:seed — loads the real seed (idempotent: a second run changes nothing).
 * npm run db:seed -- --demo — also adds the generated sample exhibitors (marked as sample data).
 */
import { databaseConfigFromEnv, migrateDatabase, openDatabase } from '#db/client.ts';
import { addDemoExhibitors } from '#db/demo.ts';
import { seedDatabase } from '#server/seed.ts';
import { describeImport } from '#server/importer.ts';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--demo');
if (unknown.length > 0) {
  console.error(`unknown option(s): ${unknown.join(' ')}; the only option is --demo (adds sample exhibitors)`);
  process.exit(2);
}

const database = await openDatabase(databaseConfigFromEnv());
try {
  await migrateDatabase(database);
  const result = await seedDatabase(database);
  console.log(
    describeImport(result.products)
      .filter((l) => !l.startsWith('warning'))
      .join('\n'),
  );
  console.log(`${result.fairs.added} fair(s) added, ${result.fairs.updated} updated from the seed.`);
  if (args.includes('--demo')) {
    const added = await database.db.transaction((tx) => addDemoExhibitors(tx));
    console.log(`${added} sample exhibitor(s) added (marked "dữ liệu minh họa / sample data").`);
  }
} finally {
  database.close();
}
