import { and, count, desc, eq, gt } from 'drizzle-orm';
import type { StaffRole } from '#domain/auth.ts';
import { recordAudit, type Actor } from '#db/audit.ts';
import type { DbOrTx } from '#db/client.ts';
import { auditLog, sessions, users } from '#db/schema/index.ts';

/** Staff e-mails are compared and stored in lower case. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** How many active admin accounts exist. */
export async function countAdmins(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true)));
  return row?.n ?? 0;
}

/** Creates an account (the password already hashed); the audit row never holds the hash. */
export async function createUser(
  db: DbOrTx,
  input: { email: string; passwordHash: string; role: StaffRole; displayName?: string | null },
  actor: Actor,
) {
  const [created] = await db
    .insert(users)
    .values({
      email: normalizeEmail(input.email),
      passwordHash: input.passwordHash,
      role: input.role,
      displayName: input.displayName ?? null,
    })
    .returning();
  const { passwordHash: _secret, ...safe } = created!;
  void _secret;
  await recordAudit(db, actor, { action: 'create', entity: 'users', entityId: created!.id, after: safe });
  return created!;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return user ?? null;
}

export async function listUsers(db: DbOrTx) {
  return db
    .select({ id: users.id, email: users.email, role: users.role, isActive: users.isActive, lastLoginAt: users.lastLoginAt })
    .from(users)
    .orderBy(users.email);
}

/** Stores a new session under the hash of its token and records the sign-in. */
export async function insertSession(
  db: DbOrTx,
  session: { id: string; userId: number; expiresAt: string; createdAt: string; ip: string | null; userAgent: string | null },
) {
  await db.insert(sessions).values({ ...session, lastSeenAt: session.createdAt });
  await db.update(users).set({ lastLoginAt: new Date().toISOString() }).where(eq(users.id, session.userId));
  await recordAudit(db, { userId: session.userId }, { action: 'login', entity: 'users', entityId: session.userId });
}

/** A session by the hash of its token, with its active user; null when either is gone. */
export async function findSession(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ session: sessions, user: { id: users.id, email: users.email, role: users.role, displayName: users.displayName } })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(and(eq(sessions.id, id), eq(users.isActive, true)))
    .limit(1);
  return row ?? null;
}

export async function touchSession(db: DbOrTx, id: string, at: string) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user: on password or role change (R09). */
export async function deleteUserSessions(db: DbOrTx, userId: number) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** An audit row as staff read it: who changed what, when. */
const changeRows = (db: DbOrTx) =>
  db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      actorLabel: auditLog.actorLabel,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.actorUserId, users.id));

/** The newest audit rows, for the dashboard. */
export async function listRecentChanges(db: DbOrTx, limit = 20) {
  return changeRows(db).orderBy(desc(auditLog.id)).limit(limit);
}

/** Every audit row after `lastId`, oldest first (what a release changed since the one before). */
export async function listChangesAfter(db: DbOrTx, lastId: number) {
  return changeRows(db).where(gt(auditLog.id, lastId)).orderBy(auditLog.id);
}
