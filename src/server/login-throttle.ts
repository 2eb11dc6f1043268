/**
 * The sign-in throttle on the server (R03, #17.1): the rules of src/domain/login-throttle.ts applied to
 * counters kept in the database, so a restart (or a publish loading a new bundle) forgets nothing.
 * Counter names are keyed hashes of what they count (an address, an account), never the address or
 * e-mail itself: the table tells nobody who tried to sign in. Password checks of one client run one at a
 * time (`oneAttemptAtATime`), so each sees the failures of those before it.
 */
import { createHmac } from 'node:crypto';
import { writeTransaction, type Database } from '#db/client.ts';
import { deleteLoginCounters, LOGIN_PREFIX, pruneLoginCounters, readLoginCounters, saveLoginCounters } from '#db/queries/login-throttle.ts';
import {
  afterFailure,
  blockedForMs,
  COUNTER_LIFETIME_MS,
  throttleVerdict,
  type Counter,
  type CounterKind,
  type ThrottleVerdict,
} from '#domain/login-throttle.ts';
import { issueDeviceCookie, verifyDeviceCookie } from './device-cookie.ts';
import { processWide } from '#db/process-wide.ts';
import { serverSecret } from './server-secret.ts';

export interface Attempt {
  email: string;
  ip: string;
  /** The device cookie the browser sent, if any. */
  deviceCookie?: string | undefined;
}

type Keys = Record<Exclude<CounterKind, 'device'>, string> & { device: string | null };

export interface JudgedAttempt {
  keys: Keys;
  /** True when a valid, unblocked device cookie for this account came with the attempt. */
  trusted: boolean;
  verdict: ThrottleVerdict;
}

const account = (email: string) => email.trim().toLowerCase();
const digest = (secret: Buffer, text: string) => createHmac('sha256', secret).update(text).digest('base64url').slice(0, 32);

/** The nonce of the attempt's device cookie when it is genuine and issued to this account, else null. */
export function deviceNonce(database: Pick<Database, 'url'>, attempt: Attempt, now = Date.now()): string | null {
  return verifyDeviceCookie(serverSecret(database.url), account(attempt.email), attempt.deviceCookie, now);
}

function keysOf(database: Pick<Database, 'url'>, attempt: Attempt, nonce: string | null): Keys {
  const secret = serverSecret(database.url);
  const email = account(attempt.email);
  return {
    source: `${LOGIN_PREFIX}source:${digest(secret, `source\u0000${attempt.ip}`)}`,
    pair: `${LOGIN_PREFIX}pair:${digest(secret, `pair\u0000${email}\u0000${attempt.ip}`)}`,
    account: `${LOGIN_PREFIX}account:${digest(secret, `account\u0000${email}`)}`,
    device: nonce === null ? null : `${LOGIN_PREFIX}device:${nonce}`,
  };
}

const keyList = (keys: Keys) => [keys.source, keys.pair, keys.account, ...(keys.device ? [keys.device] : [])];

/** Before a password check: the counters of this attempt and what they allow. */
export async function judgeAttempt(database: Database, attempt: Attempt, now = Date.now()): Promise<JudgedAttempt> {
  const keys = keysOf(database, attempt, deviceNonce(database, attempt, now));
  const counters = await readLoginCounters(database.db, keyList(keys));
  const device = keys.device ? counters.get(keys.device) : undefined;
  const trusted = keys.device !== null && blockedForMs(device, 'device', now) === 0;
  const verdict = throttleVerdict(
    { trusted, source: counters.get(keys.source), pair: counters.get(keys.pair), account: counters.get(keys.account), device },
    now,
  );
  return { keys, trusted, verdict };
}

/**
 * After a wrong password: a trusted browser's failure counts on its device cookie only; any other on
 * its address, its address × account and the account. Counters are read again inside the write (other
 * addresses may have moved the account's meanwhile); old rows are pruned in the same transaction.
 * Returns the kinds of counter this failure blocked, for the security log.
 */
export async function recordFailure(database: Database, judged: JudgedAttempt, now = Date.now()): Promise<CounterKind[]> {
  const { keys } = judged;
  const counted: [CounterKind, string][] =
    judged.trusted && keys.device
      ? [['device', keys.device]]
      : [
          ['source', keys.source],
          ['pair', keys.pair],
          ['account', keys.account],
        ];
  return writeTransaction(database, async (tx) => {
    const current = await readLoginCounters(
      tx,
      counted.map(([, key]) => key),
    );
    const changed = new Map<string, Counter>();
    const blocked: CounterKind[] = [];
    for (const [kind, key] of counted) {
      const next = afterFailure(current.get(key), kind, now);
      changed.set(key, next.counter);
      if (next.blocked) blocked.push(kind);
    }
    await saveLoginCounters(tx, changed, now);
    await pruneLoginCounters(tx, now, COUNTER_LIFETIME_MS);
    return blocked;
  });
}

/**
 * After a right password: this client's own counters start over (the account's and the address's do
 * not: the attacker elsewhere is still slowed).
 */
export async function recordSuccess(database: Database, judged: JudgedAttempt): Promise<void> {
  const forget = judged.trusted && judged.keys.device ? [judged.keys.device] : [judged.keys.pair];
  await writeTransaction(database, (tx) => deleteLoginCounters(tx, forget));
}

/** A new device cookie value for a browser that has just signed in to this account. */
export function newDeviceCookie(database: Pick<Database, 'url'>, email: string, now = Date.now()): string {
  return issueDeviceCookie(serverSecret(database.url), account(email), now);
}

const lanes = processWide('signInLanes', () => new Map<string, Promise<void>>());

/**
 * The lanes an attempt waits in: a trusted browser its own (nobody else's attempts can queue ahead of
 * it); any other client its address and its address × account.
 */
export function attemptLanes(attempt: Attempt, nonce: string | null): string[] {
  return nonce ? [`device:${nonce}`] : [`ip:${attempt.ip}`, `pair:${account(attempt.email)}\u0000${attempt.ip}`];
}

/**
 * Runs password checks one at a time per lane. The throttle decides before a check and learns its result
 * after it; attempts started together would all pass the decision before any failure was counted (200
 * guesses at once from one address all got through in the admin bench). In a lane, each attempt sees the
 * failures of those before it, so the 11th failure from one address in 10 minutes is refused however
 * many arrive at once (R03).
 */
export function oneAttemptAtATime<T>(keys: readonly string[], attempt: () => Promise<T>): Promise<T> {
  const before = keys.map((key) => lanes.get(key) ?? Promise.resolve());
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  for (const key of keys) lanes.set(key, done);
  return Promise.all(before)
    .then(attempt)
    .finally(() => {
      release();
      for (const key of keys) if (lanes.get(key) === done) lanes.delete(key);
    });
}
