import { and, eq } from 'drizzle-orm';
import { inferFairLevel, parseBoothCount } from '../../domain/fairs.ts';
import { slugify, uniqueSlug } from '../../domain/slug.ts';
import { normalizeText } from '../../domain/text.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { DbOrTx } from '../client.ts';
import { fairExhibitorProducts, fairExhibitors, fairs } from '../schema/index.ts';

/** A fair as the seed file (db/seed/fairs.csv) writes it. */
export type FairSeedRow = Record<
  'name' | 'start_date' | 'end_date' | 'city' | 'venue' | 'organiser' | 'booths' | 'exhibitors' | 'source_url',
  string
>;

/** Adds the fairs whose name is not yet recorded; returns how many were added. */
export async function addSeedFairs(db: DbOrTx, rows: readonly FairSeedRow[], actor: Actor): Promise<number> {
  let added = 0;
  for (const row of rows) {
    const name = normalizeText(row.name);
    const [existing] = await db.select({ id: fairs.id }).from(fairs).where(eq(fairs.name, name)).limit(1);
    if (existing) continue;
    const taken = new Set((await db.select({ slug: fairs.slug }).from(fairs)).map((f) => f.slug));
    const level = inferFairLevel(name);
    const booths = parseBoothCount(row.booths);
    const exhibitors = parseBoothCount(row.exhibitors);
    const [created] = await db
      .insert(fairs)
      .values({
        slug: uniqueSlug(slugify(name), (s) => taken.has(s)),
        name,
        level: level?.level ?? null,
        regionCode: level?.region ?? null,
        startDate: row.start_date || null,
        endDate: row.end_date || null,
        city: row.city || null,
        venue: row.venue || null,
        organiserText: row.organiser || null,
        boothCount: booths?.count ?? null,
        boothCountIsMinimum: booths?.isMinimum ?? false,
        exhibitorCount: exhibitors?.count ?? null,
        sourceUrl: row.source_url || null,
      })
      .returning();
    await recordAudit(db, actor, { action: 'create', entity: 'fairs', entityId: created!.id, after: created });
    added++;
  }
  return added;
}

/** Published fairs, newest first, for the home page and product pages. */
export async function listFairs(db: DbOrTx) {
  const rows = await db.select().from(fairs).where(eq(fairs.status, 'published'));
  const when = (f: (typeof rows)[number]) => f.startDate ?? f.endDate ?? '';
  return rows.sort((a, b) => when(b).localeCompare(when(a)));
}

/** The fairs at which a product was shown by its exhibitor. */
export async function listFairsShowingProduct(db: DbOrTx, productId: number) {
  return db
    .selectDistinct({
      slug: fairs.slug,
      name: fairs.name,
      startDate: fairs.startDate,
      endDate: fairs.endDate,
      city: fairs.city,
      boothCode: fairExhibitors.boothCode,
    })
    .from(fairExhibitorProducts)
    .innerJoin(fairExhibitors, eq(fairExhibitorProducts.exhibitorId, fairExhibitors.id))
    .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id))
    .where(and(eq(fairExhibitorProducts.productId, productId), eq(fairs.status, 'published')));
}
