/**
 * The tables beside the statistics charts (issue #9): rows of cells, where a `value` cell holds exactly the
 * number one bar draws and carries that bar's key; totals, parts and other text are told apart by role.
 */
import type { LevelFacet } from '#domain/listing.ts';
import { formatNumber, type Locale } from '#domain/i18n.ts';
import type { CertificationLevel } from '#domain/levels.ts';
import { statsT } from './strings.ts';

/** A number of a table: `value` cells hold what a bar draws (same key), totals and parts add to them. */
export interface TableCell {
  text: string;
  /** What a screen reader says instead of the text ("not published" for "–"). */
  spokenText?: string;
  role: 'value' | 'total' | 'part' | 'info';
  value?: number;
  key?: string;
}
export interface TableRow {
  key: string;
  header: string;
  href?: string;
  /** A smaller line under the row's header (a fair's dates and level). */
  detail?: string;
  /** A row inside the row above it (an old province inside a current one). */
  isPart?: boolean;
  cells: TableCell[];
}
export interface StatsTable {
  caption: string;
  corner: string;
  columns: string[];
  rows: TableRow[];
  totals: TableRow | null;
  emptyText: string;
}
/** Levels as table headings write them, short: "Quốc gia", "Khu vực phía Bắc". */
export function shortLevelLabel(level: LevelFacet, locale: Locale): string {
  const s = statsT(locale);
  const labels: Record<LevelFacet, string> = {
    national: s.levelNational,
    'regional-north': s.regionalNorth,
    'regional-central': s.regionalCentral,
    'regional-south': s.regionalSouth,
    provincial: s.levelProvincial,
    district: s.levelDistrict,
    commune: s.levelCommune,
  };
  return labels[level];
}
/** A level as a column heading writes it: "Khu vực" for every region. */
export const shortLevel = (level: CertificationLevel, locale: Locale) =>
  level === 'regional' ? statsT(locale).levelRegional : shortLevelLabel(level, locale);

/** A number a bar draws. */
export const valueCell = (n: number, key: string, locale: Locale): TableCell => ({
  text: formatNumber(n, locale),
  role: 'value',
  value: n,
  key,
});
/** A sum of numbers bars draw. */
export const totalCell = (n: number, locale: Locale): TableCell => ({ text: formatNumber(n, locale), role: 'total', value: n });
/** Text that no bar draws (a share, a count of sample rows). */
export const infoCell = (text: string): TableCell => ({ text, role: 'info' });
