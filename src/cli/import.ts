/**
 * npm run import -- FILE [--dry-run] [--valid-rows]
 * Imports an official list (CSV or XLSX). --dry-run prints what each row would do (new, update,
 * duplicate, error with its reasons) and writes nothing. Exit 0 with a summary, or exit 1 with one line per
 * problem and nothing written; with --valid-rows the valid rows are imported and the others listed.
 * A file over 10 MB is refused before it is read (R19); before anything is written, a checked backup of the
 * database is taken (R31), as the admin's import and every publish do.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { databaseConfigFromEnv, migrateDatabase, openDatabase } from '#db/client.ts';
import { describePreview } from '#domain/import/preview.ts';
import { backupBeforeImport } from '#server/backup.ts';
import { describeImport, importList, MAX_IMPORT_BYTES, previewImport } from '#server/importer.ts';

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
if (!/\.(csv|xlsx)$/i.test(file)) {
  console.error(`${file}: only CSV (UTF-8) and Excel (.xlsx) files can be imported`);
  process.exit(2);
}

/** At most `limit` bytes of a file, or null when it holds more: a huge file is never read whole (R19). */
function readAtMost(path: string, limit: number): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length <= limit; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    return length > limit ? null : buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

let bytes: Buffer | null;
try {
  bytes = readAtMost(file, MAX_IMPORT_BYTES);
} catch (error) {
  console.error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  process.exit(2);
}
if (!bytes) {
  console.error(`${file}: the file is larger than ${MAX_IMPORT_BYTES / 1048576} MB: split the list. Nothing was imported.`);
  process.exit(1);
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
    const outcome = await importList(database, bytes, {
      actor: { label: 'import:cli' },
      mode: validRows ? 'valid' : 'all',
      file,
      // Once the file is known good, before the first write: a checked copy (a libSQL server keeps its own).
      beforeWrite: async () => {
        const backup = await backupBeforeImport(database);
        console.log(backup ? `backup: ${backup} (integrity ok)` : 'backup: remote database, backed up by its server');
      },
    });
    const lines = describeImport(outcome);
    (outcome.ok ? console.log : console.error)(lines.join('\n'));
    process.exitCode = outcome.ok ? 0 : 1;
  }
} catch (error) {
  // The driver's own reason (SQLITE_FULL: database or disk is full), not the query wrapper's text, which holds every row.
  let cause = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  const code = (cause as { code?: unknown }).code;
  const reason = cause instanceof Error ? cause.message : String(cause);
  console.error(`${typeof code === 'string' && !reason.includes(code) ? `${code}: ` : ''}${reason}. Nothing was imported.`);
  process.exitCode = 1;
} finally {
  database.close();
}
