/**
 * OWASP device cookies (#17.1, R03): after a successful sign-in the browser gets a cookie that proves it
 * signed in to that account before; with it, failures made by other clients never slow or refuse it.
 * Value: `<nonce>.<issued, epoch seconds>.<HMAC-SHA256(server secret, "device:v1" | account | nonce | issued)>`,
 * all base64url. The account's e-mail is signed but not written in the cookie, so a cookie names nobody
 * and is valid only for the account it was issued to.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'registry_device';
/** A browser stays trusted this long after its last sign-in (each sign-in issues a new cookie). */
export const DEVICE_COOKIE_MAX_AGE_S = 180 * 86_400;

const sign = (secret: Buffer, account: string, nonce: string, issued: string) =>
  createHmac('sha256', secret).update(`device:v1\u0000${account.trim().toLowerCase()}\u0000${nonce}\u0000${issued}`).digest();

/** A new device cookie value for an account that has just signed in. */
export function issueDeviceCookie(secret: Buffer, account: string, now = Date.now()): string {
  const nonce = randomBytes(16).toString('base64url');
  const issued = String(Math.floor(now / 1000));
  return `${nonce}.${issued}.${sign(secret, account, nonce, issued).toString('base64url')}`;
}

/**
 * The nonce of a device cookie that is genuine, unexpired and issued to this account; null otherwise
 * (absent, malformed, forged, another account's, too old).
 */
export function verifyDeviceCookie(secret: Buffer, account: string, value: string | undefined, now = Date.now()): string | null {
  if (!value || value.length > 200) return null;
  const match = /^([\w-]{22})\.(\d{1,12})\.([\w-]{43})$/.exec(value);
  if (!match) return null;
  const [, nonce, issued, signature] = match as unknown as [string, string, string, string];
  const age = now / 1000 - Number(issued);
  if (age < -300 || age > DEVICE_COOKIE_MAX_AGE_S) return null;
  const expected = sign(secret, account, nonce, issued);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
