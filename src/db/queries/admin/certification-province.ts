/**
 * What the certification form reads about provinces (#20.4): the province of a product's establishment (to
 * prefill "province when certified") and a province's regions (to check it against a regional level).
 */
import { eq } from 'drizzle-orm';
import type { ProvinceRegions } from '#domain/admin/certification-province.ts';
import type { DbOrTx } from '#db/client.ts';
import { establishments, products, provinces } from '#db/schema/index.ts';

/** The province of the establishment that makes a product; null when the product or its establishment has none. */
export async function provinceOfProduct(db: DbOrTx, productId: number): Promise<number | null> {
  const [row] = await db
    .select({ provinceId: establishments.provinceId })
    .from(products)
    .innerJoin(establishments, eq(products.establishmentId, establishments.id))
    .where(eq(products.id, productId));
  return row?.provinceId ?? null;
}

/** A province's name, own region and the regions of the old units merged into it; null when there is none. */
export async function provinceRegions(db: DbOrTx, provinceId: number): Promise<ProvinceRegions | null> {
  const [row] = await db
    .select({ name: provinces.name, regionCode: provinces.regionCode })
    .from(provinces)
    .where(eq(provinces.id, provinceId));
  if (!row) return null;
  const merged = await db.select({ regionCode: provinces.regionCode }).from(provinces).where(eq(provinces.successorId, provinceId));
  return { name: row.name, regionCode: row.regionCode, predecessorRegions: merged.map((m) => m.regionCode) };
}
