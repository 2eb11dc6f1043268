import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '#db/schema/index.ts';
import { PASSWORD_MESSAGES, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '#domain/auth.ts';
import { findUserByEmail } from '#db/queries/staff.ts';
import { addUser, ensureFirstAdmin } from '#server/accounts.ts';
import { currentUser, hashPassword, signIn, signOut } from '#server/auth.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
const PASSWORD = 'Hội-chợ-2026!';
beforeAll(async () => {
  database = await createTestDatabase();
  const added = await addUser(database, { email: 'Editor@Example.vn ', password: PASSWORD, role: 'editor' }, { label: 'test' });
  expect(added.ok).toBe(true);
});
afterAll(async () => database.dispose());

const login = (ip = '203.0.113.1', now?: number) =>
  signIn(database, { email: 'editor@example.vn', password: PASSWORD, ip, userAgent: 'vitest' }, now);

describe('passwords (R01, R02, R04)', () => {
  it('hashes with argon2id at m=19456, t=2, p=1', async () => {
    expect(await hashPassword('x'.repeat(10))).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses weak passwords, bad addresses and unknown roles, and adds nothing', async () => {
    expect(await addUser(database, { email: 'a@example.vn', password: '12345678', role: 'editor' }, { label: 'test' })).toMatchObject({
      ok: false,
    });
    expect(await addUser(database, { email: 'not-an-email', password: PASSWORD, role: 'editor' }, { label: 'test' })).toMatchObject({
      ok: false,
    });
    expect(await addUser(database, { email: 'b@example.vn', password: PASSWORD, role: 'root' }, { label: 'test' })).toMatchObject({
      ok: false,
    });
    expect(await addUser(database, { email: 'EDITOR@example.vn', password: PASSWORD, role: 'viewer' }, { label: 'test' })).toMatchObject({
      ok: false,
    });
  });

  it('refuses easily guessed passwords for the first admin and the CLI, in English, and adds nothing (#17.6)', async () => {
    for (const password of ['aaaaaaaa', '        ', 'Aa123456', 'Matkhau123', 'Hanoi2024']) {
      const env = { ADMIN_EMAIL: 'weak@example.vn', ADMIN_PASSWORD: password };
      expect(await ensureFirstAdmin(database, env)).toBe(`ADMIN_EMAIL/ADMIN_PASSWORD not used: ${PASSWORD_MESSAGES.weak.en}`);
      expect(await addUser(database, { email: 'weak@example.vn', password, role: 'viewer' }, { label: 'cli:user' })).toEqual({
        ok: false,
        reason: PASSWORD_MESSAGES.weak.en,
      });
    }
    expect(await findUserByEmail(database.db, 'weak@example.vn')).toBeNull();
  });

  it('creates the first admin from the environment only while no admin exists', async () => {
    const env = { ADMIN_EMAIL: 'first@example.vn', ADMIN_PASSWORD: PASSWORD };
    expect(await ensureFirstAdmin(database, env)).toContain('first admin');
    expect(await ensureFirstAdmin(database, { ...env, ADMIN_EMAIL: 'second@example.vn' })).toBeNull();
    expect(await ensureFirstAdmin(database, {})).toBeNull();
  });
});

describe('sessions (R06–R09)', () => {
  it('stores only the SHA-256 of a 32-byte token, and makes a new session at every sign-in', async () => {
    const first = await login();
    const second = await login();
    if (!first.ok || !second.ok) throw new Error('sign-in failed');
    expect(Buffer.from(first.token, 'base64url')).toHaveLength(32);
    expect(first.token).not.toBe(second.token);
    const ids = (await database.db.select({ id: sessions.id }).from(sessions)).map((s) => s.id);
    expect(ids).toContain(createHash('sha256').update(first.token).digest('hex'));
    expect(ids).not.toContain(first.token);
  });

  it('ends after 30 idle minutes, and after 12 hours however busy', async () => {
    const start = Date.now();
    const idle = await login('203.0.113.2', start);
    if (!idle.ok) throw new Error('sign-in failed');
    expect(await currentUser(database, idle.token, start + SESSION_IDLE_MS - 1000)).toMatchObject({
      email: 'editor@example.vn',
      role: 'editor',
    });
    expect(await currentUser(database, idle.token, start + SESSION_IDLE_MS * 2)).toBeNull();
    // Gone for good, even if the clock were turned back.
    expect(await currentUser(database, idle.token, start)).toBeNull();

    const busy = await login('203.0.113.3', start);
    if (!busy.ok) throw new Error('sign-in failed');
    for (let t = start; t < start + SESSION_ABSOLUTE_MS; t += SESSION_IDLE_MS / 2)
      expect(await currentUser(database, busy.token, t)).not.toBeNull();
    expect(await currentUser(database, busy.token, start + SESSION_ABSOLUTE_MS)).toBeNull();
  });

  it('is revoked by signing out', async () => {
    const session = await login('203.0.113.4');
    if (!session.ok) throw new Error('sign-in failed');
    await signOut(database, session.token);
    expect(await currentUser(database, session.token)).toBeNull();
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const wrong = await signIn(database, { email: 'editor@example.vn', password: 'wrong-password', ip: '198.51.100.7', userAgent: null });
    const unknown = await signIn(database, { email: 'nobody@example.vn', password: 'wrong-password', ip: '198.51.100.8', userAgent: null });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
  });
});
