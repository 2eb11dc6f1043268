/**
 * What the statistics pages count (issue #9), read as plain rows. Certifications are chosen exactly as the
 * catalogue chooses them (selectCertifications: the certification and its product published), so the
 * figures agree with /products/; exhibitors as the fair pages list them (published rows of published
 * establishments), with demonstration rows counted apart.
 */
import { and, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ProductGroupCode } from '#domain/groups.ts';
import type { CertificationLevel, RegionCode } from '#domain/levels.ts';
import type { DbOrTx } from '#db/client.ts';
import { certifications, establishments, fairExhibitors, fairs, productGroups, products, provinces } from '#db/schema/index.ts';

const published = 'published' as const;

export interface StatsCertificationRow {
  productId: number;
  level: CertificationLevel;
  regionCode: RegionCode | null;
  roundYear: number;
  group: ProductGroupCode | null;
  validUntil: string | null;
  revokedAt: string | null;
  provinceName: string;
  provinceRegion: RegionCode | null;
  /** The successor for an old unit, null for a current one (then the province is its own current unit). */
  currentSlug: string | null;
  currentName: string | null;
  currentRegion: RegionCode | null;
  provinceSlug: string;
}

/** Every published certification of a published product with its group and its province then and now. */
export async function listStatsCertifications(db: DbOrTx): Promise<StatsCertificationRow[]> {
  const current = alias(provinces, 'current_province');
  const rows = await db
    .select({
      productId: certifications.productId,
      level: certifications.level,
      regionCode: certifications.regionCode,
      roundYear: certifications.roundYear,
      group: productGroups.code,
      validUntil: certifications.validUntil,
      revokedAt: certifications.revokedAt,
      provinceName: provinces.name,
      provinceSlug: provinces.slug,
      provinceRegion: provinces.regionCode,
      currentSlug: current.slug,
      currentName: current.name,
      currentRegion: current.regionCode,
    })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id))
    .innerJoin(provinces, eq(certifications.provinceId, provinces.id))
    .leftJoin(current, eq(provinces.successorId, current.id))
    .leftJoin(productGroups, eq(products.groupId, productGroups.id))
    .where(and(eq(certifications.status, published), eq(products.status, published)));
  return rows.map((r) => ({
    ...r,
    regionCode: r.regionCode as RegionCode | null,
    provinceRegion: r.provinceRegion as RegionCode | null,
    currentRegion: r.currentRegion as RegionCode | null,
  }));
}

/** Every unit of both eras with its region and, for an old unit, the current unit it became part of. */
export async function listStatsProvinceUnits(db: DbOrTx) {
  const current = alias(provinces, 'current_province');
  const rows = await db
    .select({
      slug: provinces.slug,
      name: provinces.name,
      era: provinces.era,
      regionCode: provinces.regionCode,
      successorSlug: current.slug,
      successorRegion: current.regionCode,
    })
    .from(provinces)
    .leftJoin(current, eq(provinces.successorId, current.id));
  return rows.map((r) => ({
    ...r,
    regionCode: r.regionCode as RegionCode | null,
    successorRegion: r.successorRegion as RegionCode | null,
  }));
}

/** Published fairs with their published exhibitors (of published establishments): real rows and sample rows. */
export async function listStatsFairs(db: DbOrTx) {
  const fairRows = await db.select().from(fairs).where(eq(fairs.status, published));
  const counts = await db
    .select({ fairId: fairExhibitors.fairId, isSample: fairExhibitors.isSample, n: count() })
    .from(fairExhibitors)
    .innerJoin(establishments, eq(fairExhibitors.establishmentId, establishments.id))
    .where(and(eq(fairExhibitors.status, published), eq(establishments.status, published)))
    .groupBy(fairExhibitors.fairId, fairExhibitors.isSample);
  const of = (fairId: number, isSample: boolean) => counts.find((c) => c.fairId === fairId && c.isSample === isSample)?.n ?? 0;
  return fairRows.map((fair) => ({ fair, exhibitorsListed: of(fair.id, false), sampleExhibitors: of(fair.id, true) }));
}
