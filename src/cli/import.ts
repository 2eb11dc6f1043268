/**
 * npm run import -- FILE [--dry-run] [--valid-rows]
 * Imports an official list (CSV or XLSX). --dry-run prints what each row would do (new, update,
 * duplicate, error with its reasons) and writes nothing. Exit 0 with a summary, or exit 1 with one line per
 * problem and nothing written; with --valid-rows the valid rows are imported and the others listed.
 */
import { readFileSync } from 'node:fs';
import { databaseConfigFromEnv, migrateDatabase, openDatabase } from '../db/client.ts';
import { describePreview } from '../domain/import/preview.ts';
import { describeImport, importList, previewImport } from '../server/importer.ts';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const validRows = args.includes('--valid-rows');
const files = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run' && a !== '--valid-rows');

if (files.length !== 1 || unknown.length > 0) {
  console.error('usage: npm run import -- FILE.csv|FILE.xlsx [--dry-run] [--valid-rows]');
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
  if (dryRun) {
    const preview = await previewImport(database, bytes);
    const ok = preview.fileErrors.length === 0 && (preview.counts.error === 0 || validRows);
    (ok ? console.log : console.error)(describePreview(preview, { validRows }).join('\n'));
    process.exitCode = ok ? 0 : 1;
  } else {
    const outcome = await importList(database, bytes, { actor: { label: 'import:cli' }, mode: validRows ? 'valid' : 'all', file });
    const lines = describeImport(outcome);
    (outcome.ok ? console.log : console.error)(lines.join('\n'));
    process.exitCode = outcome.ok ? 0 : 1;
  }
} finally {
  database.close();
}
