/**
 * One admin commit of a staged list in a process of its own (#17.8): loads the list TOKEN of USER_ID from
 * UPLOADS_DIR, prints `ready`, waits for a line on stdin (so that several children start together), commits
 * it through commitStaged and prints the outcome as JSON.
 */
import { createInterface } from 'node:readline';
import { openDatabase } from '#db/client.ts';
import { commitStaged } from '#server/admin-import.ts';
import { loadStaged } from '#server/import-staging.ts';

const database = await openDatabase({ url: process.env['DATABASE_URL']! });
const userId = Number(process.env['USER_ID']);
const staged = await loadStaged(process.env['TOKEN']!, userId);
if (!staged) throw new Error('no such staged list');
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await new Promise<void>((go) => lines.once('line', () => go()));
lines.close();
const outcome = await commitStaged(database, staged, { mode: 'valid', actor: { userId } });
process.stdout.write(`${JSON.stringify(outcome)}\n`);
database.close();
