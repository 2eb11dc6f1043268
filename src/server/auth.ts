/**
 * Staff sign-in on the server: argon2id hashing (R01), sessions whose token only the browser holds
 * (R06–R09: 32 random bytes, SHA-256 stored, idle and absolute expiry, a new session at each sign-in),
 * and the sign-in throttle (R03). Failures for unknown accounts do the same work as wrong passwords.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { writeTransaction, type Database } from '../db/client.ts';
import { deleteSession, findSession, findUserByEmail, insertSession, touchSession } from '../db/queries/staff.ts';
import { LoginThrottle, SESSION_ABSOLUTE_MS, sessionState } from '../domain/auth.ts';

/** R01: argon2id, 19 MiB, 2 passes, 1 lane (OWASP's first recommended setting). */
// algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the account does not exist, so both failures cost the same time. */
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

export const SESSION_COOKIE = 'registry_session';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const throttle = new LoginThrottle();

export type SignIn =
  { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'account-locked' | 'ip-limited'; retryAfterMs?: number };

/** Checks a password and opens a new session; every failure of a known or unknown account looks the same. */
export async function signIn(
  database: Database,
  input: { email: string; password: string; ip: string; userAgent: string | null },
  now = Date.now(),
): Promise<SignIn> {
  const verdict = throttle.check(input.email, input.ip);
  if (!verdict.ok) return { ok: false, reason: verdict.reason, retryAfterMs: verdict.retryAfterMs };
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
  const user = await findUserByEmail(database.db, input.email);
  const ok = user?.isActive ? await verify(user.passwordHash, input.password) : (await verify(await dummy(), input.password), false);
  if (!ok || !user) {
    throttle.failed(input.email, input.ip);
    return { ok: false, reason: 'invalid' };
  }
  throttle.succeeded(input.email);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_ABSOLUTE_MS);
  await writeTransaction(database, (tx) =>
    insertSession(tx, {
      id: hashToken(token),
      userId: user.id,
      expiresAt: expiresAt.toISOString(),
      createdAt: new Date(now).toISOString(),
      ip: input.ip,
      userAgent: input.userAgent,
    }),
  );
  return { ok: true, token, expiresAt };
}

export type StaffUser = NonNullable<Awaited<ReturnType<typeof findSession>>>['user'];

/** The signed-in user of a session token, touching its idle clock; null (and the session deleted) when expired. */
export async function currentUser(database: Database, token: string | undefined, now = Date.now()): Promise<StaffUser | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const found = await findSession(database.db, id);
  if (!found) return null;
  if (sessionState(found.session, now) !== 'active') {
    await writeTransaction(database, (tx) => deleteSession(tx, id));
    return null;
  }
  // The idle clock moves at most once a minute (one write, through the write queue like every write).
  if (now - Date.parse(found.session.lastSeenAt) >= 60_000)
    await writeTransaction(database, (tx) => touchSession(tx, id, new Date(now).toISOString()));
  return found.user;
}

export async function signOut(database: Database, token: string | undefined): Promise<void> {
  if (token) await writeTransaction(database, (tx) => deleteSession(tx, hashToken(token)));
}
