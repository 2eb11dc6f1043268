/** What every public account of one certification carries, whichever page or file tells it. Types only. */
import type { CertificationLevel, RegionCode } from './levels.ts';

/** A published certification: its code, its round, the decision and certificate that made it, its standing. */
export interface CertificationCore {
  registryCode: string;
  level: CertificationLevel;
  region: RegionCode | null;
  roundYear: number;
  decisionNo: string | null;
  /** The published decision record it points to, when there is one. */
  decisionSlug: string | null;
  certificateNo: string | null;
  validUntil: string | null;
  revokedAt: string | null;
  productSlug: string;
  productName: string;
}
