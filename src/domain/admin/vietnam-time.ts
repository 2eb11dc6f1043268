/**
 * Every time the admin shows (audit, releases, records, reports, sign-ins), in Vietnam's time with its zone
 * named (#20.4): the database stores UTC, staff read the clock on their wall. Vietnam keeps UTC+7 all year.
 */
import { vietnamClock } from '../validity.ts';

/** The zone as staff read it; a table whose heading names it may leave it out of each cell. */
export const VIETNAM_ZONE = { vi: 'giờ Việt Nam, UTC+7', en: 'Vietnam time, UTC+7' } as const;

export interface TimeOptions {
  seconds?: boolean;
  lang?: 'vi' | 'en';
  /** False where a heading names the zone once for a column. */
  zone?: boolean;
}

/**
 * A stored UTC timestamp as Vietnam's clock reads it, with the zone: "2026-12-07T05:38:12Z" →
 * "07/12/2026 12:38 (giờ Việt Nam, UTC+7)"; `seconds` adds ":12". Not a timestamp → returned as given.
 */
export function formatVietnamTime(iso: string, options: TimeOptions = {}): string {
  const t = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(iso) || Number.isNaN(t)) return iso;
  // A stored time without a zone is UTC (SQLite's strftime writes a Z, older rows may not).
  const moment = /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? t : Date.parse(`${iso.replace(' ', 'T')}Z`);
  const clock = vietnamClock(new Date(moment));
  const date = `${clock.slice(8, 10)}/${clock.slice(5, 7)}/${clock.slice(0, 4)}`;
  const time = clock.slice(11, options.seconds ? 19 : 16);
  return options.zone === false ? `${date} ${time}` : `${date} ${time} (${VIETNAM_ZONE[options.lang ?? 'vi']})`;
}

/** The same, or a dash (or the given words) when there is no time: last sign-in, closed at. */
export function formatVietnamTimeOr(iso: string | null | undefined, none = '—', options: TimeOptions = {}): string {
  return iso ? formatVietnamTime(iso, options) : none;
}
