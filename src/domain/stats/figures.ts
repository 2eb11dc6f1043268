/**
 * Every figure of the statistics pages (issue #9), from plain records: certifications by round year and
 * level, by product group, by current province (with the provinces as certified inside each), by status on
 * the release day, and the fairs with their exhibitor counts; for the whole country or one region.
 */
import { levelFacet, LEVEL_FACETS, compareVietnamese, type LevelFacet } from '#domain/listing.ts';
import { PRODUCT_GROUPS, type ProductGroupCode } from '#domain/groups.ts';
import { LEVELS, type CertificationLevel, type RegionCode } from '#domain/levels.ts';
import { certificationStatus, type CertificationStatus } from '#domain/validity.ts';

/** A published certification of a published product, as the statistics read it. */
export interface StatsCertification {
  productId: number;
  level: CertificationLevel;
  /** The region of a regional round (null for other levels). */
  region: RegionCode | null;
  roundYear: number;
  group: ProductGroupCode | null;
  validUntil: string | null;
  revokedAt: string | null;
  /** The province as certified (an old unit before 1 July 2025) and its region. */
  province: { name: string; region: RegionCode | null };
  /** The current province it is part of now (itself for a current unit) and that unit's region. */
  currentProvince: { slug: string; name: string; region: RegionCode | null };
}

/** A current province and the regions its units belong to (new Lâm Đồng spans two). */
export interface StatsProvince {
  slug: string;
  name: string;
  regions: RegionCode[];
}

/** A published fair with the exhibitors the registry lists (real ones and demonstration rows apart). */
export interface StatsFair {
  slug: string;
  name: string;
  level: string | null;
  regionCode: RegionCode | null;
  year: number | null;
  startDate: string | null;
  endDate: string | null;
  city: string | null;
  /** As published by the source; null where it gave none. */
  boothCount: number | null;
  boothCountIsMinimum: boolean;
  exhibitorCount: number | null;
  /** Published exhibitor rows that are facts. */
  exhibitorsListed: number;
  /** Generated demonstration rows: shown apart, never counted as facts. */
  sampleExhibitors: number;
}

export interface StatsInput {
  certifications: readonly StatsCertification[];
  provinces: readonly StatsProvince[];
  fairs: readonly StatsFair[];
  /** The day the statuses are computed for (the release's day in Vietnam), YYYY-MM-DD. */
  asOf: string;
}

/** Levels from highest to lowest, the order charts and tables list them. */
export const LEVELS_HIGH_FIRST: readonly CertificationLevel[] = LEVELS.map((l) => l.code).reverse();
export const STATUSES: readonly CertificationStatus[] = ['valid', 'expired', 'revoked'];

export type LevelCounts = Record<CertificationLevel, number>;
export type StatusCounts = Record<CertificationStatus, number>;

export interface RoundFigure {
  year: number;
  byLevel: LevelCounts;
  total: number;
}
export interface GroupFigure {
  /** null: the certification's product states no group. */
  group: ProductGroupCode | null;
  count: number;
}
export interface ProvinceFigure {
  slug: string;
  name: string;
  count: number;
  /** The provinces as certified that the count is made of, most first. */
  asCertified: { name: string; count: number }[];
}
export interface ValidityFigure {
  level: LevelFacet;
  byStatus: StatusCounts;
  total: number;
}

export interface StatsFigures {
  region: RegionCode | null;
  asOf: string;
  totals: {
    certifications: number;
    products: number;
    byStatus: StatusCounts;
    /** Current provinces with at least one certification, and how many there are in the view. */
    provincesWithCertifications: number;
    provincesInView: number;
    fairs: number;
  };
  /** Round years in order, with only the levels that occur anywhere in the view. */
  rounds: RoundFigure[];
  levels: CertificationLevel[];
  /** The four groups in their official order, then "not given"; every one, even at zero. */
  groups: GroupFigure[];
  /** Provinces with a certification, most first (ties in Vietnamese order). */
  provinces: ProvinceFigure[];
  /** Per level (regional rounds by region), highest first; only levels that occur. */
  validity: ValidityFigure[];
  /** Newest first. */
  fairs: StatsFair[];
}

const zeroLevels = (): LevelCounts => ({ commune: 0, district: 0, provincial: 0, regional: 0, national: 0 });
const zeroStatuses = (): StatusCounts => ({ valid: 0, expired: 0, revoked: 0 });

