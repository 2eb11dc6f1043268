import { describe, expect, it } from 'vitest';
import {
  ADMIN_ROUTES,
  adminRoute,
  bodyAccepted,
  isAllowed,
  LoginThrottle,
  passwordProblem,
  ROLES,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionState,
} from '../../src/domain/auth.ts';

describe('passwordProblem (R02)', () => {
  it.each([
    ['1234567', 'too-short'],
    ['mậtkhẩu', 'too-short'],
    ['12345678', 'common'],
    ['Password', 'common'],
    ['anhyeuem', 'common'],
    ['x'.repeat(129), 'too-long'],
    ['nguyen.van.a-2026', 'contains-email'],
  ])('%j → %s', (password, problem) => {
    expect(passwordProblem(password, 'nguyen.van.a@sct.gov.vn')).toBe(problem);
  });

  it.each(['Chè-Thái-2024!', 'mậtkhẩu8', 'x'.repeat(128), 'correct horse battery staple'])('accepts %j', (password) => {
    expect(passwordProblem(password, 'nguyen.van.a@sct.gov.vn')).toBeNull();
  });

  it('counts what people see: a decomposed "ẩ" is one character', () => {
    expect(passwordProblem('ma\u0323\u0302tkha\u0302\u0309u')).toBe('too-short');
  });
});

describe('sessionState (R08)', () => {
  const start = Date.parse('2026-12-03T08:00:00Z');
  const at = (ms: number) => new Date(start + ms).toISOString();
  it('lives while used, ends 30 minutes after the last use', () => {
    expect(sessionState({ createdAt: at(0), lastSeenAt: at(0) }, start + SESSION_IDLE_MS - 1)).toBe('active');
    expect(sessionState({ createdAt: at(0), lastSeenAt: at(0) }, start + SESSION_IDLE_MS)).toBe('idle');
  });
  it('ends 12 hours after sign-in even when used all along', () => {
    const used = start + SESSION_ABSOLUTE_MS - 60_000;
    expect(sessionState({ createdAt: at(0), lastSeenAt: at(used - start) }, start + SESSION_ABSOLUTE_MS)).toBe('expired');
  });
});

describe('LoginThrottle (R03)', () => {
  it('delays each failure more, locks an account for 15 minutes at the fifth, and lets it try again after', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const verdict = throttle.check('a@b.vn', `10.0.0.${i}`);
      expect(verdict.ok).toBe(true);
      if (verdict.ok) delays.push(verdict.delayMs);
      throttle.failed('a@b.vn', `10.0.0.${i}`);
    }
    expect(delays).toEqual([0, 250, 500, 1000, 2000]);
    expect(throttle.check('A@B.VN', '10.0.0.9')).toEqual({ ok: false, reason: 'account-locked', retryAfterMs: 15 * 60_000 });
    now += 15 * 60_000;
    expect(throttle.check('a@b.vn', '10.0.0.9')).toEqual({ ok: true, delayMs: 0 });
  });

  it('answers 429 to an address after 10 failures in 10 minutes, whatever the accounts, until the window moves', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 10; i++) {
      expect(throttle.check(`user${i}@b.vn`, '192.0.2.1').ok).toBe(true);
      throttle.failed(`user${i}@b.vn`, '192.0.2.1');
      now += 1000;
    }
    expect(throttle.check('someone@b.vn', '192.0.2.1')).toMatchObject({ ok: false, reason: 'ip-limited' });
    expect(throttle.check('someone@b.vn', '192.0.2.2').ok).toBe(true);
    now = 10 * 60_000 + 1;
    expect(throttle.check('someone@b.vn', '192.0.2.1').ok).toBe(true);
  });

  it('forgets an account’s failures after a successful sign-in', () => {
    const throttle = new LoginThrottle(() => 0);
    throttle.failed('a@b.vn', 'x');
    throttle.succeeded('a@b.vn');
    expect(throttle.check('a@b.vn', 'x')).toEqual({ ok: true, delayMs: 0 });
  });
});

describe('the route × role table (R11)', () => {
  it('refuses what no row names: deny by default', () => {
    expect(adminRoute('GET', '/admin/settings/')).toBeNull();
    expect(adminRoute('GET', '/admin/products/1/delete/')).toBeNull();
    expect(adminRoute('GET', '/admin/products/abc/')).toBeNull();
    expect(adminRoute('GET', '/admin/media/../../db/registry.db')).toBeNull();
    expect(adminRoute('GET', `/admin/media/${'a'.repeat(64)}-320.svg`)).toBeNull();
    expect(adminRoute('DELETE', '/admin/')).toBeNull();
    expect(adminRoute('GET', '/admin/logout/')).toBeNull();
    expect(adminRoute('POST', '/admin/')).toBeNull();
  });
  it('keeps staff accounts to admins and every write to editors and admins', () => {
    for (const route of ADMIN_ROUTES) {
      if (route.action.startsWith('users.')) expect(route.roles).toEqual(['admin']);
      if (route.method === 'POST' && !['login', 'logout', 'account.update'].includes(route.action))
        expect(isAllowed(route, 'viewer'), route.action).toBe(false);
    }
  });
  it('accepts only form encodings on posts, and only multipart where files are sent (R10)', () => {
    const form = adminRoute('POST', '/admin/products/7/')!;
    const upload = adminRoute('POST', '/admin/products/7/images/')!;
    expect(bodyAccepted(form, 'application/x-www-form-urlencoded')).toBe(true);
    expect(bodyAccepted(form, 'multipart/form-data; boundary=x')).toBe(true);
    expect(bodyAccepted(form, 'application/json')).toBe(false);
    expect(bodyAccepted(form, 'text/plain')).toBe(false);
    expect(bodyAccepted(form, null)).toBe(false);
    expect(bodyAccepted(upload, 'application/x-www-form-urlencoded')).toBe(false);
    expect(bodyAccepted(upload, 'Multipart/Form-Data; boundary=x')).toBe(true);
  });
  it('treats HEAD as GET', () => {
    expect(adminRoute('HEAD', '/admin/')?.action).toBe('dashboard.view');
  });
  it('never lets anonymous visitors past the sign-in form', () => {
    for (const route of ADMIN_ROUTES) if (!route.action.startsWith('login')) expect(isAllowed(route, 'anonymous')).toBe(false);
  });
  it('gives every role at least what the role below it has', () => {
    for (const route of ADMIN_ROUTES)
      for (let i = 1; i < ROLES.length; i++) if (isAllowed(route, ROLES[i - 1]!)) expect(isAllowed(route, ROLES[i]!)).toBe(true);
  });
});
