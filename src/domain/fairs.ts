import { levelLabel, type LevelValue, type RegionCode } from './levels.ts';
import { foldVietnamese } from './text.ts';

/** Reads a fair's level and region from its official name; null where the name does not say. */
export function inferFairLevel(name: string): { level: 'national' | 'regional'; region: LevelValue['region'] } | null {
  const folded = foldVietnamese(name);
  if (/khu vuc (\(?)phia bac/.test(folded)) return { level: 'regional', region: 'north' };
  if (/khu vuc (\(?)phia nam/.test(folded)) return { level: 'regional', region: 'south' };
  if (/mien trung/.test(folded)) return { level: 'regional', region: 'central' };
  if (/cap quoc gia/.test(folded)) return { level: 'national', region: null };
  if (/cap vung|cap khu vuc/.test(folded)) return { level: 'regional', region: null };
  return null;
}

/** Reads a published booth count: "270" → exact 270; "500+" or "trên 500" → at least 500. */
export function parseBoothCount(text: string): { count: number; isMinimum: boolean } | null {
  const match = /(\d[\d.,]*)/.exec(text);
  if (!match) return null;
  const count = Number(match[1]!.replace(/[.,]/g, ''));
  const isMinimum = /\+|tren|hon|more|over/.test(foldVietnamese(text));
  return { count, isMinimum };
}

const BOOTH_PREFIX = /^(gian hang|gian|booth|stand|so|no\.?|#)\s*/;

/**
 * A booth code as staff type it, in one canonical form so that "a 012", "A-12", "Gian A12" and "a.12" are
 * the same booth: upper case, prefixes such as "Gian hàng" / "Booth" dropped, leading zeros dropped, a
 * letter run joined to the number after it and other runs separated by "-": "B2-05" → "B2-5",
 * "12 a" → "12-A". Null when nothing is left, or for anything but letters, digits and separators, or
 * past 12 characters.
 */
export function normalizeBoothCode(input: string): string | null {
  let text = foldVietnamese(input).replace(BOOTH_PREFIX, '').trim();
  if (text === '' || text.length > 24) return null;
  if (/[^a-z0-9\s.\-_/–—]/.test(text)) return null;
  text = text.toUpperCase();
  const runs = text.match(/[A-Z]+|\d+/g);
  if (!runs || runs.length > 4) return null;
  const parts: string[] = [];
  for (const run of runs) {
    const value = /^\d/.test(run) ? String(Number(run)) : run;
    const previous = parts.at(-1);
    if (previous !== undefined && /[A-Z]$/.test(previous) && /^\d/.test(value)) parts[parts.length - 1] = previous + value;
    else parts.push(value);
  }
  const code = parts.join('-');
  return code.length <= 12 ? code : null;
}

/** Natural order of booth codes: A2 before A10 before B1; numbers numerically; a missing code last. */
export function compareBoothCodes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const ra = a.match(/[A-Z]+|\d+/g) ?? [];
  const rb = b.match(/[A-Z]+|\d+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    const xn = /^\d/.test(x);
    const yn = /^\d/.test(y);
    if (xn && yn) {
      if (Number(x) !== Number(y)) return Number(x) - Number(y);
    } else if (xn !== yn) return xn ? -1 : 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return ra.length - rb.length || (a < b ? -1 : a > b ? 1 : 0);
}

export type FairPhase = 'current' | 'upcoming' | 'past' | 'undated';

/** The dates of a fair as the registry holds them: either may be missing. */
export interface FairDates {
  name: string;
  startDate: string | null;
  endDate: string | null;
}

/** The year a fair was held: from its dates, else from a 4-digit year in its name; null when neither says. */
export function fairYear(fair: FairDates): number | null {
  const date = fair.startDate ?? fair.endDate;
  if (date) return Number(date.slice(0, 4));
  const years = [...fair.name.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  return years.length > 0 ? Math.max(...years) : null;
}

/**
 * Whether a fair is on today, still to come or over (ISO dates compared as text). A fair with one date
 * lasts that day; a fair with no date is past when the year in its name is over, else undated.
 */
export function fairPhase(fair: FairDates, today: string): FairPhase {
  const start = fair.startDate ?? fair.endDate;
  const end = fair.endDate ?? fair.startDate;
  if (start && end) {
    if (today < start) return 'upcoming';
    if (today > end) return 'past';
    return 'current';
  }
  const year = fairYear(fair);
  return year !== null && year < Number(today.slice(0, 4)) ? 'past' : 'undated';
}

/** Fairs split by phase: current and upcoming soonest first, past newest first. */
export function groupFairsByPhase<T extends FairDates>(fairs: readonly T[], today: string): Record<FairPhase, T[]> {
  const groups: Record<FairPhase, T[]> = { current: [], upcoming: [], past: [], undated: [] };
  for (const fair of fairs) groups[fairPhase(fair, today)].push(fair);
  const key = (f: T) => f.startDate ?? f.endDate ?? String(fairYear(f) ?? '');
  groups.current.sort((a, b) => key(a).localeCompare(key(b)));
  groups.upcoming.sort((a, b) => key(a).localeCompare(key(b)));
  groups.past.sort((a, b) => key(b).localeCompare(key(a)));
  return groups;
}

/** A fair's level as the registry shows it: "Cấp khu vực – Khu vực phía Bắc", "Cấp quốc gia", "Quốc tế"; null when unknown. */
export function fairLevelLabel(fair: { level: string | null; regionCode: string | null }, locale: 'vi' | 'en'): string | null {
  switch (fair.level) {
    case 'national':
      return levelLabel({ level: 'national', region: null }, locale);
    case 'regional':
      return fair.regionCode
        ? levelLabel({ level: 'regional', region: fair.regionCode as RegionCode }, locale)
        : levelLabel({ level: 'regional', region: null }, locale);
    case 'provincial':
      return levelLabel({ level: 'provincial', region: null }, locale);
    case 'international':
      return locale === 'vi' ? 'Quốc tế' : 'International';
    default:
      return null;
  }
}
