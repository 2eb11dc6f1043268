/** How long a certificate stays valid: `years` counted from the issue year (Circular 14/2018). */
export interface ValidityRule {
  years: number;
  issueYearCountsAsOne: boolean;
}

/** Valid until 31 December of the fourth year counted from the issue year, which counts as year one. */
export const DEFAULT_VALIDITY_RULE: ValidityRule = { years: 4, issueYearCountsAsOne: true };

export type CertificationStatus = 'valid' | 'expired' | 'revoked';

/** The default end of validity: defaultValidUntil(2023) → "2026-12-31". */
export function defaultValidUntil(issueYear: number, rule: ValidityRule = DEFAULT_VALIDITY_RULE): string {
  return `${issueYear + rule.years - (rule.issueYearCountsAsOne ? 1 : 0)}-12-31`;
}

/** Revoked wins; otherwise valid through the whole last day; no end date counts as valid. */
export function certificationStatus(c: { validUntil: string | null; revokedAt: string | null }, today: string): CertificationStatus {
  if (c.revokedAt) return 'revoked';
  return c.validUntil === null || c.validUntil >= today ? 'valid' : 'expired';
}

/** A moment as Vietnam's wall clock reads it (UTC+7, no daylight saving): "2026-12-04T01:48:00.000" and a Z to ignore. */
export function vietnamClock(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString();
}

/** Today's date in Vietnam as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return vietnamClock(now).slice(0, 10);
}
