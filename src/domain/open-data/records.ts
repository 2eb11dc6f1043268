/**
 * Rows as the database holds them → open-data records (src/domain/open-data/schemas.ts). Pure: the
 * queries (src/db/queries/open-data.ts) hand over plain rows, and these functions decide every public
 * value: blank text becomes null, statuses are computed on the release date, URLs are absolute, lists
 * and records come in a stable order so that two releases compare line by line.
 */
import { LEVELS } from '#domain/levels.ts';
import type { CertificationLevel, RegionCode } from '#domain/levels.ts';
import type { CertificationCore } from '#domain/certification.ts';
import type { ProductGroupCode } from '#domain/groups.ts';
import type { LegalForm } from '#domain/establishments.ts';
import { fallbackWidth, variantPath, variantsOf } from '#domain/images.ts';
import { certificationStatus } from '#domain/validity.ts';
import type {
  CertificationRecord,
  DecisionRecord,
  EstablishmentRecord,
  ExhibitorRecord,
  FairRecord,
  ProductFair,
  ProductPhoto,
  ProductRecord,
} from './schemas.ts';
import type { SiteUrls } from './urls.ts';

export interface ProvinceRef {
  slug: string;
  name: string;
}
export interface ProvinceUnitRef extends ProvinceRef {
  era: 'pre2025' | 'current';
}

export interface CertificationSource extends CertificationCore {
  decisionDate: string | null;
  issuerName: string | null;
  score: number | null;
  awardTier: string | null;
  issuedOn: string | null;
  productNameEn?: string | null;
  productNameAsPublished: string | null;
  productGroup: ProductGroupCode | null;
  /** Null when the product names no establishment, or names one that is not published. */
  establishment: { slug: string; name: string; nameEn?: string | null } | null;
  producerNameAsPublished: string | null;
  /** The unit named in the decision; `currentProvince` is the unit it is part of now (null: it is current itself). */
  province: ProvinceUnitRef;
  currentProvince: ProvinceRef | null;
  sourceUrl: string | null;
}

export interface DecisionSource {
  slug: string;
  number: string;
  numberKey: string;
  decisionDate: string | null;
  issuerName: string | null;
  level: CertificationLevel;
  region: RegionCode | null;
  roundYear: number;
  productsCertified: number | null;
  note: string | null;
  sourceUrl: string | null;
  documentHash: string | null;
}

export interface ProductSource {
  slug: string;
  name: string;
  nameEn?: string | null;
  kind: 'single' | 'set';
  setItems: string[];
  group: ProductGroupCode | null;
  establishment: { slug: string; name: string; nameEn?: string | null } | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
}

export interface EstablishmentSource {
  slug: string;
  name: string;
  nameEn?: string | null;
  legalForm: LegalForm;
  address: string | null;
  province: ProvinceUnitRef | null;
  currentProvince: ProvinceRef | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  /** Its published products: it has a page when it has one (as /producers/ lists it). */
  productCount: number;
}

export interface FairSource {
  slug: string;
  name: string;
  nameEn?: string | null;
  level: FairRecord['level'];
  region: RegionCode | null;
  startDate: string | null;
  endDate: string | null;
  city: string | null;
  country: string;
  venue: string | null;
  organiser: string | null;
  boothCount: number | null;
  boothCountIsMinimum: boolean;
  exhibitorCount: number | null;
  sourceUrl: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
}

export interface ExhibitorSource {
  fairSlug: string;
  fairName: string;
  establishmentSlug: string;
  establishmentName: string;
  boothCode: string | null;
  hall: string | null;
  productSlugs: string[];
}

export interface PhotoSource {
  hash: string;
  width: number;
  height: number;
  altVi: string | null;
  altEn: string | null;
}

/** Text as published: null when missing or blank (a record never says "" for "not recorded"). */
export function blankToNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

/** A URL from the data in its canonical form (non-ASCII percent-encoded, as a URI must be); null when blank. */
export function canonicalUrl(value: string | null | undefined): string | null {
  const url = blankToNull(value);
  if (url === null) return null;
  try {
    return new URL(url).href;
  } catch {
    // Left as it is: the record then fails its schema and the build says which one (never silently dropped).
    return url;
  }
}

const levelRank = (level: CertificationLevel) => LEVELS.findIndex((l) => l.code === level);

