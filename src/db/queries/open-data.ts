/**
 * The published records the open data is made of (issue #9), as plain rows for src/domain/open-data/records.ts.
 * "Published" means what the public pages show: a certification counts when it and its product are
 * published (as selectCertifications), a product or establishment or fair when it is, an exhibitor when
 * it, its fair and its establishment are, and never a demonstration row (is_sample).
 */
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { RegionCode } from '#domain/levels.ts';
import type {
  CertificationSource,
  EstablishmentSource,
  ExhibitorSource,
  FairSource,
  PhotoSource,
  ProductSource,
  ProvinceRef,
  ProvinceUnitRef,
} from '#domain/open-data/records.ts';
import type { DbOrTx } from '#db/client.ts';
import { issuerNamesOf } from './product-records.ts';
import {
  certifications,
  decisions,
  establishments,
  fairExhibitorProducts,
  fairExhibitors,
  fairs,
  images,
  productGroups,
  productImages,
  products,
  productSetItems,
  provinces,
} from '#db/schema/index.ts';

const published = 'published' as const;

const unit = (slug: string | null, name: string | null, era: 'pre2025' | 'current' | null): ProvinceUnitRef | null =>
  slug !== null && name !== null && era !== null ? { slug, name, era } : null;
const ref = (slug: string | null, name: string | null): ProvinceRef | null => (slug !== null && name !== null ? { slug, name } : null);

/**
 * Every published certification, newest round first and, within a round, last recorded first (the
 * order of selectCertifications, which the catalogue uses to pick a product's province).
 */
export async function listOpenCertifications(db: DbOrTx): Promise<CertificationSource[]> {
  const current = alias(provinces, 'current_province');
  const rows = await db
    .select({
      c: certifications,
      productSlug: products.slug,
      productName: products.name,
      productNameEn: products.nameEn,
      group: productGroups.code,
      establishmentSlug: establishments.slug,
      establishmentName: establishments.name,
      establishmentNameEn: establishments.nameEn,
      provinceSlug: provinces.slug,
      provinceName: provinces.name,
      provinceEra: provinces.era,
      currentSlug: current.slug,
      currentName: current.name,
      decisionSlug: decisions.slug,
    })
    .from(certifications)
    .leftJoin(decisions, and(eq(certifications.decisionId, decisions.id), eq(decisions.status, published)))
    .innerJoin(products, eq(certifications.productId, products.id))
    .leftJoin(productGroups, eq(products.groupId, productGroups.id))
    .leftJoin(establishments, and(eq(products.establishmentId, establishments.id), eq(establishments.status, published)))
    .innerJoin(provinces, eq(certifications.provinceId, provinces.id))
    .leftJoin(current, eq(provinces.successorId, current.id))
    .where(and(eq(certifications.status, published), eq(products.status, published)))
    .orderBy(desc(certifications.roundYear), desc(certifications.id));
  const issuerName = await issuerNamesOf(
    db,
    rows.map((r) => r.c),
  );
  return rows.map((r) => ({
    registryCode: r.c.registryCode,
    level: r.c.level,
    region: (r.c.regionCode as RegionCode | null) ?? null,
    roundYear: r.c.roundYear,
    decisionNo: r.c.decisionNo,
    decisionSlug: r.decisionSlug,
    decisionDate: r.c.decisionDate,
    issuerName: issuerName(r.c),
    certificateNo: r.c.certificateNo,
    score: r.c.score,
    awardTier: r.c.awardTier,
    issuedOn: r.c.issuedOn,
    validUntil: r.c.validUntil,
    revokedAt: r.c.revokedAt,
    productSlug: r.productSlug,
    productName: r.productName,
    productNameEn: r.productNameEn,
    productNameAsPublished: r.c.productNameAsPublished,
    productGroup: r.group,
    establishment:
      r.establishmentSlug !== null && r.establishmentName !== null
        ? { slug: r.establishmentSlug, name: r.establishmentName, nameEn: r.establishmentNameEn }
        : null,
    producerNameAsPublished: r.c.producerNameAsPublished,
    province: { slug: r.provinceSlug, name: r.provinceName, era: r.provinceEra },
    currentProvince: ref(r.currentSlug, r.currentName),
    sourceUrl: r.c.sourceUrl,
  }));
}

/** Every published product with its set items, group and (published) establishment. */
export async function listOpenProducts(db: DbOrTx): Promise<(ProductSource & { id: number })[]> {
  const rows = await db
    .select({
      p: products,
      group: productGroups.code,
      establishmentSlug: establishments.slug,
      establishmentName: establishments.name,
      establishmentNameEn: establishments.nameEn,
    })
    .from(products)
    .leftJoin(productGroups, eq(products.groupId, productGroups.id))
    .leftJoin(establishments, and(eq(products.establishmentId, establishments.id), eq(establishments.status, published)))
    .where(eq(products.status, published));
  const items = await db
    .select({ productId: productSetItems.productId, name: productSetItems.name })
    .from(productSetItems)
    .innerJoin(products, eq(productSetItems.productId, products.id))
    .where(eq(products.status, published))
    .orderBy(asc(productSetItems.productId), asc(productSetItems.position));
  const itemsOf = Map.groupBy(items, (i) => i.productId);
  return rows.map((r) => ({
    id: r.p.id,
    slug: r.p.slug,
    name: r.p.name,
    nameEn: r.p.nameEn,
    kind: r.p.kind,
    setItems: (itemsOf.get(r.p.id) ?? []).map((i) => i.name),
    group: r.group,
    establishment:
      r.establishmentSlug !== null && r.establishmentName !== null
        ? { slug: r.establishmentSlug, name: r.establishmentName, nameEn: r.establishmentNameEn }
        : null,
    descriptionVi: r.p.descriptionVi,
    descriptionEn: r.p.descriptionEn,
  }));
}

