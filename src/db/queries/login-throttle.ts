/**
 * The sign-in throttle's counters in `throttle_counters` (#17.1): read by key, written after a failure,
 * deleted after a success, and pruned so the table stays bounded whatever an attacker sends. Only keys
 * starting with `login:` are touched here; other throttles share the table under their own prefix.
 */
import { and, inArray, isNull, like, lt, or, sql } from 'drizzle-orm';
import type { Counter } from '#domain/login-throttle.ts';
import type { DbOrTx } from '#db/client.ts';
import { throttleCounters } from '#db/schema/index.ts';

export const LOGIN_PREFIX = 'login:';
/** The most sign-in counters kept; past it the least recently changed go first. */
export const LOGIN_COUNTERS_MAX = 10_000;

const toIso = (ms: number) => new Date(ms).toISOString();

/** The counters stored under these keys (absent keys are missing from the map). */
export async function readLoginCounters(db: DbOrTx, keys: readonly string[]): Promise<Map<string, Counter>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select()
    .from(throttleCounters)
    .where(inArray(throttleCounters.key, [...keys]));
  return new Map(
    rows.map((r) => [
      r.key,
      { count: r.count, windowStartedAt: Date.parse(r.windowStartedAt), blockedUntil: r.blockedUntil ? Date.parse(r.blockedUntil) : null },
    ]),
  );
}

/** Writes counters (insert or replace) as of `now`. */
export async function saveLoginCounters(db: DbOrTx, counters: ReadonlyMap<string, Counter>, now: number): Promise<void> {
  for (const [key, c] of counters) {
    const values = {
      count: c.count,
      windowStartedAt: toIso(c.windowStartedAt),
      blockedUntil: c.blockedUntil === null ? null : toIso(c.blockedUntil),
      updatedAt: toIso(now),
    };
    await db
      .insert(throttleCounters)
      .values({ key, ...values })
      .onConflictDoUpdate({ target: throttleCounters.key, set: values });
  }
}

export async function deleteLoginCounters(db: DbOrTx, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await db.delete(throttleCounters).where(inArray(throttleCounters.key, [...keys]));
}

/**
 * Removes sign-in counters unchanged for `lifetimeMs` whose block (if any) has ended, then, if more than
 * `max` remain, the least recently changed beyond `max`. Returns how many rows went.
 */
export async function pruneLoginCounters(db: DbOrTx, now: number, lifetimeMs: number, max = LOGIN_COUNTERS_MAX): Promise<number> {
  const login = like(throttleCounters.key, `${LOGIN_PREFIX}%`);
  const stale = await db
    .delete(throttleCounters)
    .where(
      and(
        login,
        lt(throttleCounters.updatedAt, toIso(now - lifetimeMs)),
        or(isNull(throttleCounters.blockedUntil), lt(throttleCounters.blockedUntil, toIso(now))),
      ),
    )
    .returning({ key: throttleCounters.key });
  const overflow = db
    .select({ key: throttleCounters.key })
    .from(throttleCounters)
    .where(login)
    .orderBy(sql`${throttleCounters.updatedAt} desc`)
    // SQLite needs a LIMIT before an OFFSET; "all the rest" is any number past the table's size.
    .limit(Number.MAX_SAFE_INTEGER)
    .offset(max);
  const extra = await db.delete(throttleCounters).where(inArray(throttleCounters.key, overflow)).returning({ key: throttleCounters.key });
  return stale.length + extra.length;
}
