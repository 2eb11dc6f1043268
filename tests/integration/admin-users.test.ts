import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getStaffAccount, listStaffAccounts } from '#db/queries/admin-users.ts';
import { auditLog, sessions, users } from '#db/schema/index.ts';
import { editUserSchema, NewUserInput, ownPasswordSchema, readUserForm, type EditUserInput } from '#domain/admin/user-form.ts';
import { changeOwnPassword, createAccount, updateAccount } from '#server/account-changes.ts';
import { addUser } from '#server/accounts.ts';
import { currentUser, signIn } from '#server/auth.ts';
import { setSecurityLogWriter } from '#server/security-log.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let adminId: number;
let events: Record<string, unknown>[];
let lines: string[];
let restoreLog: () => void;
const PASSWORD = 'Hội-chợ-2026!';
const NEW_PASSWORD = 'Gốm-Bát-Tràng-2027';

/** Each sign-in from its own address, so the per-IP throttle of one test never touches another. */
let ipCounter = 0;
const nextIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = await addUser(database, { email: 'admin@example.vn', password: PASSWORD, role: 'admin' }, { label: 'test' });
  if (!admin.ok) throw new Error(admin.reason);
  adminId = admin.id;
});
afterAll(async () => database.dispose());
beforeEach(() => {
  lines = [];
  events = [];
  restoreLog?.();
  restoreLog = setSecurityLogWriter((line) => {
    lines.push(line);
    events.push(JSON.parse(line) as Record<string, unknown>);
  });
});

const actor = () => ({ userId: adminId, ip: '203.0.113.1' });

async function create(email: string, role: 'admin' | 'editor' | 'viewer' = 'editor', displayName = '') {
  const read = await readUserForm(NewUserInput, { email, displayName, role, password: PASSWORD, passwordConfirm: PASSWORD });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const created = await createAccount(database, read.value, actor());
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.account;
}

async function login(email: string, password = PASSWORD) {
  const result = await signIn(database, { email, password, ip: nextIp(), userAgent: 'vitest' });
  if (!result.ok) throw new Error(`sign-in of ${email} failed: ${result.reason}`);
  return result.token;
}

async function edit(id: number, changes: Partial<Record<string, string>>, by = actor()) {
  const account = (await getStaffAccount(database.db, id))!;
  const form = {
    displayName: account.displayName ?? '',
    role: account.role,
    isActive: account.isActive ? '1' : '0',
    version: String(account.version),
    newPassword: '',
    newPasswordConfirm: '',
    ...changes,
  };
  const read = await readUserForm(editUserSchema(account.email), form);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return updateAccount(database, id, read.value, by);
}

const userAudit = async (id: number) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'users'), eq(auditLog.entityId, id)))
    .orderBy(auditLog.id);
const sessionCount = async (id: number) => (await database.db.select().from(sessions).where(eq(sessions.userId, id))).length;

