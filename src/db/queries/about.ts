import { and, count, countDistinct, eq, inArray, isNotNull, max, min, sum } from 'drizzle-orm';
import type { Round } from '#domain/about/completeness.ts';
import type { DbOrTx } from '#db/client.ts';
import { certifications, decisions, products } from '#db/schema/index.ts';

const ROUND_LEVELS = ['national', 'regional'] as const;

/** What the About page says of the data: totals over the published certifications. */
export async function getRegistryTotals(db: DbOrTx) {
  const [row] = await db
    .select({
      certifications: count(),
      products: countDistinct(certifications.productId),
      establishments: countDistinct(products.establishmentId),
      provinces: countDistinct(certifications.provinceId),
      sources: countDistinct(certifications.sourceUrl),
      firstYear: min(certifications.roundYear),
      lastYear: max(certifications.roundYear),
    })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id))
    .where(and(eq(certifications.status, 'published'), eq(products.status, 'published')));
  return row!;
}

/** Published certifications of each national and regional round. */
export async function countCertificationsByRound(db: DbOrTx): Promise<(Round & { n: number })[]> {
  const rows = await db
    .select({ level: certifications.level, region: certifications.regionCode, year: certifications.roundYear, n: count() })
    .from(certifications)
    .where(and(eq(certifications.status, 'published'), inArray(certifications.level, [...ROUND_LEVELS])))
    .groupBy(certifications.level, certifications.regionCode, certifications.roundYear);
  return rows.map((r) => ({ ...r, level: r.level as Round['level'], region: r.region as Round['region'] }));
}

/** How many products each national and regional round certified, as its published decisions say. */
export async function sumRoundSizes(db: DbOrTx): Promise<(Round & { n: number })[]> {
  const rows = await db
    .select({
      level: decisions.level,
      region: decisions.regionCode,
      year: decisions.roundYear,
      n: sum(decisions.productsCertified).mapWith(Number),
    })
    .from(decisions)
    .where(and(eq(decisions.status, 'published'), isNotNull(decisions.productsCertified), inArray(decisions.level, [...ROUND_LEVELS])))
    .groupBy(decisions.level, decisions.regionCode, decisions.roundYear);
  return rows.map((r) => ({ ...r, level: r.level as Round['level'], region: r.region as Round['region'] }));
}
