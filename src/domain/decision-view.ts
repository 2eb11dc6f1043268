/**
 * How decisions read on public pages: "x of y" said plainly, the list grouped by round year, and the share
 * of each official round the registry holds (the home page). Pure; the words live in decision-strings.ts.
 */
import { formatNumber, type Locale } from './i18n.ts';
import { LEVELS, levelLabel, type CertificationLevel, type RegionCode } from './levels.ts';

/** What the registry holds of one decision: the certifications it lists and the count the decision published. */
export interface DecisionHolding {
  held: number;
  /** As published; null when the source does not say. */
  certified: number | null;
}

/**
 * The plain sentence of a decision page: holdingSentence({ held: 5, certified: 173 }, 'vi') →
 * "Sổ đăng ký có 5 trong số 173 sản phẩm mà quyết định này công nhận."
 */
export function holdingSentence({ held, certified }: DecisionHolding, locale: Locale): string {
  const n = formatNumber(held, locale);
  if (certified === null) {
    return locale === 'vi'
      ? `Sổ đăng ký có ${n} sản phẩm của quyết định này; nguồn không cho biết quyết định công nhận bao nhiêu sản phẩm.`
      : `The registry holds ${n} ${held === 1 ? 'product' : 'products'} of this decision; the source does not say how many it certified.`;
  }
  const of = formatNumber(certified, locale);
  return locale === 'vi'
    ? `Sổ đăng ký có ${n} trong số ${of} sản phẩm mà quyết định này công nhận.`
    : `The registry holds ${n} of the ${of} products this decision certified.`;
}

/** "5 / 173", or "5" when the count is unknown: the short form of a list's column. */
export function holdingShort({ held, certified }: DecisionHolding, locale: Locale): string {
  return certified === null ? formatNumber(held, locale) : `${formatNumber(held, locale)} / ${formatNumber(certified, locale)}`;
}

interface Sortable {
  roundYear: number;
  level: CertificationLevel;
  number: string;
  decisionDate: string | null;
}

const rank = (level: CertificationLevel) => LEVELS.findIndex((l) => l.code === level);

/** Decisions by round year, newest first; within a year the higher level first, then by date and number. */
export function groupDecisionsByYear<T extends Sortable>(decisions: readonly T[]): { year: number; decisions: T[] }[] {
  const collator = new Intl.Collator('vi', { numeric: true });
  const sorted = [...decisions].sort(
    (a, b) =>
      b.roundYear - a.roundYear ||
      rank(b.level) - rank(a.level) ||
      (a.decisionDate ?? '').localeCompare(b.decisionDate ?? '') ||
      collator.compare(a.number, b.number),
  );
  const groups: { year: number; decisions: T[] }[] = [];
  for (const d of sorted) {
    const last = groups.at(-1);
    if (last?.year === d.roundYear) last.decisions.push(d);
    else groups.push({ year: d.roundYear, decisions: [d] });
  }
  return groups;
}

/** An official round: one level (and region) in one year, with the decisions that made it. */
export interface RoundShare {
  year: number;
  level: CertificationLevel;
  region: RegionCode | null;
  held: number;
  /** The round's size as its decisions published it; null when a decision of the round does not say. */
  certified: number | null;
  /** The earliest date among its decisions, when known. */
  publishedOn: string | null;
  /** The slugs of its decisions' pages. */
  slugs: string[];
}

/** A decision as the round tables count it: its round, and how many of its certifications the registry shows. */
export interface RoundDecision {
  slug: string;
  roundYear: number;
  level: CertificationLevel;
  region: RegionCode | null;
  held: number;
  decisionDate: string | null;
}

/**
 * The rounds the decisions describe, newest first: national and regional rounds only (one decision makes the
 * whole round); a round's size is the sum of its decisions' published counts, unknown when one is missing.
 */
export function roundShares(decisions: readonly (RoundDecision & { certified: number | null })[]): RoundShare[] {
  const rounds = new Map<string, RoundShare>();
  for (const d of decisions) {
    if (d.level !== 'national' && d.level !== 'regional') continue;
    const key = `${d.roundYear}|${d.level}|${d.region ?? ''}`;
    const round = rounds.get(key);
    if (!round) {
      rounds.set(key, {
        year: d.roundYear,
        level: d.level,
        region: d.region,
        held: d.held,
        certified: d.certified,
        publishedOn: d.decisionDate,
        slugs: [d.slug],
      });
      continue;
    }
    round.slugs.push(d.slug);
    round.held += d.held;
    round.certified = round.certified === null || d.certified === null ? null : round.certified + d.certified;
    if (d.decisionDate && (!round.publishedOn || d.decisionDate < round.publishedOn)) round.publishedOn = d.decisionDate;
  }
  return [...rounds.values()].sort(
    (a, b) => b.year - a.year || rank(b.level) - rank(a.level) || (a.region ?? '').localeCompare(b.region ?? ''),
  );
}

/**
 * One round's share as the home page says it: roundShareSentence({ year: 2023, level: 'national', held: 5, certified: 173 }, 'en')
 * → "5 of 173 products of the 2023 national round"; without a published size, "5 products of the 2023 national round".
 */
export function roundShareSentence(round: Pick<RoundShare, 'year' | 'level' | 'region' | 'held' | 'certified'>, locale: Locale): string {
  const label = levelLabel({ level: round.level, region: round.region }, locale);
  const n = formatNumber(round.held, locale);
  if (locale === 'vi') {
    const what = `đợt ${label.charAt(0).toLowerCase()}${label.slice(1)} năm ${round.year}`;
    return round.certified === null
      ? `${n} sản phẩm của ${what}`
      : `${n} trong số ${formatNumber(round.certified, locale)} sản phẩm của ${what}`;
  }
  const what = `the ${round.year} ${label.charAt(0).toLowerCase()}${label.slice(1)} round`;
  return round.certified === null
    ? `${n} ${round.held === 1 ? 'product' : 'products'} of ${what}`
    : `${n} of ${formatNumber(round.certified, locale)} products of ${what}`;
}
