import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { OfficialListRecord } from '#domain/export/official-list.ts';
import type { RegionCode } from '#domain/levels.ts';
import type { DbOrTx } from '#db/client.ts';
import { certifications, establishments, productGroups, products, provinces } from '#db/schema/index.ts';

/**
 * Certifications as an official list writes them (src/domain/export/official-list.ts), in the order they
 * were recorded: with their product, establishment, group, and the province as certified and its current
 * unit. `publishedOnly` keeps what the public site shows (the certification and its product published).
 */
export async function listCertificationsForExport(
  db: DbOrTx,
  options: { publishedOnly: boolean },
): Promise<(OfficialListRecord & { id: number })[]> {
  const current = alias(provinces, 'current_province');
  const rows = await db
    .select({
      c: certifications,
      productName: products.name,
      productNameEn: products.nameEn,
      establishmentName: establishments.name,
      establishmentNameEn: establishments.nameEn,
      group: productGroups.code,
      province: provinces.name,
      currentProvince: current.name,
    })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id))
    .leftJoin(establishments, eq(products.establishmentId, establishments.id))
    .leftJoin(productGroups, eq(products.groupId, productGroups.id))
    .innerJoin(provinces, eq(certifications.provinceId, provinces.id))
    .leftJoin(current, eq(provinces.successorId, current.id))
    .where(options.publishedOnly ? and(eq(certifications.status, 'published'), eq(products.status, 'published')) : undefined)
    .orderBy(asc(certifications.id));
  return rows.map(({ c, productName, productNameEn, establishmentName, establishmentNameEn, group, province, currentProvince }) => ({
    id: c.id,
    productName,
    productNameEn,
    establishmentNameEn,
    productNameAsPublished: c.productNameAsPublished,
    establishmentName,
    producerNameAsPublished: c.producerNameAsPublished,
    province,
    currentProvince: currentProvince ?? province,
    group,
    level: { level: c.level, region: (c.regionCode as RegionCode | null) ?? null },
    year: c.roundYear,
    decisionNo: c.decisionNo,
    certificateNo: c.certificateNo,
    score: c.score,
    sourceUrl: c.sourceUrl,
    importKey: c.importKey,
  }));
}
