import { and, eq, isNotNull } from 'drizzle-orm';
import { inferFairLevel, parseBoothCount } from '#domain/fairs.ts';
import { slugify, uniqueSlug } from '#domain/slug.ts';
import { normalizeText } from '#domain/text.ts';
import { recordAudit, type Actor } from '#db/audit.ts';
import type { DbOrTx } from '#db/client.ts';
import { auditLog, fairs, slugRedirects } from '#db/schema/index.ts';

/** A fair as the seed file (db/seed/fairs.csv) writes it; `note` is absent from seeds older than #16. */
export type FairSeedRow = Record<
  'name' | 'start_date' | 'end_date' | 'city' | 'venue' | 'organiser' | 'booths' | 'exhibitors' | 'source_url',
  string
> & { note?: string };

export interface FairSeedOutcome {
  added: number;
  /** Fairs the seed renamed or corrected in place (matched by their source address). */
  updated: number;
}

/** The columns a seed row decides, slug aside. */
function seedValues(row: FairSeedRow) {
  const name = normalizeText(row.name);
  const note = row.note ? normalizeText(row.note) : null;
  // An older name carried the level ("… kèm Lễ tôn vinh … cấp quốc gia"); the clean name leaves it to the note.
  const level = inferFairLevel(name) ?? (note ? inferFairLevel(note) : null);
  const booths = parseBoothCount(row.booths);
  const exhibitors = parseBoothCount(row.exhibitors);
  return {
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
    note,
  };
}

type SeedValues = ReturnType<typeof seedValues>;
type FairRow = typeof fairs.$inferSelect;

/** True when a person (not the seed or an import) has changed the fair: the seed then leaves it alone. */
async function isEditedByStaff(db: DbOrTx, fairId: number): Promise<boolean> {
  const [edit] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'fairs'), eq(auditLog.entityId, fairId), isNotNull(auditLog.actorUserId)))
    .limit(1);
  return edit !== undefined;
}

/** The fields where the recorded fair differs from the seed's row. */
function differences(fair: FairRow, values: SeedValues): Partial<SeedValues> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (fair[key as keyof FairRow] !== value) changed[key] = value;
  return changed;
}

/**
 * Brings a fair recorded by an older seed up to the current seed row: renamed in place (a new slug made
 * from the new name, the old slug kept in slug_redirects so its URLs redirect), dates and note corrected.
 */
async function updateSeedFair(db: DbOrTx, fair: FairRow, values: SeedValues, actor: Actor): Promise<boolean> {
  const changed = differences(fair, values);
  if (Object.keys(changed).length === 0) return false;
  let slug = fair.slug;
  if (changed.name !== undefined) {
    const taken = new Set((await db.select({ slug: fairs.slug }).from(fairs)).map((f) => f.slug));
    taken.delete(fair.slug);
    slug = uniqueSlug(slugify(values.name), (s) => taken.has(s));
  }
  const [after] = await db
    .update(fairs)
    .set({ ...changed, slug, version: fair.version + 1, updatedAt: new Date().toISOString() })
    .where(eq(fairs.id, fair.id))
    .returning();
  if (slug !== fair.slug) {
    await db.insert(slugRedirects).values({ entity: 'fair', oldSlug: fair.slug, entityId: fair.id }).onConflictDoNothing();
    // A slug that once redirected and now names this fair again must not redirect any more.
    await db.delete(slugRedirects).where(and(eq(slugRedirects.entity, 'fair'), eq(slugRedirects.oldSlug, slug)));
  }
  await recordAudit(db, actor, { action: 'update', entity: 'fairs', entityId: fair.id, before: fair, after });
  return true;
}

/**
 * Loads the seed's fairs: adds those not yet recorded, and updates in place those an older seed recorded
 * under another name or with other facts (matched by name, else by source address), unless staff have edited
 * them since. Safe to run twice: the second run changes nothing.
 */
export async function applySeedFairs(db: DbOrTx, rows: readonly FairSeedRow[], actor: Actor): Promise<FairSeedOutcome> {
  const outcome: FairSeedOutcome = { added: 0, updated: 0 };
  for (const row of rows) {
    const values = seedValues(row);
    const [byName] = await db.select().from(fairs).where(eq(fairs.name, values.name)).limit(1);
    const [bySource] =
      byName || !values.sourceUrl ? [] : await db.select().from(fairs).where(eq(fairs.sourceUrl, values.sourceUrl)).limit(1);
    const existing = byName ?? bySource;
    if (existing) {
      if (!(await isEditedByStaff(db, existing.id)) && (await updateSeedFair(db, existing, values, actor))) outcome.updated++;
      continue;
    }
    const taken = new Set((await db.select({ slug: fairs.slug }).from(fairs)).map((f) => f.slug));
    const [created] = await db
      .insert(fairs)
      .values({ ...values, slug: uniqueSlug(slugify(values.name), (s) => taken.has(s)) })
      .returning();
    await recordAudit(db, actor, { action: 'create', entity: 'fairs', entityId: created!.id, after: created });
    outcome.added++;
  }
  return outcome;
}
