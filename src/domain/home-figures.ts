/**
 * The home page's figures (issue #16 item 6): what the registry holds — products, establishments, provinces,
 * the latest official round and when it was published — and the share of each official round it holds where
 * the round's size is known. Validity is not among them: it is a property of certifications on a day, and
 * /stats/ says it as such. Pure.
 */
import { roundShares, type RoundDecision, type RoundShare } from './decision-view.ts';
import { LEVELS, type CertificationLevel, type RegionCode } from './levels.ts';

export interface HomeFiguresInput {
  /** Products with a published certification, establishments, current provinces with a certified product. */
  products: number;
  establishments: number;
  provinces: number;
  /** The rounds the published certifications belong to, with how many each holds. */
  certificationRounds: readonly { year: number; level: CertificationLevel; region: RegionCode | null; certifications: number }[];
  /** The published decisions with how many of their certifications the registry shows. */
  decisions: readonly (RoundDecision & { productsCertified: number | null })[];
}

export interface LatestRound {
  year: number;
  level: CertificationLevel;
  region: RegionCode | null;
  /** The date of its decision (the earliest, if several), when a decision record gives it. */
  publishedOn: string | null;
  /** Its decision's page, when the round has exactly one decision record. */
  decisionSlug: string | null;
}

export interface HomeFigures {
  products: number;
  establishments: number;
  provinces: number;
  latest: LatestRound | null;
  /** Official rounds (national, regional) whose size the decisions give, newest first. */
  shares: RoundShare[];
}

const rank = (level: CertificationLevel) => LEVELS.findIndex((l) => l.code === level);
const isOfficialRound = (level: CertificationLevel) => level === 'national' || level === 'regional';

/**
 * The figures: the latest round is the newest national or regional round the registry holds a certification of
 * (the newest round of any level when it holds none), the higher level first within a year.
 */
export function homeFigures(input: HomeFiguresInput): HomeFigures {
  const rounds = input.certificationRounds.some((r) => isOfficialRound(r.level))
    ? input.certificationRounds.filter((r) => isOfficialRound(r.level))
    : input.certificationRounds;
  const newest = [...rounds].sort(
    (a, b) => b.year - a.year || rank(b.level) - rank(a.level) || (a.region ?? '').localeCompare(b.region ?? ''),
  )[0];
  // A round's share counts every certification of the round the registry holds, whether or not its source
  // printed the decision number (a national or regional round is made by one decision).
  const heldInRound = (r: { year: number; level: CertificationLevel; region: RegionCode | null }) =>
    input.certificationRounds.find((c) => c.year === r.year && c.level === r.level && c.region === r.region)?.certifications ?? 0;
  const shares = roundShares(input.decisions.map((d) => ({ ...d, certified: d.productsCertified }))).map((r) => ({
    ...r,
    held: heldInRound(r),
  }));
  let latest: LatestRound | null = null;
  if (newest) {
    const own = input.decisions.filter((d) => d.roundYear === newest.year && d.level === newest.level && d.region === newest.region);
    const dates = own.flatMap((d) => (d.decisionDate ? [d.decisionDate] : [])).sort();
    latest = {
      year: newest.year,
      level: newest.level,
      region: newest.region,
      publishedOn: dates[0] ?? null,
      decisionSlug: own.length === 1 ? own[0]!.slug : null,
    };
  }
  return {
    products: input.products,
    establishments: input.establishments,
    provinces: input.provinces,
    latest,
    shares: shares.filter((r) => r.certified !== null),
  };
}
