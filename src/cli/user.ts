/**
 * npm run user -- add <email> --role admin|editor|viewer [--name "Tên"]   (password from USER_PASSWORD or stdin)
 * npm run user -- list
 */
import { text } from 'node:stream/consumers';
import { databaseConfigFromEnv, migrateDatabase, openDatabase } from '#db/client.ts';
import { listUsers } from '#db/queries/staff.ts';
import { addUser } from '#server/accounts.ts';

const USAGE =
  'usage: npm run user -- add <email> --role admin|editor|viewer [--name "Tên"]   (password from USER_PASSWORD or stdin)\n       npm run user -- list';
const [command, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const at = rest.indexOf(`--${name}`);
  return at >= 0 ? rest[at + 1] : undefined;
};

const database = await openDatabase(databaseConfigFromEnv());
try {
  await migrateDatabase(database);
  if (command === 'list') {
    for (const u of await listUsers(database.db))
      console.log(`${u.email}\t${u.role}${u.isActive ? '' : '\t(disabled)'}\t${u.lastLoginAt ?? 'never signed in'}`);
  } else if (command === 'add' && rest[0] && !rest[0].startsWith('--') && option('role')) {
    const password = process.env['USER_PASSWORD'] ?? (process.stdin.isTTY ? '' : (await text(process.stdin)).replace(/\r?\n$/, ''));
    if (!password) {
      console.error('no password: set USER_PASSWORD or pipe it on standard input (it is never taken from the command line)');
      process.exitCode = 2;
    } else {
      const result = await addUser(
        database,
        { email: rest[0], password, role: option('role')!, displayName: option('name') ?? null },
        { label: 'cli:user' },
      );
      if (result.ok) console.log(`added ${rest[0].trim().toLowerCase()} (${option('role')})`);
      else {
        console.error(`not added: ${result.reason}`);
        process.exitCode = 1;
      }
    }
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} finally {
  database.close();
}
