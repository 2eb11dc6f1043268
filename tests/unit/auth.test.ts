import { beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ROUTES,
  FORM_BODY_LIMIT,
  postBodyLimit,
  adminRoute,
  bodyAccepted,
  isAllowed,
  passwordProblem,
  ROLES,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionState,
} from '#domain/auth.ts';

describe('passwordProblem (R02, #17.6)', () => {
  // The estimator loads its dictionaries on first use: once, here, not inside the first test's time limit.
  beforeAll(() => passwordProblem('warm up the estimator'), 60_000);

  it.each([
    ['1234567', 'too-short'],
    ['mậtkhẩu', 'too-short'],
    ['x'.repeat(129), 'too-long'],
    ['nguyen.van.a-2026', 'contains-email'],
  ])('%j → %s', async (password, problem) => {
    expect(await passwordProblem(password, 'nguyen.van.a@sct.gov.vn')).toBe(problem);
  });

  it.each([
    'aaaaaaaa',
    '        ',
    'Aa123456',
    '12345678',
    'Password',
    'Matkhau123',
    'matkhau@123',
    'mậtkhẩu8',
    'Mật khẩu 123',
    'anhyeuem',
    'Anhyeuem123',
    'Hanoi2024',
    'Hà Nội 2024',
    'vietnam@2024',
    'Khuyến công 2026',
    'Nguyen2026',
    'qwertyuiop',
    'x'.repeat(128),
  ])('refuses %j as too easy to guess', async (password) => {
    expect(await passwordProblem(password, 'tran.thi.b@sct.gov.vn')).toBe('weak');
  });

  it('counts the account’s own words as known: a password built on the address is weak', async () => {
    expect(await passwordProblem('Zoltrax2026!', 'someone@other.vn')).toBeNull();
    expect(await passwordProblem('Zoltrax2026!', 'zoltrax.kestrel@mailbird.vn')).toBe('weak');
  });

  it.each(['Chè-Thái-2024!', 'Thử-nghiệm-2026!', 'Gốm-Bát-Tràng-2027', 'correct horse battery staple', 'lụa Vạn Phúc, nón lá Huế'])(
    'accepts %j',
    async (password) => {
      expect(await passwordProblem(password, 'nguyen.van.a@sct.gov.vn')).toBeNull();
    },
  );

  it('counts what people see: a decomposed "ẩ" is one character', async () => {
    expect(await passwordProblem('ma\u0323\u0302tkha\u0302\u0309u')).toBe('too-short');
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

describe('postBodyLimit (#17.2)', () => {
  it('holds every form route, and paths no row names, to 64 KB', () => {
    for (const route of ADMIN_ROUTES.filter((r) => r.method === 'POST' && r.body === 'form'))
      expect(postBodyLimit(route.example), route.example).toBe(64 * 1024);
    for (const path of ['/', '/products/', '/admin/khong-co/', '/admin/users/1/images/'])
      expect(postBodyLimit(path), path).toBe(FORM_BODY_LIMIT);
  });

  it('leaves the upload routes to their own limits', () => {
    const uploads = ADMIN_ROUTES.filter((r) => r.method === 'POST' && r.body === 'multipart');
    expect(uploads.length).toBeGreaterThan(0);
    for (const route of uploads) expect(postBodyLimit(route.example), route.example).toBeNull();
  });
});
