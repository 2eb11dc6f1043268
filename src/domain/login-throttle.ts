/**
 * R03, the sign-in throttle's rules, pure: what counters say about an attempt and how a failure moves
 * them. Nothing here locks an account for everyone (#17.1: five wrong passwords from anywhere used to
 * lock the real person out too). Four counters instead:
 *  - source: failures from one client address; 10 in 10 minutes → that address gets 429 for 10 minutes;
 *  - pair: failures for one account from one address; growing delays, the fifth refuses that address
 *    (only) for 15 minutes;
 *  - account: failures for one account from untrusted clients, wherever they come from; never refuses,
 *    only slows them (a distributed guesser gets at most one guess per few seconds per address);
 *  - device: failures made with one device cookie (OWASP "device cookies"): a browser that signed in
 *    before is judged by its own failures only, so nobody elsewhere can keep it out; the fifth failure
 *    makes the cookie untrusted for 15 minutes (a stolen cookie buys five guesses, no more).
 * Counters live in the database (src/server/login-throttle.ts), so times are plain epoch milliseconds here.
 */

export interface Counter {
  /** Failures in the current window (reset to 0 when the counter blocks). */
  count: number;
  windowStartedAt: number;
  blockedUntil: number | null;
}

export type CounterKind = 'source' | 'pair' | 'account' | 'device';

interface Rule {
  /** A counter with no failure for this long (and not blocked) starts again from zero. */
  windowMs: number;
  /** Failures in one window that block; null for a counter that only slows. */
  limit: number | null;
  blockMs: number;
}

export const THROTTLE_RULES: Record<CounterKind, Rule> = {
  source: { windowMs: 10 * 60_000, limit: 10, blockMs: 10 * 60_000 },
  pair: { windowMs: 15 * 60_000, limit: 5, blockMs: 15 * 60_000 },
  account: { windowMs: 15 * 60_000, limit: null, blockMs: 0 },
  device: { windowMs: 15 * 60_000, limit: 5, blockMs: 15 * 60_000 },
};

/** Growing delays of one client: 0.25 s after the first failure, doubling, at most 2 s. */
const PAIR_DELAY_MAX_MS = 2_000;
/** Untrusted clients of an account: free for the first 5 failures, then 0.25 s doubling, at most 4 s. */
const ACCOUNT_DELAY_AFTER = 5;
const ACCOUNT_DELAY_MAX_MS = 4_000;

/** The longest any counter stays useful after its last change: rows older than this may be pruned. */
export const COUNTER_LIFETIME_MS = Math.max(...Object.values(THROTTLE_RULES).map((r) => Math.max(r.windowMs, r.blockMs)));

/** The counter as it stands at `now`: null when its window has passed or its block has ended. */
export function liveCounter(counter: Counter | null | undefined, kind: CounterKind, now: number): Counter | null {
  if (!counter) return null;
  if (counter.blockedUntil !== null) return counter.blockedUntil > now ? counter : null;
  return now - counter.windowStartedAt < THROTTLE_RULES[kind].windowMs ? counter : null;
}

/** Milliseconds until a blocked counter lets through again; 0 when it is not blocked. */
export function blockedForMs(counter: Counter | null | undefined, kind: CounterKind, now: number): number {
  const live = liveCounter(counter, kind, now);
  return live?.blockedUntil ? live.blockedUntil - now : 0;
}

const doubling = (failures: number, max: number) => (failures <= 0 ? 0 : Math.min(250 * 2 ** (failures - 1), max));

export type ThrottleVerdict = { ok: true; delayMs: number } | { ok: false; reason: 'account-locked' | 'ip-limited'; retryAfterMs: number };

export interface AttemptCounters {
  /** True when the attempt carries a valid device cookie for this account that is not itself blocked. */
  trusted: boolean;
  source?: Counter | null | undefined;
  pair?: Counter | null | undefined;
  account?: Counter | null | undefined;
  device?: Counter | null | undefined;
}

/**
 * Before a password is checked: refused (and for how long), or allowed after a delay. A trusted browser
 * answers to its device counter alone; others to their address, their address × account, and a capped
 * slow-down for the account.
 */
export function throttleVerdict(counters: AttemptCounters, now: number): ThrottleVerdict {
  if (counters.trusted) return { ok: true, delayMs: doubling(liveCounter(counters.device, 'device', now)?.count ?? 0, PAIR_DELAY_MAX_MS) };
  const sourceBlock = blockedForMs(counters.source, 'source', now);
  if (sourceBlock > 0) return { ok: false, reason: 'ip-limited', retryAfterMs: sourceBlock };
  const pairBlock = blockedForMs(counters.pair, 'pair', now);
  if (pairBlock > 0) return { ok: false, reason: 'account-locked', retryAfterMs: pairBlock };
  const pairDelay = doubling(liveCounter(counters.pair, 'pair', now)?.count ?? 0, PAIR_DELAY_MAX_MS);
  const accountFailures = liveCounter(counters.account, 'account', now)?.count ?? 0;
  const accountDelay = doubling(accountFailures - ACCOUNT_DELAY_AFTER + 1, ACCOUNT_DELAY_MAX_MS);
  return { ok: true, delayMs: Math.max(pairDelay, accountDelay) };
}

/** One more failure on a counter: the new value, and whether this failure started a block. */
export function afterFailure(counter: Counter | null | undefined, kind: CounterKind, now: number): { counter: Counter; blocked: boolean } {
  const rule = THROTTLE_RULES[kind];
  const live = liveCounter(counter, kind, now);
  // Failures while blocked (only a device counter can see them: its holder is then untrusted) change nothing.
  if (live?.blockedUntil) return { counter: live, blocked: false };
  const count = (live?.count ?? 0) + 1;
  const windowStartedAt = live?.windowStartedAt ?? now;
  if (rule.limit !== null && count >= rule.limit)
    return { counter: { count: 0, windowStartedAt: now, blockedUntil: now + rule.blockMs }, blocked: true };
  return { counter: { count, windowStartedAt, blockedUntil: null }, blocked: false };
}