describe('creating and listing accounts', () => {
  it('creates an account with an audit row that holds no password hash, and logs user.created', async () => {
    const account = await create(' Nguyen.Thi.Hoa@Example.VN ', 'editor', 'Nguyễn Thị Hoa');
    expect(account).toMatchObject({
      email: 'nguyen.thi.hoa@example.vn',
      displayName: 'Nguyễn Thị Hoa',
      role: 'editor',
      isActive: true,
      version: 1,
    });
    expect(account).not.toHaveProperty('passwordHash');
    const [row] = await userAudit(account.id);
    expect(row).toMatchObject({ action: 'create', actorUserId: adminId, before: null });
    expect(row!.after).toEqual({
      email: 'nguyen.thi.hoa@example.vn',
      displayName: 'Nguyễn Thị Hoa',
      role: 'editor',
      isActive: true,
      passwordChangedAt: expect.any(String) as unknown,
      version: 1,
    });
    expect(events).toEqual([expect.objectContaining({ event: 'user.created', userId: account.id, actorId: adminId, role: 'editor' })]);
    // The account signs in with the password the admin set.
    await login('nguyen.thi.hoa@example.vn');
  });

  it('refuses a taken e-mail beside the field and writes nothing', async () => {
    const before = (await database.db.select().from(users)).length;
    const read = await readUserForm(NewUserInput, {
      email: 'ADMIN@example.vn',
      displayName: '',
      role: 'viewer',
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    if (!read.ok) throw new Error('invalid');
    expect(await createAccount(database, read.value, actor())).toEqual({ ok: false, errors: { email: 'Đã có tài khoản với e-mail này.' } });
    expect((await database.db.select().from(users)).length).toBe(before);
    expect(events).toEqual([]);
  });

  it('finds accounts without marks, filters by role and pages', async () => {
    await create('tran.van.duc@example.vn', 'viewer', 'Trần Văn Đức');
    expect((await listStaffAccounts(database.db, { q: 'tran van duc' })).rows.map((r) => r.email)).toEqual(['tran.van.duc@example.vn']);
    expect((await listStaffAccounts(database.db, { q: 'ĐỨC' })).total).toBe(1);
    expect((await listStaffAccounts(database.db, { role: 'viewer' })).rows.every((r) => r.role === 'viewer')).toBe(true);
    expect((await listStaffAccounts(database.db, { role: 'admin' })).rows.map((r) => r.email)).toEqual(['admin@example.vn']);
    for (let i = 0; i < 26; i++)
      await database.db.insert(users).values({ email: `bulk-${String(i).padStart(2, '0')}@example.vn`, passwordHash: 'x', role: 'viewer' });
    const first = await listStaffAccounts(database.db, { q: 'bulk' });
    const second = await listStaffAccounts(database.db, { q: 'bulk', page: 2 });
    expect([first.total, first.pages, first.rows.length, second.rows.length]).toEqual([26, 2, 25, 1]);
    expect(first.rows[0]).not.toHaveProperty('passwordHash');
  });
});

describe('changes that end sessions (R09)', () => {
  it('a role change ends every session of the account, and is logged', async () => {
    const account = await create('role.change@example.vn');
    const [one, two] = [await login(account.email), await login(account.email)];
    expect(await currentUser(database, one)).toMatchObject({ role: 'editor' });
    const result = await edit(account.id, { role: 'viewer' });
    expect(result).toMatchObject({ ok: true, revokedSessions: 2, account: { role: 'viewer', version: 2 } });
    expect(await currentUser(database, one)).toBeNull();
    expect(await currentUser(database, two)).toBeNull();
    expect(events.map((e) => e['event'])).toEqual(expect.arrayContaining(['user.role_changed', 'sessions.revoked']));
    expect(events.find((e) => e['event'] === 'user.role_changed')).toMatchObject({
      userId: account.id,
      from: 'editor',
      to: 'viewer',
      actorId: adminId,
    });
    const rows = await userAudit(account.id);
    expect(rows.at(-1)).toMatchObject({ action: 'update', before: { role: 'editor', version: 1 }, after: { role: 'viewer', version: 2 } });
  });

  it('a deactivation ends the sessions and the account can no longer sign in', async () => {
    const account = await create('deactivated@example.vn');
    const token = await login(account.email);
    expect(await edit(account.id, { isActive: '0' })).toMatchObject({ ok: true, revokedSessions: 1 });
    expect(await currentUser(database, token)).toBeNull();
    expect(await signIn(database, { email: account.email, password: PASSWORD, ip: nextIp(), userAgent: null })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(events.map((e) => e['event'])).toContain('user.deactivated');
  });

  it("an admin's new password ends the sessions; the old password stops working, the new one works", async () => {
    const account = await create('new.password@example.vn');
    const token = await login(account.email);
    const before = (await getStaffAccount(database.db, account.id))!;
    expect(await edit(account.id, { newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD })).toMatchObject({
      ok: true,
      revokedSessions: 1,
    });
    expect(await currentUser(database, token)).toBeNull();
    expect(await signIn(database, { email: account.email, password: PASSWORD, ip: nextIp(), userAgent: null })).toMatchObject({
      ok: false,
    });
    await login(account.email, NEW_PASSWORD);
    const [row] = (await userAudit(account.id)).filter((r) => r.action === 'update');
    expect((row!.after as { passwordChangedAt: string }).passwordChangedAt).not.toBe(before.passwordChangedAt);
    expect(events.find((e) => e['event'] === 'password.changed')).toMatchObject({ userId: account.id, by: 'admin' });
  });

  it('a change of name only keeps the sessions', async () => {
    const account = await create('name.only@example.vn');
    const token = await login(account.email);
    expect(await edit(account.id, { displayName: 'Lê Văn Tên' })).toMatchObject({
      ok: true,
      revokedSessions: 0,
      account: { displayName: 'Lê Văn Tên' },
    });
    expect(await currentUser(database, token)).not.toBeNull();
  });

  it('no audit row of an account ever holds a password hash', async () => {
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.entity, 'users'));
    expect(rows.length).toBeGreaterThan(5);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('$argon2');
    expect(text).not.toMatch(/passwordHash|password_hash/);
    const hashes = (await database.db.select({ h: users.passwordHash }).from(users)).map((u) => u.h).filter((h) => h.startsWith('$'));
    for (const hash of hashes) expect(text).not.toContain(hash);
  });
});

describe('my own password', () => {
  const read = async (email: string, currentPassword: string, newPassword = NEW_PASSWORD) => {
    const r = await readUserForm(ownPasswordSchema(email), { currentPassword, newPassword, newPasswordConfirm: newPassword });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  };

  it('refuses a wrong current password and changes nothing', async () => {
    const account = await create('own.wrong@example.vn');
    const token = await login(account.email);
    const auditBefore = (await userAudit(account.id)).length;
    events.length = 0;
    const result = await changeOwnPassword(database, account, await read(account.email, 'not-my-password'), {
      ip: nextIp(),
      userAgent: null,
    });
    expect(result).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await currentUser(database, token)).not.toBeNull();
    expect((await userAudit(account.id)).length).toBe(auditBefore);
    expect(events).toEqual([expect.objectContaining({ event: 'password.change_failed', userId: account.id })]);
    expect(lines.join('\n')).not.toContain('not-my-password');
  });

  it('rotates: every old session ends (this one too), a fresh one works, and the new password signs in', async () => {
    const account = await create('own.rotate@example.vn');
    const here = await login(account.email);
    const elsewhere = await login(account.email);
    const result = await changeOwnPassword(database, account, await read(account.email, PASSWORD), { ip: nextIp(), userAgent: 'vitest' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.token).not.toBe(here);
    expect(await currentUser(database, here)).toBeNull();
    expect(await currentUser(database, elsewhere)).toBeNull();
    expect(await currentUser(database, result.token)).toMatchObject({ id: account.id });
    expect(await sessionCount(account.id)).toBe(1);
    await login(account.email, NEW_PASSWORD);
    expect(await signIn(database, { email: account.email, password: PASSWORD, ip: nextIp(), userAgent: null })).toMatchObject({
      ok: false,
    });
    expect(events.map((e) => e['event'])).toEqual(expect.arrayContaining(['password.changed', 'sessions.revoked']));
    expect(events.find((e) => e['event'] === 'sessions.revoked')).toMatchObject({ userId: account.id, count: 2 });
    const text = lines.join('\n');
    for (const secret of [PASSWORD, NEW_PASSWORD, here, elsewhere, result.token]) expect(text).not.toContain(secret);
  });

  it('accepts the current password typed decomposed (NFD) when it was stored composed', async () => {
    const account = await create('own.nfd@example.vn');
    const result = await changeOwnPassword(database, account, await read(account.email, PASSWORD.normalize('NFD'), 'Lụa-Vạn-Phúc-2028'), {
      ip: nextIp(),
      userAgent: null,
    });
    expect(result.ok).toBe(true);
    await login(account.email, 'Lụa-Vạn-Phúc-2028'.normalize('NFD'));
  });
});

describe('the admin stays reachable', () => {
  it('an admin cannot demote or deactivate themselves, nor set their own password here', async () => {
    for (const change of [{ role: 'editor' }, { isActive: '0' }, { newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD }]) {
      const result = await edit(adminId, change);
      expect(result).toMatchObject({ ok: false, reason: 'refused' });
    }
    expect(await getStaffAccount(database.db, adminId)).toMatchObject({ role: 'admin', isActive: true, version: 1 });
  });

  it('two admins demoting each other at once leave one admin, never none', async () => {
    const a = await create('admin.a@example.vn', 'admin');
    const b = await create('admin.b@example.vn', 'admin');
    // The first admin steps aside so that a and b are the only active admins.
    await database.db.update(users).set({ isActive: false }).where(eq(users.id, adminId));
    try {
      const [va, vb] = [(await getStaffAccount(database.db, a.id))!, (await getStaffAccount(database.db, b.id))!];
      const input = (v: number): EditUserInput => ({
        displayName: null,
        role: 'editor',
        isActive: true,
        version: v,
        newPassword: null,
        newPasswordConfirm: null,
      });
      const results = await Promise.all([
        updateAccount(database, b.id, input(vb.version), { userId: a.id }),
        updateAccount(database, a.id, input(va.version), { userId: b.id }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'refused', field: 'role' });
      const admins = await database.db
        .select()
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.isActive, true)));
      expect(admins).toHaveLength(1);
      // And the last one cannot be deactivated by anyone either.
      const last = admins[0]!;
      expect(
        await updateAccount(
          database,
          last.id,
          { ...input(last.version), role: 'admin', isActive: false },
          { userId: last.id === a.id ? b.id : a.id },
        ),
      ).toMatchObject({ ok: false, reason: 'refused', field: 'isActive' });
    } finally {
      await database.db.update(users).set({ isActive: true }).where(eq(users.id, adminId));
    }
  });
});

