import type { CertificationLevel, RegionCode } from '#domain/levels.ts';

/** A national or regional round: its level, region (regional only) and year. */
export interface Round {
  level: Extract<CertificationLevel, 'national' | 'regional'>;
  region: RegionCode | null;
  year: number;
}

export interface RoundCoverage extends Round {
  /** Certifications of the round the registry holds. */
  held: number;
  /** How many products the round's decisions certified as published, or null when no decision says. */
  published: number | null;
  /** held / published, capped at 1, or null when the size is unknown. */
  share: number | null;
}

const key = (r: Round) => `${r.level}|${r.region ?? ''}|${r.year}`;

/**
 * Joins what the registry holds of each round with the round's published size (from its decisions), newest
 * first, national before regional: roundCoverage([{ national 2023, n: 9 }], [{ national 2023, n: 173 }])
 * → [{ …, held: 9, published: 173, share: 9 / 173 }]. A round with a size but nothing held shows held 0.
 */
export function roundCoverage(held: readonly (Round & { n: number })[], sizes: readonly (Round & { n: number })[]): RoundCoverage[] {
  const rows = new Map<string, RoundCoverage>();
  for (const h of held) rows.set(key(h), { level: h.level, region: h.region, year: h.year, held: h.n, published: null, share: null });
  for (const s of sizes) {
    const row = rows.get(key(s)) ?? { level: s.level, region: s.region, year: s.year, held: 0, published: null, share: null };
    row.published = (row.published ?? 0) + s.n;
    rows.set(key(s), row);
  }
  for (const row of rows.values()) row.share = row.published ? Math.min(1, row.held / row.published) : null;
  const order = (r: Round) => (r.level === 'national' ? 0 : 1);
  return [...rows.values()].sort((a, b) => b.year - a.year || order(a) - order(b) || (a.region ?? '').localeCompare(b.region ?? ''));
}
