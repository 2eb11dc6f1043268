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
import { anonymousEmail, securityEvent } from './security-log.ts';
import { processWide } from './process-wide.ts';

/** R01: argon2id, 19 MiB, 2 passes, 1 lane (OWASP's first recommended setting). */
// algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the account does not exist, so both failures cost the same time. */
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

export const SESSION_COOKIE = 'registry_session';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** One per process, shared by every release's bundle (a publish must not forget failed sign-ins). */
export const throttle = processWide('loginThrottle', () => new LoginThrottle());

export type SignIn =
  { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'account-locked' | 'ip-limited'; retryAfterMs?: number };

/**
 * The passwords to try for what was typed: its NFC form (how the account screens store passwords, so a
 * Vietnamese password typed with a decomposing keyboard still matches) and, when different, the text as
 * typed (accounts whose password was set, NFD, before normalisation).
 */
const passwordCandidates = (password: string) => {
  const nfc = password.normalize('NFC');
  return nfc === password ? [password] : [nfc, password];
};

/** True when one of the candidates verifies; always runs as many verifications as there are candidates. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  let ok = false;
  for (const candidate of passwordCandidates(password)) ok = (await verify(passwordHash, candidate)) || ok;
  return ok;
}

/** How a sign-in attempt names the account in the security log: the account, or only the address's domain. */
const attempted = (email: string, user: { id: number; email: string } | null) =>
  user ? { userId: user.id, email: user.email } : anonymousEmail(email);

const lanes = processWide('signInLanes', () => new Map<string, Promise<void>>());

/**
 * Runs password checks one at a time per client address and per account. The throttle decides before a
 * check and learns its result after it; attempts started together would all pass the decision before any
 * failure was counted (200 guesses at once from one address all got through in the admin bench). In a
 * lane, each attempt sees the failures of those before it, so the 11th failure from one address in 10
 * minutes is refused however many arrive at once (R03).
 */
export function oneAttemptAtATime<T>(account: string, ip: string, attempt: () => Promise<T>): Promise<T> {
  const keys = [`ip:${ip}`, `account:${account.toLowerCase()}`];
  const before = keys.map((key) => lanes.get(key) ?? Promise.resolve());
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  for (const key of keys) lanes.set(key, done);
  return Promise.all(before)
    .then(attempt)
    .finally(() => {
      release();
      for (const key of keys) if (lanes.get(key) === done) lanes.delete(key);
    });
}

/** Checks a password and opens a new session; every failure of a known or unknown account looks the same. */
export async function signIn(
  database: Database,
  input: { email: string; password: string; ip: string; userAgent: string | null },
  now = Date.now(),
): Promise<SignIn> {
  const checked = await oneAttemptAtATime(input.email, input.ip, () => checkPassword(database, input));
  if (!checked.ok) return checked;
  const { user } = checked;
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
  securityEvent('login.success', { userId: user.id, email: user.email, ip: input.ip });
  return { ok: true, token, expiresAt };
}

/** The throttle's decision, the password check and its result counted: the part of a sign-in done in a lane. */
async function checkPassword(
  database: Database,
  input: { email: string; password: string; ip: string },
): Promise<{ ok: true; user: { id: number; email: string } } | Extract<SignIn, { ok: false }>> {
  const verdict = throttle.check(input.email, input.ip);
  if (!verdict.ok) {
    const known = await findUserByEmail(database.db, input.email).catch(() => null);
    securityEvent(verdict.reason === 'account-locked' ? 'login.locked' : 'login.ip_limited', {
      ...attempted(input.email, known),
      ip: input.ip,
      retryAfterMs: verdict.retryAfterMs,
    });
    return { ok: false, reason: verdict.reason, retryAfterMs: verdict.retryAfterMs };
  }
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
  const user = await findUserByEmail(database.db, input.email);
  const ok = user?.isActive
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummy(), input.password), false);
  if (!ok || !user) {
    throttle.failed(input.email, input.ip);
    securityEvent('login.failure', {
      ...attempted(input.email, user),
      ip: input.ip,
      reason: !user ? 'unknown-account' : user.isActive ? 'wrong-password' : 'inactive-account',
    });
    return { ok: false, reason: 'invalid' };
  }
  throttle.succeeded(input.email);
  return { ok: true, user };
}

export type StaffUser = NonNullable<Awaited<ReturnType<typeof findSession>>>['user'];

/** The signed-in user of a session token, touching its idle clock; null (and the session deleted) when expired. */
export async function currentUser(database: Database, token: string | undefined, now = Date.now()): Promise<StaffUser | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const found = await findSession(database.db, id);
  if (!found) return null;
  const state = sessionState(found.session, now);
  if (state !== 'active') {
    await writeTransaction(database, (tx) => deleteSession(tx, id));
    securityEvent('session.expired', { userId: found.user.id, reason: state });
    return null;
  }
  // The idle clock moves at most once a minute (one write, through the write queue like every write).
  if (now - Date.parse(found.session.lastSeenAt) >= 60_000)
    await writeTransaction(database, (tx) => touchSession(tx, id, new Date(now).toISOString()));
  return found.user;
}

export async function signOut(database: Database, token: string | undefined): Promise<void> {
  if (!token || token.length > 100) return;
  const id = hashToken(token);
  const found = await findSession(database.db, id);
  await writeTransaction(database, (tx) => deleteSession(tx, id));
  if (found) securityEvent('logout', { userId: found.user.id });
}
