/**
 * Creating staff accounts outside the admin (R04: there is never a default account): the first admin
 * from ADMIN_EMAIL / ADMIN_PASSWORD when no account exists, and `npm run user -- add`.
 */
import { z } from 'zod';
import { writeTransaction, type Database } from '#db/client.ts';
import { countAdmins, createUser, findUserByEmail } from '#db/queries/staff.ts';
import { PASSWORD_MESSAGES, passwordProblem, type StaffRole } from '#domain/auth.ts';
import { hashPassword } from './auth.ts';

const Email = z.email().max(254);

export type AddUser = { ok: true; id: number } | { ok: false; reason: string };

/** Adds an account after checking the address, the role and the password policy; changes nothing on error. */
export async function addUser(
  database: Database,
  input: { email: string; password: string; role: string; displayName?: string | null },
  actor: { label: string },
): Promise<AddUser> {
  if (!Email.safeParse(input.email.trim()).success) return { ok: false, reason: `"${input.email}" is not an e-mail address` };
  if (!['admin', 'editor', 'viewer'].includes(input.role))
    return { ok: false, reason: `role must be admin, editor or viewer, not "${input.role}"` };
  const problem = await passwordProblem(input.password, input.email);
  if (problem) return { ok: false, reason: PASSWORD_MESSAGES[problem].en };
  if (await findUserByEmail(database.db, input.email))
    return { ok: false, reason: `an account for ${input.email.trim().toLowerCase()} exists already` };
  const passwordHash = await hashPassword(input.password);
  const user = await writeTransaction(database, (tx) =>
    createUser(tx, { email: input.email, passwordHash, role: input.role as StaffRole, displayName: input.displayName ?? null }, actor),
  );
  return { ok: true, id: user.id };
}

/** On start: the first admin from the environment, only while no admin account exists. */
export async function ensureFirstAdmin(database: Database, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const email = env['ADMIN_EMAIL'];
  const password = env['ADMIN_PASSWORD'];
  if (!email || !password || (await countAdmins(database.db)) > 0) return null;
  const result = await addUser(database, { email, password, role: 'admin' }, { label: 'start:ADMIN_EMAIL' });
  return result.ok
    ? `first admin ${email.trim().toLowerCase()} created from ADMIN_EMAIL`
    : `ADMIN_EMAIL/ADMIN_PASSWORD not used: ${result.reason}`;
}