/** Every published establishment with its province (as registered and now) and its published products' count. */
export async function listOpenEstablishments(db: DbOrTx): Promise<EstablishmentSource[]> {
  const current = alias(provinces, 'current_province');
  const rows = await db
    .select({
      e: establishments,
      provinceSlug: provinces.slug,
      provinceName: provinces.name,
      provinceEra: provinces.era,
      currentSlug: current.slug,
      currentName: current.name,
    })
    .from(establishments)
    .leftJoin(provinces, eq(establishments.provinceId, provinces.id))
    .leftJoin(current, eq(provinces.successorId, current.id))
    .where(eq(establishments.status, published));
  const counts = await db
    .select({ id: products.establishmentId, n: count() })
    .from(products)
    .where(eq(products.status, published))
    .groupBy(products.establishmentId);
  const countOf = new Map(counts.map((c) => [c.id, c.n]));
  return rows.map((r) => ({
    slug: r.e.slug,
    name: r.e.name,
    nameEn: r.e.nameEn,
    legalForm: r.e.legalForm,
    address: r.e.address,
    province: unit(r.provinceSlug, r.provinceName, r.provinceEra),
    currentProvince: ref(r.currentSlug, r.currentName),
    phone: r.e.phone,
    email: r.e.email,
    website: r.e.website,
    descriptionVi: r.e.descriptionVi,
    descriptionEn: r.e.descriptionEn,
    productCount: countOf.get(r.e.id) ?? 0,
  }));
}

/** Every published fair. */
export async function listOpenFairs(db: DbOrTx): Promise<FairSource[]> {
  const rows = await db.select().from(fairs).where(eq(fairs.status, published));
  return rows.map((f) => ({
    slug: f.slug,
    name: f.name,
    nameEn: f.nameEn,
    level: f.level,
    region: (f.regionCode as RegionCode | null) ?? null,
    startDate: f.startDate,
    endDate: f.endDate,
    city: f.city,
    country: f.country,
    venue: f.venue,
    organiser: f.organiserText,
    boothCount: f.boothCount,
    boothCountIsMinimum: f.boothCountIsMinimum,
    exhibitorCount: f.exhibitorCount,
    sourceUrl: f.sourceUrl,
    descriptionVi: f.descriptionVi,
    descriptionEn: f.descriptionEn,
  }));
}

/** Every published exhibitor of a published fair and establishment, demonstration rows left out, with the published products it showed. */
export async function listOpenExhibitors(db: DbOrTx): Promise<ExhibitorSource[]> {
  const rows = await db
    .select({
      id: fairExhibitors.id,
      fairSlug: fairs.slug,
      fairName: fairs.name,
      establishmentSlug: establishments.slug,
      establishmentName: establishments.name,
      boothCode: fairExhibitors.boothCode,
      hall: fairExhibitors.hall,
    })
    .from(fairExhibitors)
    .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id))
    .innerJoin(establishments, eq(fairExhibitors.establishmentId, establishments.id))
    .where(
      and(
        eq(fairExhibitors.status, published),
        eq(fairExhibitors.isSample, false),
        eq(fairs.status, published),
        eq(establishments.status, published),
      ),
    );
  const shown = await db
    .select({ exhibitorId: fairExhibitorProducts.exhibitorId, slug: products.slug })
    .from(fairExhibitorProducts)
    .innerJoin(products, eq(fairExhibitorProducts.productId, products.id))
    .where(eq(products.status, published));
  const slugsOf = Map.groupBy(shown, (s) => s.exhibitorId);
  return rows.map(({ id, ...r }) => ({ ...r, productSlugs: (slugsOf.get(id) ?? []).map((s) => s.slug) }));
}

/** The photos of every published product in their order, by product id (as publishedProductImages gives them). */
export async function listOpenPhotos(db: DbOrTx): Promise<Map<number, PhotoSource[]>> {
  const rows = await db
    .select({
      productId: productImages.productId,
      hash: images.contentHash,
      width: images.width,
      height: images.height,
      altVi: productImages.altVi,
      altEn: productImages.altEn,
    })
    .from(productImages)
    .innerJoin(images, eq(images.id, productImages.imageId))
    .innerJoin(products, eq(products.id, productImages.productId))
    .where(eq(products.status, published))
    .orderBy(asc(productImages.productId), asc(productImages.position), asc(productImages.imageId));
  const byProduct = new Map<number, PhotoSource[]>();
  for (const { productId, ...photo } of rows) byProduct.set(productId, [...(byProduct.get(productId) ?? []), photo]);
  return byProduct;
}
