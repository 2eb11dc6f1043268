/** What a staff record page lists beside its form: a producer's products, a product's certificates, a fair's exhibitors. */
import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '#db/client.ts';
import { certifications, establishments, fairExhibitors, fairs, products, provinces } from '#db/schema/index.ts';

export async function productsOfEstablishment(db: DbOrTx, establishmentId: number) {
  return db
    .select({ id: products.id, name: products.name, status: products.status, kind: products.kind })
    .from(products)
    .where(eq(products.establishmentId, establishmentId))
    .orderBy(asc(products.name));
}

export async function certificationsOfProduct(db: DbOrTx, productId: number) {
  return db
    .select({
      id: certifications.id,
      level: certifications.level,
      regionCode: certifications.regionCode,
      roundYear: certifications.roundYear,
      registryCode: certifications.registryCode,
      decisionNo: certifications.decisionNo,
      status: certifications.status,
      revokedAt: certifications.revokedAt,
      province: provinces.name,
    })
    .from(certifications)
    .leftJoin(provinces, eq(certifications.provinceId, provinces.id))
    .where(eq(certifications.productId, productId))
    .orderBy(desc(certifications.roundYear), asc(certifications.id));
}

export async function exhibitorsOfFair(db: DbOrTx, fairId: number) {
  return db
    .select({
      id: fairExhibitors.id,
      name: establishments.name,
      boothCode: fairExhibitors.boothCode,
      hall: fairExhibitors.hall,
      status: fairExhibitors.status,
      isSample: fairExhibitors.isSample,
    })
    .from(fairExhibitors)
    .innerJoin(establishments, eq(fairExhibitors.establishmentId, establishments.id))
    .where(eq(fairExhibitors.fairId, fairId))
    .orderBy(asc(fairExhibitors.boothCode), asc(establishments.name));
}

export async function fairsOfEstablishment(db: DbOrTx, establishmentId: number) {
  return db
    .select({ id: fairExhibitors.id, fair: fairs.name, boothCode: fairExhibitors.boothCode })
    .from(fairExhibitors)
    .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id))
    .where(eq(fairExhibitors.establishmentId, establishmentId))
    .orderBy(desc(fairs.startDate));
}

/** The establishment and product a certification or product belongs to, for links back. */
export async function productOwner(db: DbOrTx, productId: number) {
  const [row] = await db
    .select({ productId: products.id, product: products.name, establishmentId: establishments.id, establishment: establishments.name })
    .from(products)
    .leftJoin(establishments, eq(products.establishmentId, establishments.id))
    .where(eq(products.id, productId));
  return row ?? null;
}
