/**
 * npm run import -- FILE [--dry-run]
 * Imports an official list (CSV or XLSX; a dry run lists what each row would do); exit 0 with a summary, or exit 1 with one line per problem and nothing written.
 */
import { readFileSync } from 'node:fs';
import { databaseConfigFromEnv, migrateDatabase, openDatabase } from '../db/client.ts';
import { describeImport, importList } from '../server/importer.ts';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const files = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run');

if (files.length !== 1 || unknown.length > 0) {
  console.error('usage: npm run import -- FILE.csv|FILE.xlsx [--dry-run]');
  process.exit(2);
}
const file = files[0]!;
let bytes: Buffer;
try {
  bytes = readFileSync(file);
} catch (error) {
  console.error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  process.exit(2);
}
if (!/\.(csv|xlsx)$/i.test(file)) {
  console.error(`${file}: only CSV (UTF-8) and Excel (.xlsx) files can be imported`);
  process.exit(2);
}

const database = await openDatabase(databaseConfigFromEnv());
try {
  await migrateDatabase(database);
  const outcome = await importList(database, bytes, { actor: { label: 'import:cli' }, dryRun });
  const lines = describeImport(outcome);
  (outcome.ok ? console.log : console.error)(lines.join('\n'));
  process.exitCode = outcome.ok ? 0 : 1;
} finally {
  database.close();
}
