import { alias } from 'drizzle-orm/sqlite-core';
import { and, asc, count, eq } from 'drizzle-orm';
import { compareVietnamese } from '#domain/listing.ts';
import type { DbOrTx } from '#db/client.ts';
import { establishments, products, provinces } from '#db/schema/index.ts';

const published = 'published' as const;

async function selectEstablishments(db: DbOrTx, slug?: string) {
  const current = alias(provinces, 'current_province');
  return db
    .select({ e: establishments, provinceName: provinces.name, currentProvinceName: current.name })
    .from(establishments)
    .leftJoin(provinces, eq(establishments.provinceId, provinces.id))
    .leftJoin(current, eq(provinces.successorId, current.id))
    .where(
      slug === undefined ? eq(establishments.status, published) : and(eq(establishments.status, published), eq(establishments.slug, slug)),
    );
}

/** Every published establishment with its province (as registered and now) and product count, by name. */
export async function listProducers(db: DbOrTx) {
  const rows = await selectEstablishments(db);
  const counts = await db
    .select({ id: products.establishmentId, n: count() })
    .from(products)
    .where(eq(products.status, published))
    .groupBy(products.establishmentId);
  const countOf = new Map(counts.map((c) => [c.id, c.n]));
  return rows
    .map(({ e, provinceName, currentProvinceName }) => ({
      slug: e.slug,
      name: e.name,
      nameEn: e.nameEn,
      legalForm: e.legalForm,
      provinceName,
      currentProvinceName: currentProvinceName ?? provinceName,
      productCount: countOf.get(e.id) ?? 0,
    }))
    .filter((p) => p.productCount > 0)
    .sort((a, b) => compareVietnamese(a.name, b.name));
}

/** One establishment with its contacts and the slugs of its published products. */
export async function getProducerBySlug(db: DbOrTx, slug: string) {
  const [row] = await selectEstablishments(db, slug);
  if (!row) return null;
  const own = await db
    .select({ slug: products.slug })
    .from(products)
    .where(and(eq(products.establishmentId, row.e.id), eq(products.status, published)))
    .orderBy(asc(products.name));
  return {
    ...row.e,
    provinceName: row.provinceName,
    currentProvinceName: row.currentProvinceName ?? row.provinceName,
    productSlugs: own.map((p) => p.slug),
  };
}
