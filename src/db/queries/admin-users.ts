/**
 * Staff accounts as admins manage them. Every change runs inside the caller's write transaction with its
 * audit row (R24), which never holds a password hash: only the e-mail, name, role, whether the account is
 * active, when the password last changed, and the version. A password, role or active change ends the
 * account's sessions in the same transaction (R09). Saves match on the version (R28): a stale save writes
 * nothing and returns the current account. The rules that keep an admin reachable are checked here again,
 * inside the transaction, so two admins demoting each other at once cannot leave none.
 */
import { and, count, eq } from 'drizzle-orm';
import { accountChangeProblem } from '#domain/admin/user-form.ts';
import type { StaffRole } from '#domain/auth.ts';
import { foldVietnamese } from '#domain/text.ts';
import { recordAudit, type Actor } from '#db/audit.ts';
import type { DbOrTx } from '#db/client.ts';
import { sessions, users } from '#db/schema/index.ts';
import { countAdmins, deleteUserSessions, normalizeEmail } from './staff.ts';

export const USERS_PAGE_SIZE = 25;

/** Every column but the password hash: what pages and audit rows may see. */
const PUBLIC_COLUMNS = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  isActive: users.isActive,
  passwordChangedAt: users.passwordChangedAt,
  lastLoginAt: users.lastLoginAt,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export type StaffAccount = {
  id: number;
  email: string;
  displayName: string | null;
  role: StaffRole;
  isActive: boolean;
  passwordChangedAt: string;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** What an audit row records of an account: never the hash, only when the password changed. */
export function userSnapshot(account: StaffAccount) {
  return {
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    isActive: account.isActive,
    passwordChangedAt: account.passwordChangedAt,
    version: account.version,
  };
}

/** Accounts whose folded e-mail or name contains the folded query, optionally of one role, by e-mail, one page. */
export async function listStaffAccounts(db: DbOrTx, options: { q?: string; role?: StaffRole | null; page?: number }) {
  const rows = await db
    .select(PUBLIC_COLUMNS)
    .from(users)
    .where(options.role ? eq(users.role, options.role) : undefined)
    .orderBy(users.email);
  const q = foldVietnamese(options.q ?? '');
  const matching = rows.filter((r) => !q || foldVietnamese(`${r.email} ${r.displayName ?? ''}`).includes(q));
  const pages = Math.max(1, Math.ceil(matching.length / USERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  return { rows: matching.slice((page - 1) * USERS_PAGE_SIZE, page * USERS_PAGE_SIZE), total: matching.length, page, pages };
}

export async function getStaffAccount(db: DbOrTx, id: number): Promise<StaffAccount | null> {
  const [row] = await db.select(PUBLIC_COLUMNS).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** The stored hash of one account, for checking its current password; never leaves the server. */
export async function getPasswordHash(db: DbOrTx, id: number): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id)).limit(1);
  return row?.passwordHash ?? null;
}

/** Ends every session of an account and says how many there were. */
export async function revokeSessions(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
  await deleteUserSessions(db, userId);
  return row?.n ?? 0;
}

/**
 * A fresh session after one's own password change (rotation): the old ones are gone, this one proves the
 * current password was just given. Not a sign-in, so no login audit row and no last-sign-in change.
 */
export async function insertRotatedSession(
  db: DbOrTx,
  session: { id: string; userId: number; expiresAt: string; createdAt: string; ip: string | null; userAgent: string | null },
) {
  await db.insert(sessions).values({ ...session, lastSeenAt: session.createdAt });
}

export type CreateAccountResult = { ok: true; account: StaffAccount } | { ok: false; reason: 'duplicate' };

/** Adds an account (the password already hashed); a taken e-mail changes nothing. */
export async function createStaffAccount(
  db: DbOrTx,
  input: { email: string; displayName: string | null; role: StaffRole; passwordHash: string },
  actor: Actor,
): Promise<CreateAccountResult> {
  const email = normalizeEmail(input.email);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (taken) return { ok: false, reason: 'duplicate' };
  const [created] = await db
    .insert(users)
    .values({ email, displayName: input.displayName, role: input.role, passwordHash: input.passwordHash })
    .returning(PUBLIC_COLUMNS);
  await recordAudit(db, actor, { action: 'create', entity: 'users', entityId: created!.id, after: userSnapshot(created!) });
  return { ok: true, account: created! };
}

export type UpdateAccountResult =
  | {
      ok: true;
      account: StaffAccount;
      before: StaffAccount;
      /** Sessions ended because the password, the role or the active state changed. */
      revokedSessions: number;
    }
  | { ok: false; reason: 'conflict'; current: StaffAccount }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'refused'; field: 'role' | 'isActive' | 'newPassword'; message: string };

/**
 * An admin's save of an account: name, role, active state and optionally a new password (hashed by the
 * caller). Refused without writing when the version is stale or the change would leave the actor locked
 * out or no active admin.
 */
export async function updateStaffAccount(
  db: DbOrTx,
  id: number,
  input: { displayName: string | null; role: StaffRole; isActive: boolean; version: number; passwordHash: string | null },
  actor: { userId: number },
): Promise<UpdateAccountResult> {
  const before = await getStaffAccount(db, id);
  if (!before) return { ok: false, reason: 'not-found' };
  if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before };
  const problem = accountChangeProblem({
    actorId: actor.userId,
    target: before,
    next: { role: input.role, isActive: input.isActive, passwordChange: input.passwordHash !== null },
    activeAdmins: await countAdmins(db),
  });
  if (problem) return { ok: false, reason: 'refused', ...problem };
  const now = new Date().toISOString();
  const [after] = await db
    .update(users)
    .set({
      displayName: input.displayName,
      role: input.role,
      isActive: input.isActive,
      version: input.version + 1,
      updatedAt: now,
      ...(input.passwordHash !== null ? { passwordHash: input.passwordHash, passwordChangedAt: now } : {}),
    })
    .where(and(eq(users.id, id), eq(users.version, input.version)))
    .returning(PUBLIC_COLUMNS);
  if (!after) return { ok: false, reason: 'conflict', current: (await getStaffAccount(db, id))! };
  const revoke = input.passwordHash !== null || before.role !== after.role || (before.isActive && !after.isActive);
  const revokedSessions = revoke ? await revokeSessions(db, id) : 0;
  await recordAudit(db, actor, {
    action: 'update',
    entity: 'users',
    entityId: id,
    before: userSnapshot(before),
    after: userSnapshot(after),
  });
  return { ok: true, account: after, before, revokedSessions };
}

/**
 * Sets a new password hash on one's own account and ends all its sessions (the caller opens a fresh one
 * in the same transaction). The version moves on, so an admin's form loaded before is stale.
 */
export async function setOwnPassword(
  db: DbOrTx,
  userId: number,
  passwordHash: string,
): Promise<{ ok: true; account: StaffAccount; revokedSessions: number } | { ok: false; reason: 'not-found' }> {
  const before = await getStaffAccount(db, userId);
  if (!before || !before.isActive) return { ok: false, reason: 'not-found' };
  const now = new Date().toISOString();
  const [after] = await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, updatedAt: now, version: before.version + 1 })
    .where(eq(users.id, userId))
    .returning(PUBLIC_COLUMNS);
  const revokedSessions = await revokeSessions(db, userId);
  await recordAudit(
    db,
    { userId },
    { action: 'update', entity: 'users', entityId: userId, before: userSnapshot(before), after: userSnapshot(after!) },
  );
  return { ok: true, account: after!, revokedSessions };
}