describe('optimistic locking (R28)', () => {
  it('a stale save changes nothing, ends no session, writes no audit row and returns the current account', async () => {
    const account = await create('stale@example.vn');
    const token = await login(account.email);
    expect(await edit(account.id, { displayName: 'Bản mới' })).toMatchObject({ ok: true });
    const auditBefore = (await userAudit(account.id)).length;
    events.length = 0;
    const stale = await readUserForm(editUserSchema(account.email), {
      displayName: 'Bản cũ',
      role: 'viewer',
      isActive: '0',
      version: '1',
      newPassword: NEW_PASSWORD,
      newPasswordConfirm: NEW_PASSWORD,
    });
    if (!stale.ok) throw new Error('invalid');
    const result = await updateAccount(database, account.id, stale.value, actor());
    expect(result).toMatchObject({ ok: false, reason: 'conflict', current: { displayName: 'Bản mới', version: 2, role: 'editor' } });
    expect(await getStaffAccount(database.db, account.id)).toMatchObject({
      displayName: 'Bản mới',
      role: 'editor',
      isActive: true,
      version: 2,
    });
    expect((await userAudit(account.id)).length).toBe(auditBefore);
    expect(await currentUser(database, token)).not.toBeNull();
    await login(account.email);
    expect(events.filter((e) => String(e['event']).startsWith('user.') || e['event'] === 'password.changed')).toEqual([]);
  });

  it('answers not-found for an account that does not exist', async () => {
    const input: EditUserInput = {
      displayName: null,
      role: 'viewer',
      isActive: true,
      version: 1,
      newPassword: null,
      newPasswordConfirm: null,
    };
    expect(await updateAccount(database, 999_999, input, actor())).toEqual({ ok: false, reason: 'not-found' });
  });
});

