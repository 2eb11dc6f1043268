import { and, eq } from 'drizzle-orm';
import type { CertificationLevel, RegionCode } from '../../domain/levels.ts';
import type { DbOrTx } from '../client.ts';
import { certifications, products } from '../schema/index.ts';

/** The rounds (year, level, region) the public site holds a certification of: what the home page's latest round is drawn from. */
export async function listCertificationRounds(
  db: DbOrTx,
): Promise<{ year: number; level: CertificationLevel; region: RegionCode | null }[]> {
  const rows = await db
    .selectDistinct({ year: certifications.roundYear, level: certifications.level, region: certifications.regionCode })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id))
    .where(and(eq(certifications.status, 'published'), eq(products.status, 'published')));
  return rows.map((r) => ({ ...r, region: (r.region as RegionCode | null) ?? null }));
}
