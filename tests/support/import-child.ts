/**
 * An import in a process of its own, for the test that kills it (R20): imports LIST_FILE into DATABASE_URL
 * through importList, printing `ready` once the database is open, `begin N` / `commit N` / `committed N`
 * around each transaction the driver runs (1: the reference check, 2: the import) and `imported` at the end.
 * Writes to a pipe are synchronous on Linux: a line the parent reads was printed before the kill.
 */
import { readFileSync } from 'node:fs';
import type { Transaction, TransactionMode } from '@libsql/client';
import { openDatabase } from '#db/client.ts';
import { importList } from '#server/importer.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
const database = await openDatabase({ url: process.env['DATABASE_URL']! });
const bytes = readFileSync(process.env['LIST_FILE']!);

const begin = database.client.transaction.bind(database.client);
let transactions = 0;
database.client.transaction = async (mode?: TransactionMode): Promise<Transaction> => {
  const tx = await begin(mode);
  const n = ++transactions;
  say(`begin ${n}`);
  const commit = tx.commit.bind(tx);
  tx.commit = async () => {
    say(`commit ${n}`);
    await commit();
    say(`committed ${n}`);
  };
  return tx;
};

say('ready');
const outcome = await importList(database, bytes, { actor: { label: 'import:child' }, currentYear: 2026 });
say(outcome.ok ? 'imported' : `refused ${JSON.stringify(outcome.errors.slice(0, 3))}`);
database.close();