/** One certification as published, its status taken on `releaseDay` (YYYY-MM-DD, Vietnam time). */
export function certificationRecord(c: CertificationSource, urls: SiteUrls, releaseDay: string): CertificationRecord {
  const current = c.currentProvince ?? c.province;
  return {
    registry_code: c.registryCode,
    verify_url: urls.verify(c.registryCode),
    product_slug: c.productSlug,
    product_name: c.productName,
    product_name_en: blankToNull(c.productNameEn),
    product_name_as_published: blankToNull(c.productNameAsPublished),
    product_group: c.productGroup,
    establishment_slug: c.establishment?.slug ?? null,
    establishment_name: c.establishment?.name ?? null,
    establishment_name_en: blankToNull(c.establishment?.nameEn),
    producer_name_as_published: blankToNull(c.producerNameAsPublished),
    level: c.level,
    region: c.level === 'regional' ? c.region : null,
    round_year: c.roundYear,
    decision_no: blankToNull(c.decisionNo),
    decision_slug: c.decisionSlug,
    decision_date: blankToNull(c.decisionDate),
    issuer_name: blankToNull(c.issuerName),
    certificate_no: blankToNull(c.certificateNo),
    score: c.score,
    award_tier: blankToNull(c.awardTier),
    issued_on: blankToNull(c.issuedOn),
    valid_until: blankToNull(c.validUntil),
    revoked_at: blankToNull(c.revokedAt),
    status: certificationStatus({ validUntil: blankToNull(c.validUntil), revokedAt: blankToNull(c.revokedAt) }, releaseDay),
    province_certified_slug: c.province.slug,
    province_certified_name: c.province.name,
    province_certified_era: c.province.era,
    province_current_slug: current.slug,
    province_current_name: current.name,
    source_url: canonicalUrl(c.sourceUrl),
  };
}

/** One decision, with how many of the published certifications point to it. */
export function decisionRecord(d: DecisionSource, productsHeld: number, urls: SiteUrls): DecisionRecord {
  return {
    slug: d.slug,
    url: urls.decision(d.slug),
    number: d.number,
    number_key: d.numberKey,
    decision_date: blankToNull(d.decisionDate),
    issuer_name: blankToNull(d.issuerName),
    level: d.level,
    region: d.level === 'regional' ? d.region : null,
    round_year: d.roundYear,
    products_certified: d.productsCertified,
    products_held: productsHeld,
    note: blankToNull(d.note),
    source_url: canonicalUrl(d.sourceUrl),
    document_url: d.documentHash ? urls.decisionDocument(d.documentHash) : null,
  };
}

/**
 * One product, with figures from its certifications given newest first (round year, then the order they
 * were recorded: the catalogue files a product under the province of the first).
 */
export function productRecord(p: ProductSource, newestFirst: readonly CertificationRecord[], urls: SiteUrls): ProductRecord {
  const newest = newestFirst[0];
  const highest = newestFirst.reduce<CertificationRecord | undefined>(
    (best, c) => (best === undefined || levelRank(c.level) > levelRank(best.level) ? c : best),
    undefined,
  );
  return {
    slug: p.slug,
    name: p.name,
    name_en: blankToNull(p.nameEn),
    kind: p.kind,
    set_items: p.kind === 'set' ? p.setItems.filter((item) => blankToNull(item) !== null) : [],
    group: p.group,
    establishment_slug: p.establishment?.slug ?? null,
    establishment_name: p.establishment?.name ?? null,
    establishment_name_en: blankToNull(p.establishment?.nameEn),
    description_vi: blankToNull(p.descriptionVi),
    description_en: blankToNull(p.descriptionEn),
    certification_count: newestFirst.length,
    highest_level: highest?.level ?? null,
    has_valid_certification: newestFirst.some((c) => c.status === 'valid'),
    province_current_slug: newest?.province_current_slug ?? null,
    province_current_name: newest?.province_current_name ?? null,
    page_url: urls.product(p.slug, 'vi'),
    page_url_en: urls.product(p.slug, 'en'),
    json_url: urls.productDocument(p.slug),
  };
}

/** One establishment; contacts as its public page shows them, a page address only when it has a page. */
export function establishmentRecord(e: EstablishmentSource, urls: SiteUrls): EstablishmentRecord {
  const current = e.currentProvince ?? e.province;
  const hasPage = e.productCount > 0;
  return {
    slug: e.slug,
    name: e.name,
    name_en: blankToNull(e.nameEn),
    legal_form: e.legalForm,
    address: blankToNull(e.address),
    province_registered_slug: e.province?.slug ?? null,
    province_registered_name: e.province?.name ?? null,
    province_registered_era: e.province?.era ?? null,
    province_current_slug: current?.slug ?? null,
    province_current_name: current?.name ?? null,
    phone: blankToNull(e.phone),
    email: blankToNull(e.email),
    website: blankToNull(e.website),
    description_vi: blankToNull(e.descriptionVi),
    description_en: blankToNull(e.descriptionEn),
    product_count: e.productCount,
    page_url: hasPage ? urls.producer(e.slug, 'vi') : null,
    page_url_en: hasPage ? urls.producer(e.slug, 'en') : null,
  };
}

