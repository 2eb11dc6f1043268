/**
 * The sign-in throttle against a real database (R03, #17.1): an attacker elsewhere cannot keep the real
 * person out, the counters survive a restart (a second process), the table stays bounded, and each
 * lockout is a security event.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_COUNTERS_MAX, pruneLoginCounters } from '#db/queries/login-throttle.ts';
import { throttleCounters } from '#db/schema/index.ts';
import { COUNTER_LIFETIME_MS } from '#domain/login-throttle.ts';
import { addUser } from '#server/accounts.ts';
import { signIn } from '#server/auth.ts';
import { issueDeviceCookie, verifyDeviceCookie } from '#server/device-cookie.ts';
import { setSecurityLogWriter } from '#server/security-log.ts';
import { serverSecret } from '#server/server-secret.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
const PASSWORD = 'Hội-chợ-2026!';
const EMAIL = 'real.person@example.vn';
let events: Record<string, unknown>[] = [];
let restoreLog: () => void = () => {};

beforeAll(async () => {
  database = await createTestDatabase();
  const added = await addUser(database, { email: EMAIL, password: PASSWORD, role: 'editor' }, { label: 'test' });
  if (!added.ok) throw new Error(added.reason);
});
afterAll(async () => {
  restoreLog();
  await database.dispose();
});
beforeEach(() => {
  restoreLog();
  events = [];
  restoreLog = setSecurityLogWriter((line) => events.push(JSON.parse(line) as Record<string, unknown>));
});

let ipCounter = 0;
const nextIp = () => `192.0.2.${++ipCounter}`;
const attempt = (ip: string, password: string, extra: { email?: string; deviceCookie?: string } = {}) =>
  signIn(database, { email: extra.email ?? EMAIL, password, ip, userAgent: 'vitest', deviceCookie: extra.deviceCookie });

/** A fresh account per test, so no test's failures slow another's. */
async function account(email: string): Promise<string> {
  const added = await addUser(database, { email, password: PASSWORD, role: 'viewer' }, { label: 'test' });
  if (!added.ok) throw new Error(added.reason);
  return email;
}

/** Runs tests/support/sign-in-child.ts: a fresh process, nothing shared with this one but the database and its folder. */
function inAnotherProcess(
  attempts: { email: string; password: string; ip: string; deviceCookie?: string }[],
): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'tests/support/sign-in-child.ts')], {
      env: { ...process.env, DATABASE_URL: database.url, ATTEMPTS: JSON.stringify(attempts) },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(
            out
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line) as Record<string, unknown>),
          )
        : reject(new Error(`sign-in child exited ${code}`)),
    );
  });
}

describe('an attacker elsewhere (#17.1)', () => {
  it('cannot keep out a browser that signed in before, nor a new one at another address', async () => {
    const home = nextIp();
    const first = await attempt(home, PASSWORD);
    if (!first.ok) throw new Error(`first sign-in failed: ${first.reason}`);

    // Two attackers guess the password from their own addresses, at once, until refused.
    const attackers = [nextIp(), nextIp()];
    const guesses = await Promise.all(
      attackers.map(async (ip) => {
        const results = [];
        for (let i = 0; i < 7; i++) results.push(await attempt(ip, `Guess-${ip}-${i}`));
        return results;
      }),
    );
    for (const results of guesses) {
      expect(results.slice(0, 5).map((r) => !r.ok && r.reason)).toEqual(Array(5).fill('invalid'));
      expect(results.slice(5).map((r) => !r.ok && r.reason)).toEqual(['account-locked', 'account-locked']);
    }
    // Even the right password is refused to them now.
    expect(await attempt(attackers[0]!, PASSWORD)).toMatchObject({ ok: false, reason: 'account-locked' });

    // The real person's browser, with its device cookie: in at once.
    const started = performance.now();
    expect(await attempt(home, PASSWORD, { deviceCookie: first.deviceCookie })).toMatchObject({ ok: true });
    expect(performance.now() - started).toBeLessThan(1500);
    // From a new browser at another address: slowed (at most 4 s), never refused.
    expect(await attempt(nextIp(), PASSWORD)).toMatchObject({ ok: true });
  }, 60_000);

  it('does not trust a device cookie issued to another account, forged, or too old', () => {
    const secret = serverSecret(database.url);
    const now = Date.now();
    const cookie = issueDeviceCookie(secret, EMAIL, now);
    expect(verifyDeviceCookie(secret, 'REAL.person@example.vn ', cookie, now)).toMatch(/^[\w-]{22}$/);
    expect(verifyDeviceCookie(secret, 'someone.else@example.vn', cookie, now)).toBeNull();
    expect(verifyDeviceCookie(Buffer.alloc(32), EMAIL, cookie, now)).toBeNull();
    expect(verifyDeviceCookie(secret, EMAIL, `${cookie.slice(0, -2)}AA`, now)).toBeNull();
    expect(verifyDeviceCookie(secret, EMAIL, cookie, now + 181 * 86_400_000)).toBeNull();
    expect(verifyDeviceCookie(secret, EMAIL, 'x'.repeat(5000), now)).toBeNull();
  });

  it('stops trusting a device cookie after five failures made with it', async () => {
    const email = await account('device.owner@example.vn');
    const ip = nextIp();
    const signedIn = await attempt(ip, PASSWORD, { email });
    if (!signedIn.ok) throw new Error('sign-in failed');
    const { deviceCookie } = signedIn;
    for (let i = 0; i < 5; i++) expect(await attempt(ip, `Wrong-${i}`, { email, deviceCookie })).toMatchObject({ reason: 'invalid' });
    expect(events.filter((e) => e['event'] === 'login.lockout')).toEqual([expect.objectContaining({ scope: 'device', ip })]);
    // Now an untrusted client like any other: its own address's failures start from zero, so it may still try.
    expect(await attempt(ip, PASSWORD, { email, deviceCookie })).toMatchObject({ ok: true });
  }, 30_000);
});

