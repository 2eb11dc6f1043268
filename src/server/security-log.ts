/**
 * Security events as structured JSON (R25): one line per event on stderr, so the process manager's log
 * collection keeps them with no file to rotate. A scrubber sits between the caller and the line: whatever a
 * caller passes, nothing named like a secret (password, token, hash, cookie, secret…) and nothing shaped
 * like one (an argon2 hash, a session token or its SHA-256) is ever written.
 *
 * E-mail addresses: a staff account's own address is logged (admins already see it in the admin). An
 * attempted address that matches no account is not: it is often a typo of someone's real address, or a
 * password typed into the e-mail field. Those failures log the domain (enough to see a spraying campaign)
 * and a tag: a keyed hash, keyed per process, that links attempts on the same address within this process
 * but cannot be reversed by hashing a list of addresses or passwords offline.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const SECURITY_EVENTS = [
  'login.success',
  'login.failure',
  'login.locked',
  'login.ip_limited',
  /** A throttle counter reached its limit: `scope` says which (source, pair = account × source, device). */
  'login.lockout',
  'logout',
  'session.expired',
  'access.denied',
  'user.created',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'password.changed',
  'password.change_failed',
  'sessions.revoked',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENTS)[number];

/** The usual fields; undefined ones are left out of the line. */
export interface SecurityFields {
  userId?: number | undefined;
  email?: string | undefined;
  emailDomain?: string | undefined;
  emailTag?: string | undefined;
  ip?: string | undefined;
  path?: string | undefined;
  method?: string | undefined;
  status?: number | undefined;
  reason?: string | undefined;
  [field: string]: unknown;
}

/** Field names whose values are never written, whatever they hold. */
const SECRET_NAME = /pass(word|wd|phrase)?|pwd|token|hash|cookie|secret|authori[sz]ation|credential|api[-_]?key|private/i;
/**
 * Pieces of text shaped like a secret, wherever they sit in a value: an argon2 or bcrypt hash, a hex digest
 * of 128 bits or more (a session id is the SHA-256 of its token), and a run of 40+ base64url characters
 * mixing upper case, lower case and digits (a session token; lower-case slugs do not mix).
 */
const HASH_LIKE = /\$(?:argon2(?:id|i|d)?|2[aby])\$[^\s"';]*/gi;
const HEX_LIKE = /\b[0-9a-f]{32,}\b/gi;
const TOKEN_LIKE = /[A-Za-z0-9_-]{40,}={0,2}/g;
const REDACTED = '[redacted]';
const MAX_STRING = 300;
const MAX_DEPTH = 4;

function scrubText(text: string): string {
  // Look at a bounded prefix (secrets are found whole before the cut), then cut what is left.
  const scrubbed = text
    .slice(0, 4 * MAX_STRING)
    .replace(HASH_LIKE, REDACTED)
    .replace(HEX_LIKE, REDACTED)
    .replace(TOKEN_LIKE, (run) => (/[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run) ? REDACTED : run));
  return scrubbed.length > MAX_STRING || text.length > 4 * MAX_STRING ? `${scrubbed.slice(0, MAX_STRING)}…` : scrubbed;
}

/** The fields with every secret-named value and every secret-shaped piece of text replaced, strings cut to 300 characters. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => scrub(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: scrub(value.message, depth + 1) };
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = SECRET_NAME.test(key) ? REDACTED : scrub(v, depth + 1);
    return out;
  }
  // Functions, symbols, undefined: nothing worth logging.
  return undefined;
}

let write: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

/** Sends the lines elsewhere (tests); returns a function that puts the previous writer back. */
export function setSecurityLogWriter(writer: (line: string) => void): () => void {
  const previous = write;
  write = writer;
  return () => {
    write = previous;
  };
}

/** Writes one security event as one line of JSON. Never throws: logging must not break a sign-in. */
export function securityEvent(event: SecurityEventType, fields: SecurityFields = {}): void {
  try {
    const scrubbed = scrub(fields) as Record<string, unknown>;
    // `at` and `event` come last so a caller's fields cannot replace them.
    write(JSON.stringify({ ...scrubbed, at: new Date().toISOString(), event }));
  } catch {
    // A log line lost is better than a request failed.
  }
}

const tagKey = randomBytes(32);

/**
 * How an attempted e-mail is logged when it matches no account: its domain and a per-process keyed tag
 * (see the file comment). Anything without an @ (a password typed in the wrong field) gives no domain.
 */
export function anonymousEmail(email: string): { emailDomain?: string; emailTag: string } {
  const normalized = email.trim().toLowerCase();
  const at = normalized.lastIndexOf('@');
  const domain = at > 0 ? normalized.slice(at + 1) : '';
  const emailTag = createHmac('sha256', tagKey).update(normalized).digest('hex').slice(0, 12);
  return /^[a-z0-9.-]{1,253}$/.test(domain) ? { emailDomain: domain, emailTag } : { emailTag };
}