/** One fair, with how many of its exhibitors the exhibitors dataset lists. */
export function fairRecord(f: FairSource, exhibitorsListed: number, urls: SiteUrls): FairRecord {
  return {
    slug: f.slug,
    name: f.name,
    name_en: blankToNull(f.nameEn),
    level: f.level,
    region: f.level === 'regional' ? f.region : null,
    start_date: blankToNull(f.startDate),
    end_date: blankToNull(f.endDate),
    city: blankToNull(f.city),
    country: f.country,
    venue: blankToNull(f.venue),
    organiser: blankToNull(f.organiser),
    booth_count: f.boothCount,
    booth_count_is_minimum: f.boothCount !== null && f.boothCountIsMinimum,
    exhibitor_count_announced: f.exhibitorCount,
    exhibitors_listed: exhibitorsListed,
    source_url: canonicalUrl(f.sourceUrl),
    description_vi: blankToNull(f.descriptionVi),
    description_en: blankToNull(f.descriptionEn),
    page_url: urls.fair(f.slug, 'vi'),
    page_url_en: urls.fair(f.slug, 'en'),
  };
}

/** One exhibitor at one fair, the products it showed in slug order. */
export function exhibitorRecord(x: ExhibitorSource): ExhibitorRecord {
  return {
    fair_slug: x.fairSlug,
    fair_name: x.fairName,
    establishment_slug: x.establishmentSlug,
    establishment_name: x.establishmentName,
    booth_code: blankToNull(x.boothCode),
    hall: blankToNull(x.hall),
    product_slugs: [...new Set(x.productSlugs)].sort(compareKeys),
  };
}

/** One photo: the JPEG the page falls back to, and every stored size and format. */
export function photoRecord(p: PhotoSource, urls: SiteUrls): ProductPhoto {
  return {
    url: urls.abs(variantPath(p.hash, fallbackWidth(p.width), 'jpg')),
    width: p.width,
    height: p.height,
    alt_vi: blankToNull(p.altVi),
    alt_en: blankToNull(p.altEn),
    sources: variantsOf(p.hash, p.width).map((v) => ({
      format: v.format === 'jpg' ? 'jpeg' : v.format,
      width: v.width,
      url: urls.abs(variantPath(p.hash, v.width, v.format)),
    })),
  };
}

/** The fairs where a product was shown: from the exhibitors that showed it, newest fair first. */
export function productFairs(
  productSlug: string,
  exhibitors: readonly ExhibitorRecord[],
  fairs: ReadonlyMap<string, FairRecord>,
): ProductFair[] {
  return exhibitors
    .filter((x) => x.product_slugs.includes(productSlug))
    .flatMap((x) => {
      const fair = fairs.get(x.fair_slug);
      if (!fair) return [];
      return [
        {
          fair_slug: fair.slug,
          fair_name: fair.name,
          start_date: fair.start_date,
          end_date: fair.end_date,
          city: fair.city,
          booth_code: x.booth_code,
          hall: x.hall,
          page_url: fair.page_url,
        },
      ];
    })
    .sort((a, b) => (b.start_date ?? '').localeCompare(a.start_date ?? '') || compareKeys(a.fair_slug, b.fair_slug));
}

/** Keys (slugs, codes) in code-point order: the same on every machine, unlike a locale's collation. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of the certifications dataset: by product, then as a timeline (oldest round, lower level first). */
export function compareCertifications(a: CertificationRecord, b: CertificationRecord): number {
  return (
    compareKeys(a.product_slug, b.product_slug) ||
    a.round_year - b.round_year ||
    levelRank(a.level) - levelRank(b.level) ||
    compareKeys(a.registry_code, b.registry_code)
  );
}

/** The order of the exhibitors dataset: by fair, then establishment (the record's key). */
export function compareExhibitors(a: ExhibitorRecord, b: ExhibitorRecord): number {
  return compareKeys(a.fair_slug, b.fair_slug) || compareKeys(a.establishment_slug, b.establishment_slug);
}