describe('counters in the database (#17.1)', () => {
  it('survive a restart: a new process still refuses the address and the account × address', async () => {
    const email = await account('restart.survivor@example.vn');
    const spraying = nextIp();
    const guessing = nextIp();
    const before = await inAnotherProcess([
      ...Array.from({ length: 10 }, (_, i) => ({ email: `spray-${i}@example.vn`, password: 'Wrong-1', ip: spraying })),
      ...Array.from({ length: 5 }, (_, i) => ({ email, password: `Wrong-${i}`, ip: guessing })),
    ]);
    expect(before.map((r) => r['reason'])).toEqual(Array(15).fill('invalid'));
    const after = await inAnotherProcess([
      { email, password: PASSWORD, ip: spraying },
      { email, password: PASSWORD, ip: guessing },
      { email, password: PASSWORD, ip: nextIp() },
    ]);
    expect(after).toEqual([
      expect.objectContaining({ ok: false, reason: 'ip-limited' }),
      expect.objectContaining({ ok: false, reason: 'account-locked' }),
      { ok: true },
    ]);
    // The device cookie one process issued is honoured by another (the secret persists beside the database).
    const signedIn = await attempt(nextIp(), PASSWORD, { email });
    if (!signedIn.ok) throw new Error('sign-in failed');
    expect(await inAnotherProcess([{ email, password: PASSWORD, ip: spraying, deviceCookie: signedIn.deviceCookie }])).toEqual([
      { ok: true },
    ]);
  }, 180_000);

  it('stay bounded: stale rows go, and past the cap the least recently changed go first', async () => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const stale = iso(now - COUNTER_LIFETIME_MS - 60_000);
    const rows = Array.from({ length: LOGIN_COUNTERS_MAX + 500 }, (_, i) => ({
      key: `login:source:bulk-${String(i).padStart(6, '0')}`,
      count: 1,
      windowStartedAt: iso(now - 60_000 + i),
      updatedAt: iso(now - 60_000 + i),
    }));
    rows.push({ key: 'login:source:stale', count: 3, windowStartedAt: stale, updatedAt: stale });
    const stillBlocked = {
      key: 'login:pair:stale-but-blocked',
      count: 0,
      windowStartedAt: stale,
      updatedAt: stale,
      blockedUntil: iso(now + 60_000),
    };
    const other = { key: 'report:someone', count: 1, windowStartedAt: stale, updatedAt: stale };
    for (let i = 0; i < rows.length; i += 500) await database.db.insert(throttleCounters).values(rows.slice(i, i + 500));
    await database.db.insert(throttleCounters).values([stillBlocked, other]);

    // One more failure: its counters are written and the table pruned in the same transaction.
    expect(await attempt(nextIp(), 'Wrong-password-9', { email: 'nobody.here@example.vn' })).toMatchObject({ reason: 'invalid' });
    const [login] = await database.db.select({ n: count() }).from(throttleCounters).where(like(throttleCounters.key, 'login:%'));
    expect(login!.n).toBe(LOGIN_COUNTERS_MAX);
    const keys = new Set((await database.db.select({ key: throttleCounters.key }).from(throttleCounters)).map((r) => r.key));
    expect(keys.has('login:source:stale')).toBe(false);
    expect(keys.has('login:source:bulk-000000')).toBe(false);
    expect(keys.has(`login:source:bulk-${String(LOGIN_COUNTERS_MAX + 499).padStart(6, '0')}`)).toBe(true);
    expect(keys.has('report:someone')).toBe(true);
    // The failure's own three counters are the newest: kept.
    expect([...keys].filter((k) => /^login:(source|pair|account):[\w-]{32}$/.test(k)).length).toBeGreaterThanOrEqual(3);
    expect(await pruneLoginCounters(database.db, now, COUNTER_LIFETIME_MS)).toBe(0);
  }, 60_000);

  it('name nobody: no e-mail or address is stored in the table', async () => {
    const text = JSON.stringify(await database.db.select().from(throttleCounters));
    expect(text).not.toContain('example.vn');
    expect(text).not.toContain('192.0.2.');
  });
});
