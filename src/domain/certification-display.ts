import { LEVELS, levelLabel, type CertificationLevel, type RegionCode } from './levels.ts';
import { certificationStatus, type CertificationStatus } from './validity.ts';

export const STATUS_LABELS: Record<CertificationStatus, { vi: string; en: string }> = {
  valid: { vi: 'Còn hiệu lực', en: 'Valid' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
};

interface Displayable {
  level: CertificationLevel;
  region: RegionCode | null;
  roundYear: number;
  validUntil: string | null;
  revokedAt: string | null;
}

/** A certification's level label, status and status label as of `today`. */
export function describeCertification(c: Displayable, today: string, locale: 'vi' | 'en' = 'vi') {
  const status = certificationStatus(c, today);
  return { status, statusLabel: STATUS_LABELS[status][locale], levelLabel: levelLabel({ level: c.level, region: c.region }, locale) };
}

const rank = (level: CertificationLevel) => LEVELS.findIndex((l) => l.code === level);

/** Orders certifications as a climb: oldest round first, lower level first within a year. */
export function timelineOrder<T extends Displayable>(certs: readonly T[]): T[] {
  return [...certs].sort((a, b) => a.roundYear - b.roundYear || rank(a.level) - rank(b.level));
}

/** The highest level a product reached, for badges in lists. */
export function highestCertification<T extends Displayable>(certs: readonly T[]): T | undefined {
  return [...certs].sort((a, b) => rank(b.level) - rank(a.level) || b.roundYear - a.roundYear)[0];
}
