/**
 * A certification as the public pages show it (the product, verification and decision pages, the home
 * page's newest): the view model `src/db/queries/product-records.ts` reads and the views render.
 */
import type { CertificationLevel, RegionCode } from './levels.ts';

/** A certification as public pages show it, with the province then and now and the issuer's name. */
export interface CertificationView {
  id: number;
  level: CertificationLevel;
  region: RegionCode | null;
  roundYear: number;
  decisionNo: string | null;
  decisionDate: string | null;
  certificateNo: string | null;
  registryCode: string;
  score: number | null;
  awardTier: string | null;
  validUntil: string | null;
  revokedAt: string | null;
  provinceName: string;
  currentProvinceName: string;
  currentProvinceSlug: string;
  issuerName: string | null;
  /** The issuer's English name on that date, where staff recorded one (#18.2). */
  issuerNameEn?: string | null;
  sourceUrl: string | null;
  productSlug: string;
  productName: string;
  productNameEn?: string | null;
  /** The published decision record this certification was made by (its page: /decisions/<slug>/), when linked. */
  decision: { slug: string; number: string } | null;
  /** The product's establishment now, when it has one. */
  establishment: { slug: string; name: string; nameEn?: string | null } | null;
  updatedAt: string;
}
