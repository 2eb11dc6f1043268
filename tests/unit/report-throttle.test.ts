import { describe, expect, it } from 'vitest';
import { nextCount, PER_SOURCE } from '#domain/report/throttle.ts';

const at = (iso: string) => new Date(iso);

describe('nextCount', () => {
  it('starts a window at the first use', () => {
    expect(nextCount(null, at('2026-12-07T08:00:00Z'), PER_SOURCE)).toEqual({
      allowed: true,
      next: { count: 1, windowStartedAt: '2026-12-07T08:00:00.000Z' },
    });
  });

  it('counts up to the limit within the window, then refuses until the window ends', () => {
    let state = null as { count: number; windowStartedAt: string } | null;
    for (let i = 0; i < PER_SOURCE.limit; i++) {
      const verdict = nextCount(state, at(`2026-12-07T08:${String(i * 10).padStart(2, '0')}:00Z`), PER_SOURCE);
      expect(verdict.allowed).toBe(true);
      if (verdict.allowed) state = verdict.next;
    }
    expect(nextCount(state, at('2026-12-07T08:59:00Z'), PER_SOURCE)).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });

  it('starts again once the window has passed', () => {
    const full = { count: PER_SOURCE.limit, windowStartedAt: '2026-12-07T08:00:00.000Z' };
    expect(nextCount(full, at('2026-12-07T09:00:00Z'), PER_SOURCE)).toMatchObject({ allowed: true, next: { count: 1 } });
  });

  it('treats a window that starts in the future (a clock set back) or an unreadable one as over', () => {
    expect(nextCount({ count: 99, windowStartedAt: '2030-01-01T00:00:00.000Z' }, at('2026-12-07T08:00:00Z'), PER_SOURCE).allowed).toBe(
      true,
    );
    expect(nextCount({ count: 99, windowStartedAt: 'garbage' }, at('2026-12-07T08:00:00Z'), PER_SOURCE).allowed).toBe(true);
  });
});
