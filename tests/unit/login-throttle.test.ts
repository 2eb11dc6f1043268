import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  blockedForMs,
  COUNTER_LIFETIME_MS,
  liveCounter,
  THROTTLE_RULES,
  throttleVerdict,
  type Counter,
  type CounterKind,
} from '#domain/login-throttle.ts';

const MIN = 60_000;

/** Applies `n` failures to a counter, one second apart from `start`. */
function fail(kind: CounterKind, n: number, start = 0, from: Counter | null = null): Counter | null {
  let counter = from;
  for (let i = 0; i < n; i++) counter = afterFailure(counter, kind, start + i * 1000).counter;
  return counter;
}

describe('afterFailure', () => {
  it('blocks an address for 10 minutes at its 10th failure within 10 minutes, and says so once', () => {
    const nine = fail('source', 9);
    expect(nine).toMatchObject({ count: 9, blockedUntil: null });
    const tenth = afterFailure(nine, 'source', 9000);
    expect(tenth).toEqual({ blocked: true, counter: { count: 0, windowStartedAt: 9000, blockedUntil: 9000 + 10 * MIN } });
  });

  it('starts over once a window passes without reaching the limit', () => {
    const nine = fail('source', 9);
    expect(afterFailure(nine, 'source', 10 * MIN + 1).counter).toMatchObject({ count: 1, windowStartedAt: 10 * MIN + 1 });
  });

  it('blocks an account from one address at the fifth failure', () => {
    expect(afterFailure(fail('pair', 4), 'pair', 4000).blocked).toBe(true);
  });

  it('never blocks the account counter, whatever the count', () => {
    const many = fail('account', 500);
    expect(many).toMatchObject({ count: 500, blockedUntil: null });
  });

  it('changes nothing on a counter that is blocked', () => {
    const blocked = fail('device', 5)!;
    expect(afterFailure(blocked, 'device', 6000)).toEqual({ blocked: false, counter: blocked });
  });
});

describe('liveCounter and blockedForMs', () => {
  it('drops a block once it has ended', () => {
    const blocked = fail('pair', 5)!;
    expect(blockedForMs(blocked, 'pair', 4000 + 15 * MIN - 1)).toBe(1);
    expect(liveCounter(blocked, 'pair', 4000 + 15 * MIN)).toBeNull();
  });

  it('keeps no counter longer than COUNTER_LIFETIME_MS after its last change', () => {
    for (const kind of Object.keys(THROTTLE_RULES) as CounterKind[]) {
      const limit = THROTTLE_RULES[kind].limit ?? 1;
      expect(liveCounter(fail(kind, limit, 0), kind, (limit - 1) * 1000 + COUNTER_LIFETIME_MS), kind).toBeNull();
    }
  });
});

describe('throttleVerdict', () => {
  it('grows the delay of one client: 0, 0.25, 0.5, 1, 2 s, then refuses that client for 15 minutes', () => {
    const delays: number[] = [];
    let pair: Counter | null = null;
    for (let i = 0; i < 5; i++) {
      const verdict = throttleVerdict({ trusted: false, pair }, i * 1000);
      if (!verdict.ok) throw new Error('refused too early');
      delays.push(verdict.delayMs);
      pair = afterFailure(pair, 'pair', i * 1000).counter;
    }
    expect(delays).toEqual([0, 250, 500, 1000, 2000]);
    expect(throttleVerdict({ trusted: false, pair }, 5000)).toEqual({ ok: false, reason: 'account-locked', retryAfterMs: 15 * MIN - 1000 });
  });

  it('answers ip-limited to a blocked address before anything else', () => {
    expect(throttleVerdict({ trusted: false, source: fail('source', 10), pair: fail('pair', 5) }, 10_000)).toMatchObject({
      ok: false,
      reason: 'ip-limited',
    });
  });

  it('only slows an account’s untrusted clients, capped at 4 s, however many failures there were elsewhere', () => {
    expect(throttleVerdict({ trusted: false, account: fail('account', 4) }, 5000)).toEqual({ ok: true, delayMs: 0 });
    expect(throttleVerdict({ trusted: false, account: fail('account', 5) }, 5000)).toEqual({ ok: true, delayMs: 250 });
    expect(throttleVerdict({ trusted: false, account: fail('account', 1000) }, 1000_000)).toEqual({ ok: true, delayMs: 4000 });
  });

  it('lets a trusted browser through at once, whatever the address and the account counters say', () => {
    const counters = { source: fail('source', 10), pair: fail('pair', 5), account: fail('account', 100) };
    expect(throttleVerdict({ trusted: true, ...counters }, 100_000)).toEqual({ ok: true, delayMs: 0 });
    expect(throttleVerdict({ trusted: true, ...counters, device: fail('device', 2) }, 100_000)).toEqual({ ok: true, delayMs: 500 });
  });
});
