import { eq } from 'drizzle-orm';
import type { CertificationLevel } from '#domain/levels.ts';
import { provincialCommitteeName } from '#domain/provinces.ts';
import type { DbOrTx } from '#db/client.ts';
import { organisationNames, organisations } from '#db/schema/index.ts';
import type { StoredProvinceUnit } from './provinces.ts';

/** The organisation slug that runs rounds at each level (DOMAIN.md "Levels of certification"). */
const ISSUER_SLUG: Partial<Record<CertificationLevel, string>> = {
  national: 'bo-cong-thuong',
  regional: 'cuc-khuyen-cong',
};

/**
 * The issuing body for a certification: the ministry, its department, or the provincial People's
 * Committee of the province at certification (created on first use). District and commune
 * committees are not known from a list and stay empty.
 */
export async function issuerFor(db: DbOrTx, level: CertificationLevel, province: StoredProvinceUnit): Promise<number | null> {
  const slug = level === 'provincial' ? `ubnd-${province.era === 'pre2025' ? 'tinh-cu' : 'tinh'}-${province.slug}` : ISSUER_SLUG[level];
  if (!slug) return null;
  const [found] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).limit(1);
  if (found) return found.id;
  if (level !== 'provincial') throw new Error(`organisation ${slug} is missing from the reference data`);
  const [created] = await db
    .insert(organisations)
    .values({ slug, kind: 'provincial_committee', provinceId: province.id })
    .returning({ id: organisations.id });
  await db.insert(organisationNames).values({ organisationId: created!.id, name: provincialCommitteeName(province) });
  return created!.id;
}