describe('sign-in events (R25)', () => {
  it('logs a failure for a known account, a failure for an unknown one without its address, and a success; never the password', async () => {
    const account = await create('events@example.vn');
    events.length = 0;
    lines.length = 0;
    const ip = nextIp();
    await signIn(database, { email: account.email, password: 'Wrong-password-1', ip, userAgent: null });
    await signIn(database, { email: 'someone.unknown@other.example', password: 'Wrong-password-2', ip, userAgent: null });
    await signIn(database, { email: account.email, password: PASSWORD, ip, userAgent: null });
    expect(events).toEqual([
      expect.objectContaining({ event: 'login.failure', userId: account.id, email: account.email, ip, reason: 'wrong-password' }),
      expect.objectContaining({
        event: 'login.failure',
        emailDomain: 'other.example',
        emailTag: expect.any(String) as unknown,
        ip,
        reason: 'unknown-account',
      }),
      expect.objectContaining({ event: 'login.success', userId: account.id, email: account.email, ip }),
    ]);
    const text = lines.join('\n');
    for (const secret of ['Wrong-password-1', 'Wrong-password-2', PASSWORD, 'someone.unknown']) expect(text).not.toContain(secret);
  });

  it('logs the lockout of an account from one address, the refusals after it, and an IP over its limit', async () => {
    const from = nextIp();
    for (let i = 0; i < 5; i++) await signIn(database, { email: 'lock.me@example.vn', password: `wrong-${i}`, ip: from, userAgent: null });
    expect(events.at(-1)).toMatchObject({ event: 'login.lockout', scope: 'pair', emailDomain: 'example.vn', ip: from });
    expect(await signIn(database, { email: 'lock.me@example.vn', password: 'wrong', ip: from, userAgent: null })).toMatchObject({
      reason: 'account-locked',
    });
    expect(events.at(-1)).toMatchObject({ event: 'login.locked', emailDomain: 'example.vn' });

    const ip = nextIp();
    for (let i = 0; i < 10; i++) await signIn(database, { email: `spray-${i}@example.vn`, password: 'wrong', ip, userAgent: null });
    expect(await signIn(database, { email: 'admin@example.vn', password: PASSWORD, ip, userAgent: null })).toMatchObject({
      reason: 'ip-limited',
    });
    expect(events.at(-1)).toMatchObject({ event: 'login.ip_limited', userId: adminId, ip });
    expect(lines.join('\n')).not.toContain(PASSWORD);
  }, 20_000);
});

describe('the sign-in throttle under concurrency (R03)', () => {
  it('30 wrong passwords at once from one address: 10 are checked, 20 refused, and the right password then too', async () => {
    const ip = nextIp();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(database, { email: `guess-${i}@example.vn`, password: 'wrong', ip, userAgent: null })),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === 'ip-limited')).toHaveLength(20);
    expect(await signIn(database, { email: 'admin@example.vn', password: PASSWORD, ip, userAgent: null })).toMatchObject({
      reason: 'ip-limited',
    });
  });

  it('8 wrong passwords at once for one account from one address: that address is refused from the fifth, others are not', async () => {
    const account = await create('concurrent.lock@example.vn');
    const ip = nextIp();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => signIn(database, { email: account.email, password: 'wrong', ip, userAgent: null })),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'account-locked')).toHaveLength(3);
    expect(await signIn(database, { email: account.email, password: PASSWORD, ip: nextIp(), userAgent: null })).toMatchObject({ ok: true });
  }, 20_000);
});
