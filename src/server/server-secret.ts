/**
 * The server's own secret: 32 random bytes made once and kept in a file beside the database (mode 0600),
 * the key of the device cookies' signatures and of the throttle counters' names (#17.1). Never in the
 * code, never in the environment, never logged. Beside the database because it belongs to the data it
 * protects: a copied database folder keeps its cookies valid, a new database starts with a new secret.
 * For a remote database (libsql://) it is `db/server.db-secret` under the working directory. Losing it
 * costs little: browsers are untrusted until their next sign-in, and throttle counters start over.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isLocalFile } from '#db/client.ts';
import { processWide } from '#db/process-wide.ts';

const SECRET_BYTES = 32;

/** Where the secret of the database at `url` is kept: `<database file>-secret` (git-ignored like `*.db-*`). */
export function serverSecretPath(url: string): string {
  return isLocalFile(url) ? resolve(`${url.slice('file:'.length)}-secret`) : resolve('db', 'server.db-secret');
}

const secrets = processWide('serverSecrets', () => new Map<string, Buffer>());

/** The secret for the database at `url`, made on first use; two processes starting at once agree on one. */
export function serverSecret(url: string): Buffer {
  const path = serverSecretPath(url);
  const known = secrets.get(path);
  if (known) return known;
  const secret = readSecret(path) ?? createSecret(path);
  secrets.set(path, secret);
  return secret;
}

function readSecret(path: string): Buffer | null {
  try {
    const text = readFileSync(path, 'utf8').trim();
    const bytes = Buffer.from(text, 'base64url');
    if (bytes.length !== SECRET_BYTES) throw new Error(`${path} does not hold a ${SECRET_BYTES}-byte secret; remove it to make a new one`);
    return bytes;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes a temporary file whole, then links it to the final name: the name appears complete or not at all. */
function createSecret(path: string): Buffer {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${randomBytes(SECRET_BYTES).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
  } catch (error) {
    // Another process made it first: use theirs.
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readSecret(path)!;
}
