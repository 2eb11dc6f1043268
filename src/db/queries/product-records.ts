import { alias } from 'drizzle-orm/sqlite-core';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { CertificationView } from '#domain/certification-view.ts';
import type { CertificationLevel, RegionCode } from '#domain/levels.ts';
import { datedNameOnDate } from '#domain/organisations.ts';
import type { DbOrTx } from '#db/client.ts';
import {
  certifications,
  decisions,
  establishments,
  organisationNames,
  productGroups,
  products,
  productSetItems,
  provinces,
} from '#db/schema/index.ts';

const published = 'published' as const;

/** Figures for the home page: published products, establishments, certifications by level. */
export async function getCatalogueCounts(db: DbOrTx) {
  const [productCount] = await db.select({ n: count() }).from(products).where(eq(products.status, published));
  const [establishmentCount] = await db.select({ n: count() }).from(establishments).where(eq(establishments.status, published));
  const byLevel = await db
    .select({ level: certifications.level, n: count() })
    .from(certifications)
    .where(eq(certifications.status, published))
    .groupBy(certifications.level);
  return {
    products: productCount?.n ?? 0,
    establishments: establishmentCount?.n ?? 0,
    certifications: byLevel.reduce((sum, r) => sum + r.n, 0),
    byLevel: Object.fromEntries(byLevel.map((r) => [r.level, r.n])) as Partial<Record<CertificationLevel, number>>,
  };
}

/** Certifications' issuers, read in one query: the name each issuer bore on the decision's date (or at the round's end). */
export async function issuerNamesOf(
  db: DbOrTx,
  certs: readonly { issuerId: number | null }[],
): Promise<(c: { issuerId: number | null; decisionDate: string | null; roundYear: number }, field?: 'name' | 'nameEn') => string | null> {
  const ids = [...new Set(certs.map((c) => c.issuerId).filter((id): id is number => id !== null))];
  const names =
    ids.length > 0
      ? await db.select().from(organisationNames).where(inArray(organisationNames.organisationId, ids)).orderBy(asc(organisationNames.id))
      : [];
  const byIssuer = Map.groupBy(names, (n) => n.organisationId);
  return (c, field = 'name') =>
    c.issuerId === null
      ? null
      : (datedNameOnDate(byIssuer.get(c.issuerId) ?? [], c.decisionDate ?? `${c.roundYear}-12-31`)?.[field] ?? null);
}

/** Published certifications matching `where`, newest round first, as pages show them. */
export async function selectCertifications(db: DbOrTx, where: ReturnType<typeof and>, limit?: number): Promise<CertificationView[]> {
  const current = alias(provinces, 'current_province');
  const query = db
    .select({
      c: certifications,
      provinceName: provinces.name,
      provinceSlug: provinces.slug,
      currentProvinceName: current.name,
      currentProvinceSlug: current.slug,
      productSlug: products.slug,
      productName: products.name,
      productNameEn: products.nameEn,
      decisionSlug: decisions.slug,
      decisionNumber: decisions.number,
      decisionDate: decisions.decisionDate,
      establishmentSlug: establishments.slug,
      establishmentName: establishments.name,
      establishmentNameEn: establishments.nameEn,
    })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id))
    .innerJoin(provinces, eq(certifications.provinceId, provinces.id))
    .leftJoin(current, eq(provinces.successorId, current.id))
    .leftJoin(decisions, and(eq(certifications.decisionId, decisions.id), eq(decisions.status, published)))
    .leftJoin(establishments, and(eq(products.establishmentId, establishments.id), eq(establishments.status, published)))
    .where(and(eq(certifications.status, published), eq(products.status, published), where))
    .orderBy(desc(certifications.roundYear), desc(certifications.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  const issuerName = await issuerNamesOf(
    db,
    rows.map((r) => r.c),
  );
  return rows.map(({ c, provinceName, provinceSlug, currentProvinceName, currentProvinceSlug, productSlug, productName, ...joined }) => ({
    id: c.id,
    level: c.level,
    region: (c.regionCode as RegionCode | null) ?? null,
    roundYear: c.roundYear,
    decisionNo: c.decisionNo ?? joined.decisionNumber,
    // The certification's own date wins; else the date its decision record carries.
    decisionDate: c.decisionDate ?? joined.decisionDate,
    certificateNo: c.certificateNo,
    registryCode: c.registryCode,
    score: c.score,
    awardTier: c.awardTier,
    validUntil: c.validUntil,
    revokedAt: c.revokedAt,
    provinceName,
    currentProvinceName: currentProvinceName ?? provinceName,
    currentProvinceSlug: currentProvinceSlug ?? provinceSlug,
    issuerName: issuerName(c),
    issuerNameEn: issuerName(c, 'nameEn'),
    sourceUrl: c.sourceUrl,
    productSlug,
    productName,
    productNameEn: joined.productNameEn,
    decision: joined.decisionSlug && joined.decisionNumber ? { slug: joined.decisionSlug, number: joined.decisionNumber } : null,
    establishment:
      joined.establishmentSlug && joined.establishmentName
        ? { slug: joined.establishmentSlug, name: joined.establishmentName, nameEn: joined.establishmentNameEn }
        : null,
    updatedAt: c.updatedAt,
  }));
}

/** The newest certifications, newest round first. */
export function listNewestCertifications(db: DbOrTx, limit: number): Promise<CertificationView[]> {
  return selectCertifications(db, undefined, limit);
}

/** A product page's data: the product, its set items, group, establishment and every certification. */
export async function getProductBySlug(db: DbOrTx, slug: string) {
  const current = alias(provinces, 'current_province');
  const [row] = await db
    .select({
      product: products,
      group: productGroups,
      establishment: establishments,
      provinceName: provinces.name,
      currentProvinceName: current.name,
    })
    .from(products)
    .leftJoin(productGroups, eq(products.groupId, productGroups.id))
    .leftJoin(establishments, eq(products.establishmentId, establishments.id))
    .leftJoin(provinces, eq(establishments.provinceId, provinces.id))
    .leftJoin(current, eq(provinces.successorId, current.id))
    .where(and(eq(products.slug, slug), eq(products.status, published)))
    .limit(1);
  if (!row) return null;
  const items = await db
    .select({ name: productSetItems.name })
    .from(productSetItems)
    .where(eq(productSetItems.productId, row.product.id))
    .orderBy(asc(productSetItems.position));
  const certs = await selectCertifications(db, eq(certifications.productId, row.product.id));
  return {
    ...row,
    currentProvinceName: row.currentProvinceName ?? row.provinceName,
    setItems: items.map((i) => i.name),
    certifications: certs,
  };
}

/** Slugs of every published product, for prerendering. */
export async function listProductSlugs(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ slug: products.slug }).from(products).where(eq(products.status, published)).orderBy(asc(products.slug));
  return rows.map((r) => r.slug);
}

/** The published certification with a registry code (canonical form), or null. */
export async function getCertificationByCode(db: DbOrTx, code: string): Promise<CertificationView | null> {
  const [found] = await selectCertifications(db, eq(certifications.registryCode, code), 1);
  return found ?? null;
}

/** Registry codes of every published certification, for prerendering /verify/<code>/. */
export async function listRegistryCodes(db: DbOrTx): Promise<string[]> {
  const rows = await selectCertifications(db, undefined);
  return rows.map((r) => r.registryCode);
}
