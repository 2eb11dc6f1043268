import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anonymousEmail, scrub, securityEvent, setSecurityLogWriter } from '#server/security-log.ts';

let lines: string[];
let restore: () => void;
beforeEach(() => {
  lines = [];
  restore = setSecurityLogWriter((line) => lines.push(line));
});
afterEach(() => restore());

const TOKEN = 'q0LwVh3YdVt8yO1mC6z3r9QwZ2n5k8pX1s4u7v0yB3E';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
const SHA = 'a'.repeat(64);

describe('securityEvent (R25)', () => {
  it('writes one JSON object per line, with the time, the event and the fields given', () => {
    securityEvent('login.success', { userId: 7, email: 'editor@example.vn', ip: '203.0.113.9' });
    securityEvent('access.denied', { ip: '203.0.113.9', path: '/admin/users/', method: 'GET', status: 403, userId: undefined });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain('\n');
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
      event: 'login.success',
      userId: 7,
      email: 'editor@example.vn',
      ip: '203.0.113.9',
    });
    expect(second).toEqual({
      at: expect.any(String) as unknown,
      event: 'access.denied',
      ip: '203.0.113.9',
      path: '/admin/users/',
      method: 'GET',
      status: 403,
    });
  });

  it('keeps a line a line, whatever the fields hold', () => {
    securityEvent('login.failure', { path: '/admin/\n{"event":"login.success"}', reason: 'x'.repeat(5000) });
    expect(lines).toHaveLength(1);
    const event = JSON.parse(lines[0]!) as Record<string, string>;
    expect(event['event']).toBe('login.failure');
    expect(event['reason']!.length).toBeLessThanOrEqual(301);
  });

  it('never writes a secret, whatever the caller passes', () => {
    securityEvent('login.failure', {
      email: 'editor@example.vn',
      password: 'Chè-Thái-2026!',
      newPassword: 'Mật-khẩu-mới-2026',
      Password_Confirm: 'x',
      token: TOKEN,
      sessionToken: TOKEN,
      passwordHash: HASH,
      cookie: `registry_session=${TOKEN}`,
      headers: { Cookie: `registry_session=${TOKEN}`, authorization: 'Bearer abc', 'x-api-key': 'k' },
      clientSecret: 's',
      note: HASH,
      id: SHA,
      nested: [{ deeper: { token: TOKEN, value: TOKEN } }],
      // The event and its time cannot be replaced by a field.
      event: 'login.success',
      at: 'yesterday',
    });
    const line = lines[0]!;
    for (const secret of ['Chè-Thái-2026!', 'Mật-khẩu-mới-2026', TOKEN, HASH, '$argon2', SHA, 'Bearer abc'])
      expect(line).not.toContain(secret);
    const event = JSON.parse(line) as Record<string, unknown>;
    expect(event).toMatchObject({
      event: 'login.failure',
      email: 'editor@example.vn',
      password: '[redacted]',
      passwordHash: '[redacted]',
      cookie: '[redacted]',
      headers: { Cookie: '[redacted]', authorization: '[redacted]', 'x-api-key': '[redacted]' },
      note: '[redacted]',
      nested: [{ deeper: { token: '[redacted]', value: '[redacted]' } }],
    });
    expect(event['at']).not.toBe('yesterday');
  });

  it('does not throw when a field cannot be serialised or the writer fails', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => securityEvent('logout', { cyclic, big: 10n, when: new Date(0), error: new Error(`bad ${TOKEN}`) })).not.toThrow();
    expect(JSON.parse(lines[0]!)).toMatchObject({ big: '10', when: '1970-01-01T00:00:00.000Z', error: { name: 'Error' } });
    expect(lines[0]).not.toContain(TOKEN);
    const back = setSecurityLogWriter(() => {
      throw new Error('disk full');
    });
    expect(() => securityEvent('logout', {})).not.toThrow();
    back();
  });
});

describe('scrub', () => {
  it('finds secrets inside longer text', () => {
    expect(scrub({ raw: `registry_session=${TOKEN}; Path=/admin`, log: `hash ${HASH} for ${SHA}.` })).toEqual({
      raw: 'registry_session=[redacted]; Path=/admin',
      log: 'hash [redacted] for [redacted].',
    });
  });

  it('leaves ordinary values alone, long slugs included', () => {
    const slug = '/fairs/hoi-cho-trien-lam-hang-cong-nghiep-nong-thon-tieu-bieu-khu-vuc-phia-bac-nam-2024/';
    expect(scrub({ slug })).toEqual({ slug });
  });

  it('leaves ordinary values alone', () => {
    expect(scrub({ userId: 3, ip: '::1', path: '/admin/media/abc-320.webp', ok: true, none: null })).toEqual({
      userId: 3,
      ip: '::1',
      path: '/admin/media/abc-320.webp',
      ok: true,
      none: null,
    });
  });
});

describe('anonymousEmail', () => {
  it('keeps the domain and a short tag that links attempts on one address, never the address', () => {
    const a = anonymousEmail(' Nobody@Example.VN ');
    const b = anonymousEmail('nobody@example.vn');
    expect(a).toEqual(b);
    expect(a.emailDomain).toBe('example.vn');
    expect(a.emailTag).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(a)).not.toContain('nobody');
    expect(anonymousEmail('other@example.vn').emailTag).not.toBe(a.emailTag);
  });

  it('gives no domain for something that is not an address (a password typed in the wrong field)', () => {
    expect(anonymousEmail('Chè-Thái-2026!')).toEqual({ emailTag: expect.stringMatching(/^[0-9a-f]{12}$/) as unknown });
  });
});