/**
 * The region a certification is counted in: its current province's, or where the current province spans
 * two regions (and so has none), the region of the province as certified.
 */
export function certificationRegion(c: Pick<StatsCertification, 'province' | 'currentProvince'>): RegionCode | null {
  return c.currentProvince.region ?? c.province.region;
}

/** Every figure for the whole country (region null) or one region. */
export function computeFigures(input: StatsInput, region: RegionCode | null = null): StatsFigures {
  const certs = region ? input.certifications.filter((c) => certificationRegion(c) === region) : [...input.certifications];
  const fairs = region ? input.fairs.filter((f) => f.regionCode === region) : [...input.fairs];
  const statusOf = certs.map((c) => certificationStatus(c, input.asOf));
  const byStatus = zeroStatuses();
  for (const s of statusOf) byStatus[s]++;
  const provinces = countProvinces(certs);
  return {
    region,
    asOf: input.asOf,
    totals: {
      certifications: certs.length,
      products: new Set(certs.map((c) => c.productId)).size,
      byStatus,
      provincesWithCertifications: provinces.length,
      provincesInView: region ? input.provinces.filter((p) => p.regions.includes(region)).length : input.provinces.length,
      fairs: fairs.length,
    },
    rounds: countRounds(certs),
    levels: LEVELS_HIGH_FIRST.filter((level) => certs.some((c) => c.level === level)),
    groups: countGroups(certs),
    provinces,
    validity: countValidity(certs, statusOf),
    fairs: fairs.sort(compareFairsNewestFirst),
  };
}

function countRounds(certs: readonly StatsCertification[]): RoundFigure[] {
  const byYear = new Map<number, RoundFigure>();
  for (const c of certs) {
    const round = byYear.get(c.roundYear) ?? { year: c.roundYear, byLevel: zeroLevels(), total: 0 };
    round.byLevel[c.level]++;
    round.total++;
    byYear.set(c.roundYear, round);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

function countGroups(certs: readonly StatsCertification[]): GroupFigure[] {
  const groups: (ProductGroupCode | null)[] = [...PRODUCT_GROUPS.map((g) => g.code), null];
  return groups.map((group) => ({ group, count: certs.filter((c) => c.group === group).length }));
}

function countProvinces(certs: readonly StatsCertification[]): ProvinceFigure[] {
  const bySlug = new Map<string, { slug: string; name: string; count: number; asCertified: Map<string, number> }>();
  for (const c of certs) {
    const p = bySlug.get(c.currentProvince.slug) ?? {
      slug: c.currentProvince.slug,
      name: c.currentProvince.name,
      count: 0,
      asCertified: new Map<string, number>(),
    };
    p.count++;
    p.asCertified.set(c.province.name, (p.asCertified.get(c.province.name) ?? 0) + 1);
    bySlug.set(p.slug, p);
  }
  return [...bySlug.values()]
    .map((p) => ({
      slug: p.slug,
      name: p.name,
      count: p.count,
      asCertified: [...p.asCertified.entries()]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || compareVietnamese(a.name, b.name)),
    }))
    .sort((a, b) => b.count - a.count || compareVietnamese(a.name, b.name));
}

function countValidity(certs: readonly StatsCertification[], statusOf: readonly CertificationStatus[]): ValidityFigure[] {
  const byLevel = new Map<LevelFacet, ValidityFigure>();
  certs.forEach((c, i) => {
    const level = levelFacet(c.level, c.region);
    const figure = byLevel.get(level) ?? { level, byStatus: zeroStatuses(), total: 0 };
    figure.byStatus[statusOf[i]!]++;
    figure.total++;
    byLevel.set(level, figure);
  });
  return LEVEL_FACETS.flatMap((level) => byLevel.get(level) ?? []);
}

/** Newest first by date (or year where a fair has no date); undated fairs last, then by name. */
export function compareFairsNewestFirst(a: StatsFair, b: StatsFair): number {
  const when = (f: StatsFair) => f.startDate ?? f.endDate ?? (f.year === null ? '' : `${f.year}`);
  return when(b).localeCompare(when(a)) || compareVietnamese(a.name, b.name);
}

/** A share as a fraction, 0 when there is nothing to share (never NaN). */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** The items with the greatest count (several when tied); none when every count is zero. */
export function leaders<T>(items: readonly T[], count: (item: T) => number): T[] {
  const max = Math.max(0, ...items.map(count));
  return max === 0 ? [] : items.filter((item) => count(item) === max);
}
