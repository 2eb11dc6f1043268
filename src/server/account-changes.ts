/**
 * Changes to staff accounts made in the admin: an admin creating and editing accounts, and each person
 * changing their own password. Passwords are hashed before the write transaction (argon2 takes tens of
 * milliseconds; the write queue should not wait on it), the change and its audit row are one transaction,
 * and security events are logged only once it has committed (R25), so the log never tells of a change
 * that was rolled back.
 */
import { randomBytes } from 'node:crypto';
import { writeTransaction, type Database } from '#db/client.ts';
import {
  createStaffAccount,
  getPasswordHash,
  insertRotatedSession,
  setOwnPassword,
  updateStaffAccount,
  type StaffAccount,
  type UpdateAccountResult,
} from '#db/queries/admin-users.ts';
import type { EditUserInput, FormErrors, NewUserInput, OwnPasswordInput } from '#domain/admin/user-form.ts';
import { SESSION_ABSOLUTE_MS } from '#domain/auth.ts';
import { hashPassword, hashToken, verifyPassword } from './auth.ts';
import { attemptLanes, judgeAttempt, oneAttemptAtATime, recordFailure, recordSuccess } from './login-throttle.ts';
import { securityEvent } from './security-log.ts';

/** Who acts, and from where (for the security log). */
export interface Acting {
  userId: number;
  ip?: string | undefined;
}

export type CreateAccount = { ok: true; account: StaffAccount } | { ok: false; errors: FormErrors };

/** An admin adds an account; a taken e-mail is a message beside the e-mail field. */
export async function createAccount(database: Database, input: NewUserInput, actor: Acting): Promise<CreateAccount> {
  const passwordHash = await hashPassword(input.password);
  const result = await writeTransaction(database, (tx) =>
    createStaffAccount(
      tx,
      { email: input.email, displayName: input.displayName, role: input.role, passwordHash },
      { userId: actor.userId },
    ),
  );
  if (!result.ok) return { ok: false, errors: { email: 'Đã có tài khoản với e-mail này.' } };
  securityEvent('user.created', {
    userId: result.account.id,
    email: result.account.email,
    role: result.account.role,
    actorId: actor.userId,
    ip: actor.ip,
  });
  return { ok: true, account: result.account };
}

/**
 * An admin saves an account. A new password, a new role or a deactivation ends the account's sessions
 * in the same transaction (R09); each is logged as its own security event after the commit.
 */
export async function updateAccount(database: Database, id: number, input: EditUserInput, actor: Acting): Promise<UpdateAccountResult> {
  const passwordHash = input.newPassword === null ? null : await hashPassword(input.newPassword);
  const result = await writeTransaction(database, (tx) =>
    updateStaffAccount(
      tx,
      id,
      { displayName: input.displayName, role: input.role, isActive: input.isActive, version: input.version, passwordHash },
      { userId: actor.userId },
    ),
  );
  if (!result.ok) return result;
  const { before, account } = result;
  const common = { userId: id, email: account.email, actorId: actor.userId, ip: actor.ip };
  if (before.role !== account.role) securityEvent('user.role_changed', { ...common, from: before.role, to: account.role });
  if (before.isActive && !account.isActive) securityEvent('user.deactivated', common);
  if (!before.isActive && account.isActive) securityEvent('user.reactivated', common);
  if (passwordHash !== null) securityEvent('password.changed', { ...common, by: 'admin' });
  if (result.revokedSessions > 0) securityEvent('sessions.revoked', { ...common, count: result.revokedSessions });
  return result;
}

export type OwnPasswordChange =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: 'wrong-password' | 'not-found' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Someone changes their own password: the current one is checked (under the sign-in throttle, so a
 * session left open cannot be used to guess it), the new hash is stored, every session of the account
 * ends, and a fresh session opens in the same transaction; the caller sets its token as the cookie
 * (rotation: the token of the session that asked is dead too).
 */
export async function changeOwnPassword(
  database: Database,
  user: { id: number; email: string },
  input: OwnPasswordInput,
  request: { ip: string; userAgent: string | null },
  now = Date.now(),
): Promise<OwnPasswordChange> {
  // In the sign-in lanes and counters (untrusted: the device cookie proves a sign-in, not who sits at an
  // open session): concurrent guesses of the current password are counted one by one (R03).
  const attempt = { email: user.email, ip: request.ip };
  const refused = await oneAttemptAtATime(attemptLanes(attempt, null), async (): Promise<OwnPasswordChange | null> => {
    const judged = await judgeAttempt(database, attempt);
    const { verdict } = judged;
    if (!verdict.ok) {
      securityEvent(verdict.reason === 'account-locked' ? 'login.locked' : 'login.ip_limited', {
        userId: user.id,
        email: user.email,
        ip: request.ip,
        context: 'password-change',
      });
      return { ok: false, reason: 'throttled', retryAfterMs: verdict.retryAfterMs };
    }
    if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
    const stored = await getPasswordHash(database.db, user.id);
    if (!stored) return { ok: false, reason: 'not-found' };
    if (!(await verifyPassword(stored, input.currentPassword))) {
      const blocked = await recordFailure(database, judged);
      securityEvent('password.change_failed', { userId: user.id, email: user.email, ip: request.ip, reason: 'wrong-current-password' });
      for (const scope of blocked)
        securityEvent('login.lockout', { userId: user.id, email: user.email, ip: request.ip, scope, context: 'password-change' });
      return { ok: false, reason: 'wrong-password' };
    }
    await recordSuccess(database, judged);
    return null;
  });
  if (refused) return refused;
  const passwordHash = await hashPassword(input.newPassword);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_ABSOLUTE_MS);
  const result = await writeTransaction(database, async (tx) => {
    const changed = await setOwnPassword(tx, user.id, passwordHash);
    if (!changed.ok) return changed;
    await insertRotatedSession(tx, {
      id: hashToken(token),
      userId: user.id,
      expiresAt: expiresAt.toISOString(),
      createdAt: new Date(now).toISOString(),
      ip: request.ip,
      userAgent: request.userAgent,
    });
    return changed;
  });
  if (!result.ok) return result;
  const common = { userId: user.id, email: user.email, ip: request.ip };
  securityEvent('password.changed', { ...common, by: 'self' });
  securityEvent('sessions.revoked', { ...common, count: result.revokedSessions, reason: 'password-change' });
  return { ok: true, token, expiresAt };
}
