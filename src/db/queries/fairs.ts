import { and, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '#db/client.ts';
import { establishments, fairExhibitorProducts, fairExhibitors, fairs, products, provinces } from '#db/schema/index.ts';

/** Published fairs, newest first, for the home page and product pages. */
export async function listFairs(db: DbOrTx) {
  const rows = await db.select().from(fairs).where(eq(fairs.status, 'published'));
  const when = (f: (typeof rows)[number]) => f.startDate ?? f.endDate ?? '';
  return rows.sort((a, b) => when(b).localeCompare(when(a)));
}

/** What product and producer pages show of a fair they appeared at. */
const appearance = {
  slug: fairs.slug,
  name: fairs.name,
  nameEn: fairs.nameEn,
  startDate: fairs.startDate,
  endDate: fairs.endDate,
  city: fairs.city,
  boothCode: fairExhibitors.boothCode,
  isSample: fairExhibitors.isSample,
};

/** The fairs at which a product was shown by its exhibitor. */
export async function listFairsShowingProduct(db: DbOrTx, productId: number) {
  return db
    .selectDistinct(appearance)
    .from(fairExhibitorProducts)
    .innerJoin(fairExhibitors, eq(fairExhibitorProducts.exhibitorId, fairExhibitors.id))
    .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id))
    .where(and(eq(fairExhibitorProducts.productId, productId), eq(fairs.status, 'published'), eq(fairExhibitors.status, 'published')));
}

/** A published fair by slug, or null. */
export async function getFairBySlug(db: DbOrTx, slug: string) {
  const [fair] = await db
    .select()
    .from(fairs)
    .where(and(eq(fairs.slug, slug), eq(fairs.status, 'published')))
    .limit(1);
  return fair ?? null;
}

/**
 * A fair's published exhibitors with their establishment, its province (as registered and the current
 * one), booth, plan position and the slugs of the published products shown.
 */
export async function listFairExhibitors(db: DbOrTx, fairId: number) {
  const current = alias(provinces, 'current_province');
  const rows = await db
    .select({
      x: fairExhibitors,
      e: establishments,
      provinceName: provinces.name,
      provinceSlug: provinces.slug,
      currentProvinceName: current.name,
      currentProvinceSlug: current.slug,
    })
    .from(fairExhibitors)
    .innerJoin(establishments, eq(fairExhibitors.establishmentId, establishments.id))
    .leftJoin(provinces, eq(establishments.provinceId, provinces.id))
    .leftJoin(current, eq(provinces.successorId, current.id))
    .where(and(eq(fairExhibitors.fairId, fairId), eq(fairExhibitors.status, 'published'), eq(establishments.status, 'published')));
  const shown = await db
    .select({ exhibitorId: fairExhibitorProducts.exhibitorId, slug: products.slug })
    .from(fairExhibitorProducts)
    .innerJoin(fairExhibitors, eq(fairExhibitorProducts.exhibitorId, fairExhibitors.id))
    .innerJoin(products, eq(fairExhibitorProducts.productId, products.id))
    .where(and(eq(fairExhibitors.fairId, fairId), eq(products.status, 'published')));
  const slugsOf = new Map<number, string[]>();
  for (const s of shown) slugsOf.set(s.exhibitorId, [...(slugsOf.get(s.exhibitorId) ?? []), s.slug]);
  return rows.map(({ x, e, provinceName, provinceSlug, currentProvinceName, currentProvinceSlug }) => ({
    id: x.id,
    booth: x.boothCode,
    hall: x.hall,
    isSample: x.isSample,
    plan:
      x.planX !== null && x.planY !== null && x.planW !== null && x.planH !== null
        ? { x: x.planX, y: x.planY, w: x.planW, h: x.planH }
        : null,
    producerSlug: e.slug,
    name: e.name,
    address: e.address,
    phone: e.phone,
    email: e.email,
    website: e.website,
    provinceName,
    currentProvinceName: currentProvinceName ?? provinceName,
    currentProvinceSlug: currentProvinceSlug ?? provinceSlug,
    productSlugs: slugsOf.get(x.id) ?? [],
  }));
}

/** How many published exhibitors each fair has, by fair id. */
export async function countFairExhibitors(db: DbOrTx): Promise<Map<number, { exhibitors: number; samples: number }>> {
  const rows = await db
    .select({ fairId: fairExhibitors.fairId, isSample: fairExhibitors.isSample, n: count() })
    .from(fairExhibitors)
    .where(eq(fairExhibitors.status, 'published'))
    .groupBy(fairExhibitors.fairId, fairExhibitors.isSample);
  const counts = new Map<number, { exhibitors: number; samples: number }>();
  for (const r of rows) {
    const c = counts.get(r.fairId) ?? { exhibitors: 0, samples: 0 };
    c.exhibitors += r.n;
    if (r.isSample) c.samples += r.n;
    counts.set(r.fairId, c);
  }
  return counts;
}

/** The fairs at which an establishment exhibited, newest first, with its booth. */
export async function listFairsOfEstablishment(db: DbOrTx, establishmentId: number) {
  const rows = await db
    .select(appearance)
    .from(fairExhibitors)
    .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id))
    .where(and(eq(fairExhibitors.establishmentId, establishmentId), eq(fairs.status, 'published'), eq(fairExhibitors.status, 'published')));
  const when = (f: (typeof rows)[number]) => f.startDate ?? f.endDate ?? '';
  return rows.sort((a, b) => when(b).localeCompare(when(a)));
}
