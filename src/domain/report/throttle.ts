/**
 * Abuse limits of the public report form (decision 027): per source 5 reports an hour, for the whole site
 * 200 a day. Pure: the counters live in throttle_counters (src/db/queries/report-throttle.ts).
 */

export interface CounterLimit {
  limit: number;
  windowMs: number;
}

export const PER_SOURCE: CounterLimit = { limit: 5, windowMs: 3_600_000 };
export const SITE_WIDE: CounterLimit = { limit: 200, windowMs: 86_400_000 };
/** Counter rows untouched for this long are deleted (a source's hash is kept no longer than a day). */
export const COUNTER_RETENTION_MS = 86_400_000;

export interface CounterState {
  count: number;
  windowStartedAt: string;
}

export type CounterVerdict = { allowed: true; next: CounterState } | { allowed: false; retryAfterMs: number };

/**
 * Counts one more use against a fixed window: a window older than its length starts again at 1; a full
 * window refuses until it ends. nextCount(null, now, { limit: 5, windowMs }) → allowed, count 1.
 */
export function nextCount(state: CounterState | null, now: Date, { limit, windowMs }: CounterLimit): CounterVerdict {
  const started = state ? Date.parse(state.windowStartedAt) : NaN;
  const isCurrent = Number.isFinite(started) && now.getTime() - started < windowMs && started <= now.getTime();
  if (!state || !isCurrent) return { allowed: true, next: { count: 1, windowStartedAt: now.toISOString() } };
  if (state.count >= limit) return { allowed: false, retryAfterMs: started + windowMs - now.getTime() };
  return { allowed: true, next: { count: state.count + 1, windowStartedAt: state.windowStartedAt } };
}
