import { and, count, eq } from 'drizzle-orm';
import type { CertificationLevel, RegionCode } from '#domain/levels.ts';
import type { DbOrTx } from '#db/client.ts';
import { certifications, products } from '#db/schema/index.ts';

/**
 * The rounds (year, level, region) the public site holds certifications of, with how many: what the home
 * page's latest round and each official round's share are drawn from.
 */
export async function listCertificationRounds(
  db: DbOrTx,
): Promise<{ year: number; level: CertificationLevel; region: RegionCode | null; certifications: number }[]> {
  const rows = await db
    .select({
      year: certifications.roundYear,
      level: certifications.level,
      region: certifications.regionCode,
      certifications: count(),
    })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id))
    .where(and(eq(certifications.status, 'published'), eq(products.status, 'published')))
    .groupBy(certifications.roundYear, certifications.level, certifications.regionCode);
  return rows.map((r) => ({ ...r, region: (r.region as RegionCode | null) ?? null }));
}
