/**
 * Staff sign-in on the server: argon2id hashing (R01), sessions whose token only the browser holds
 * (R06–R09: 32 random bytes, SHA-256 stored, idle and absolute expiry, a new session at each sign-in),
 * and the sign-in throttle (R03, src/server/login-throttle.ts). Failures for unknown accounts do the same
 * work, and move the same counters, as wrong passwords.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { writeTransaction, type Database } from '#db/client.ts';
import { deleteSession, findSession, findUserByEmail, insertSession, touchSession } from '#db/queries/staff.ts';
import { SESSION_ABSOLUTE_MS, sessionState } from '#domain/auth.ts';
import { anonymousEmail, securityEvent } from './security-log.ts';
import {
  attemptLanes,
  deviceNonce,
  judgeAttempt,
  newDeviceCookie,
  oneAttemptAtATime,
  recordFailure,
  recordSuccess,
  type Attempt,
} from './login-throttle.ts';

/** R01: argon2id, 19 MiB, 2 passes, 1 lane (OWASP's first recommended setting). */
// algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the account does not exist, so both failures cost the same time. */
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

export const SESSION_COOKIE = 'registry_session';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

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

export type SignIn =
  | { ok: true; token: string; expiresAt: Date; deviceCookie: string }
  | { ok: false; reason: 'invalid' | 'account-locked' | 'ip-limited'; retryAfterMs?: number };

/**
 * Checks a password and opens a new session; every failure of a known or unknown account looks the same.
 * On success the browser also gets a new device cookie (src/server/device-cookie.ts).
 */
export async function signIn(
  database: Database,
  input: { email: string; password: string; ip: string; userAgent: string | null; deviceCookie?: string | undefined },
  at?: number,
): Promise<SignIn> {
  const lanes = attemptLanes(input, deviceNonce(database, input, at));
  // The clock is read once the attempt's turn comes (it may have waited in its lanes).
  const checked = await oneAttemptAtATime(lanes, () => checkPassword(database, input, at ?? Date.now()));
  const now = at ?? Date.now();
  if (!checked.ok) return checked;
  const { user, deviceCookie } = checked;
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
  return { ok: true, token, expiresAt, deviceCookie };
}

/** The throttle's decision, the password check and its result counted: the part of a sign-in done in a lane. */
async function checkPassword(
  database: Database,
  input: Attempt & { password: string },
  now: number,
): Promise<{ ok: true; user: { id: number; email: string }; deviceCookie: string } | Extract<SignIn, { ok: false }>> {
  const judged = await judgeAttempt(database, input, now);
  const { verdict } = judged;
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
    const blocked = await recordFailure(database, judged, now);
    const who = { ...attempted(input.email, user), ip: input.ip };
    securityEvent('login.failure', {
      ...who,
      trustedDevice: judged.trusted,
      reason: !user ? 'unknown-account' : user.isActive ? 'wrong-password' : 'inactive-account',
    });
    for (const scope of blocked) securityEvent('login.lockout', { ...who, scope, context: 'sign-in' });
    return { ok: false, reason: 'invalid' };
  }
  await recordSuccess(database, judged);
  return { ok: true, user, deviceCookie: newDeviceCookie(database, user.email, now) };
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
