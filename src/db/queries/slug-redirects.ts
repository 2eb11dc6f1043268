import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '#db/client.ts';
import { fairs, slugRedirects } from '#db/schema/index.ts';

/** The old slugs of published fairs with the slug each now has, for the permanent redirects of a build. */
export async function listFairSlugRedirects(db: DbOrTx): Promise<{ oldSlug: string; slug: string }[]> {
  const rows = await db
    .select({ oldSlug: slugRedirects.oldSlug, slug: fairs.slug })
    .from(slugRedirects)
    .innerJoin(fairs, eq(slugRedirects.entityId, fairs.id))
    .where(and(eq(slugRedirects.entity, 'fair'), eq(fairs.status, 'published')));
  // A slug that was given back to a fair is that fair's page, not a redirect.
  return rows.filter((r) => r.oldSlug !== r.slug).sort((a, b) => a.oldSlug.localeCompare(b.oldSlug));
}
