/** What the verification answer shows, as plain data: read by src/server/verify-data.ts, rendered by the Verify* components. */
import type { CertificationCore } from './certification.ts';
import type { CertificationLevel, RegionCode } from './levels.ts';
import type { VerifyQuery } from './verify-match.ts';

export interface VerifyCertification extends CertificationCore {
  validUntilSource: 'rule' | 'manual';
  provinceName: string;
  currentProvinceName: string;
  establishmentSlug: string | null;
  establishmentName: string | null;
}

export interface VerifyDecision {
  slug: string;
  number: string;
  decisionDate: string | null;
  issuerText: string | null;
  level: CertificationLevel;
  region: RegionCode | null;
  roundYear: number;
  productsCertified: number | null;
  sourceUrl: string | null;
  /** How many products the registry holds certified by this decision. */
  held: number;
  certifications: VerifyCertification[];
}

export interface VerifyProduct {
  slug: string;
  name: string;
  establishmentName: string | null;
  certifications: VerifyCertification[];
}

export interface VerifyFindings {
  codes: VerifyCertification[];
  decisions: VerifyDecision[];
  certificates: VerifyCertification[];
  products: VerifyProduct[];
  establishments: { slug: string; name: string }[];
  /** True when the name matched more products than are listed. */
  moreProducts: boolean;
  close: {
    codes: VerifyCertification[];
    decisions: VerifyDecision[];
    names: { slug: string; name: string; kind: 'product' | 'establishment' }[];
  };
}

/** The page's examples, taken from the data so that each one verifies. */
export interface VerifyExamples {
  code: string | null;
  decisionNumber: string | null;
  productName: string | null;
}

/** What /verify/ shows: the form with examples, and the answer when something was typed. */
export interface VerifyAnswer {
  status: 200 | 400 | 404;
  query: VerifyQuery;
  findings: VerifyFindings | null;
  /** Why nothing matched, in the visitor's language; null when something did (or nothing was typed). */
  message: string | null;
  examples: VerifyExamples;
}
