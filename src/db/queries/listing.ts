import { eq } from 'drizzle-orm';
import { levelFacet, type CatalogueItem } from '#domain/listing.ts';
import { highestCertification } from '#domain/certification-display.ts';
import { certificationStatus } from '#domain/validity.ts';
import type { DbOrTx } from '#db/client.ts';
import { establishments, productGroups, products } from '#db/schema/index.ts';
import { selectCertifications } from './product-records.ts';

const STATUS_RANK = { valid: 0, expired: 1, revoked: 2 } as const;

/** A current province as the catalogue's province facet shows it, with the old names its records carry. */
export interface CatalogueProvince {
  slug: string;
  name: string;
  oldNames: string[];
}

/** Every published product with at least one published certification, as the catalogue lists it. */
export async function listCatalogueItems(db: DbOrTx, today: string): Promise<{ items: CatalogueItem[]; provinces: CatalogueProvince[] }> {
  const rows = await db
    .select({
      slug: products.slug,
      name: products.name,
      nameEn: products.nameEn,
      kind: products.kind,
      group: productGroups.code,
      establishmentName: establishments.name,
      establishmentNameEn: establishments.nameEn,
    })
    .from(products)
    .leftJoin(productGroups, eq(products.groupId, productGroups.id))
    .leftJoin(establishments, eq(products.establishmentId, establishments.id))
    .where(eq(products.status, 'published'));
  const certs = await selectCertifications(db, undefined);
  const bySlug = Map.groupBy(certs, (c) => c.productSlug);
  const provinces = new Map<string, CatalogueProvince>();
  for (const c of certs) {
    const entry = provinces.get(c.currentProvinceSlug) ?? { slug: c.currentProvinceSlug, name: c.currentProvinceName, oldNames: [] };
    if (!entry.oldNames.includes(c.provinceName)) entry.oldNames.push(c.provinceName);
    provinces.set(c.currentProvinceSlug, entry);
  }
  const items = rows.flatMap((p): CatalogueItem[] => {
    const own = bySlug.get(p.slug) ?? [];
    const newest = own[0];
    const top = highestCertification(own);
    if (!newest || !top) return [];
    const certs = own.map((c) => ({ level: levelFacet(c.level, c.region), year: c.roundYear, status: certificationStatus(c, today) }));
    return [
      {
        slug: p.slug,
        name: p.name,
        kind: p.kind,
        group: p.group ?? null,
        establishmentName: p.establishmentName,
        nameEn: p.nameEn,
        establishmentNameEn: p.establishmentNameEn,
        provinceName: newest.provinceName,
        currentProvinceSlug: newest.currentProvinceSlug,
        currentProvinceName: newest.currentProvinceName,
        certs,
        status: certs.map((c) => c.status).sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b])[0]!,
        newestYear: newest.roundYear,
        topLevel: levelFacet(top.level, top.region),
        certificationCount: own.length,
      },
    ];
  });
  return { items, provinces: [...provinces.values()] };
}
