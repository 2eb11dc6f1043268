import { vietnamClock } from './validity.ts';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** The path of a page in a locale: Vietnamese at the root, English under /en/ with the same rest. */
export function localizePath(path: string, locale: Locale): string {
  const base = path.replace(/^\/en(?=\/|$)/, '') || '/';
  return locale === 'en' ? `/en${base}` : base;
}

/** The locale a path belongs to. */
export function localeOfPath(path: string): Locale {
  return /^\/en(\/|$)/.test(path) ? 'en' : 'vi';
}

/** The locale's tag for Intl: vi-VN, en-GB. */
export const localeTag = (locale: Locale): string => (locale === 'vi' ? 'vi-VN' : 'en-GB');

/*
 * How each language writes numbers, dates and times: the one place the site formats them (#21.3).
 * Intl formatters are made once per language and kind (building one costs more than using it).
 */
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, kind: 'integer' | 'decimal' | 'percent'): Intl.NumberFormat {
  const key = `${locale}:${kind}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      kind === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } : kind === 'decimal' ? { maximumFractionDigits: 1 } : {};
    format = new Intl.NumberFormat(localeTag(locale), options);
    NUMBER_FORMATS.set(key, format);
  }
  return format;
}

/** 1234 → "1.234" in Vietnamese, "1,234" in English. */
export function formatNumber(n: number, locale: Locale): string {
  return numberFormat(locale, 'integer').format(n);
}

/** A number to one decimal at most: formatDecimal(12.34, 'vi') → "12,3", formatDecimal(12.34, 'en') → "12.3". */
export function formatDecimal(n: number, locale: Locale): string {
  return numberFormat(locale, 'decimal').format(n);
}

/** A share as a percentage to one decimal at most: formatPercent(0.125, 'vi') → "12,5%", formatPercent(0.5, 'en') → "50%". */
export function formatPercent(share: number, locale: Locale): string {
  return numberFormat(locale, 'percent').format(share);
}

/** Formats a count with its noun in the locale: formatCount(1, 'en', ['product', 'products']) → "1 product". */
export function formatCount(n: number, locale: Locale, [one, many]: readonly [string, string]): string {
  return `${formatNumber(n, locale)} ${n === 1 ? one : many}`;
}

/** "31/12/2026" in Vietnamese, "31 Dec 2026" in English, from "2026-12-31". */
export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  if (locale === 'vi') return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  return ENGLISH_DATE.format(new Date(Date.UTC(y, m - 1, d)));
}
/** Made once: toLocaleDateString builds a formatter on every call (a tenth of a large build's time). */
const ENGLISH_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A date span: "16/05/2024 – 19/05/2024"; one date alone when the other is missing or equal; '' when both are. */
export function formatDateRange(start: string | null, end: string | null, locale: Locale): string {
  const dates = [start, end].filter((d): d is string => d !== null && d !== '');
  return [...new Set(dates)].map((d) => formatDate(d, locale)).join(' – ');
}

/** Vietnam's time zone as staff read it; a table whose heading names it may leave it out of each cell. */
export const VIETNAM_ZONE = { vi: 'giờ Việt Nam, UTC+7', en: 'Vietnam time, UTC+7' } as const;

export interface TimeOptions {
  seconds?: boolean;
  lang?: Locale;
  /** False where a heading names the zone once for a column. */
  zone?: boolean;
}

/**
 * A stored UTC timestamp as Vietnam's clock reads it (UTC+7 all year), with the zone named: "2026-12-07T05:38:12Z" →
 * "07/12/2026 12:38 (giờ Việt Nam, UTC+7)"; `seconds` adds ":12". Not a timestamp → returned as given.
 */
export function formatVietnamTime(iso: string, options: TimeOptions = {}): string {
  const t = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(iso) || Number.isNaN(t)) return iso;
  // A stored time without a zone is UTC (SQLite's strftime writes a Z, older rows may not).
  const moment = /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? t : Date.parse(`${iso.replace(' ', 'T')}Z`);
  const clock = vietnamClock(new Date(moment));
  const shown = `${formatDate(clock.slice(0, 10), 'vi')} ${clock.slice(11, options.seconds ? 19 : 16)}`;
  return options.zone === false ? shown : `${shown} (${VIETNAM_ZONE[options.lang ?? 'vi']})`;
}

/** The same, or a dash (or the given words) when there is no time: last sign-in, closed at. */
export function formatVietnamTimeOr(iso: string | null | undefined, none = '—', options: TimeOptions = {}): string {
  return iso ? formatVietnamTime(iso, options) : none;
}
