/**
 * Storing recognition decisions: the seed's decisions.csv (matched by import key, so a re-seed changes
 * nothing unchanged and never duplicates) and the lookups the importer links certifications by.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { issuerKey, issuerProvinceName, type DecisionInput } from '#domain/decision-records.ts';
import { slugForDecision } from '#domain/decision-slug.ts';
import { resolveProvince } from '#domain/provinces.ts';
import { recordAudit, type Actor } from '#db/audit.ts';
import type { DbOrTx } from '#db/client.ts';
import { decisions, organisationNames, organisations, provinces, type Decision } from '#db/schema/index.ts';
import { issuerFor } from './organisations.ts';
import { listProvinceUnits } from './provinces.ts';

/** A stored decision as the importer matches it: with the current province of its issuer, when known. */
export interface DecisionForLinking {
  id: number;
  numberKey: string;
  level: Decision['level'];
  regionCode: string | null;
  roundYear: number;
  /** The seed's or import's identity of the decision (an import-created local decision's carries "@p<province id>"). */
  importKey: string | null;
  /** The current province of the issuing committee (a merged old province counts as its successor); null when unknown. */
  issuerCurrentProvinceId: number | null;
}

/** The decisions with one of these number keys, for the importer to link rows to. */
export async function listDecisionsByNumberKeys(db: DbOrTx, keys: readonly string[]): Promise<DecisionForLinking[]> {
  if (keys.length === 0) return [];
  const province = alias(provinces, 'issuer_province');
  const rows = await db
    .select({
      id: decisions.id,
      numberKey: decisions.numberKey,
      level: decisions.level,
      regionCode: decisions.regionCode,
      roundYear: decisions.roundYear,
      importKey: decisions.importKey,
      provinceId: province.id,
      successorId: province.successorId,
    })
    .from(decisions)
    .leftJoin(organisations, eq(decisions.issuerId, organisations.id))
    .leftJoin(province, eq(organisations.provinceId, province.id))
    .where(inArray(decisions.numberKey, [...keys]))
    .orderBy(decisions.id);
  return rows.map(({ provinceId, successorId, ...d }) => ({ ...d, issuerCurrentProvinceId: successorId ?? provinceId ?? null }));
}

/**
 * The organisation a decision's issuer names: one whose recorded name (any of its dated names) folds to the
 * same words, or the provincial People's Committee of the province it names (created on first use, as
 * certifications' issuers are). Null when nothing matches: the issuer stays as text only.
 */
async function issuerIdFor(db: DbOrTx, input: DecisionInput): Promise<number | null> {
  if (!input.issuerText) return null;
  const wanted = issuerKey(input.issuerText);
  const names = await db.select({ organisationId: organisationNames.organisationId, name: organisationNames.name }).from(organisationNames);
  const named = names.find((n) => issuerKey(n.name) === wanted);
  if (named) return named.organisationId;
  const provinceName = issuerProvinceName(input.issuerText);
  if (!provinceName) return null;
  const match = resolveProvince(await listProvinceUnits(db), provinceName, { year: input.roundYear, date: input.decisionDate });
  return match.ok ? issuerFor(db, 'provincial', match.unit) : null;
}

type SeededFields = Omit<typeof decisions.$inferInsert, 'id' | 'slug' | 'status' | 'version' | 'createdAt' | 'updatedAt'>;

const fieldsOf = (input: DecisionInput, issuerId: number | null): SeededFields => ({
  number: input.number,
  numberKey: input.numberKey,
  decisionDate: input.decisionDate,
  issuerText: input.issuerText,
  issuerId,
  level: input.level.level,
  regionCode: input.level.region,
  roundYear: input.roundYear,
  productsCertified: input.productsCertified,
  note: input.note,
  sourceUrl: input.sourceUrl,
  importKey: input.importKey,
});

/**
 * A stored decision the seed's row describes though it was not seeded: created by staff in the admin or by the
 * importer from a row's number (same number key, level, region and year, and the same issuer or none known).
 * The seed adopts it (gives it its import key) instead of adding a twin.
 */
async function adoptableDecision(db: DbOrTx, input: DecisionInput, fields: SeededFields, seedKeys: ReadonlySet<string>) {
  const candidates = await db
    .select()
    .from(decisions)
    .where(
      and(
        eq(decisions.numberKey, input.numberKey),
        eq(decisions.level, input.level.level),
        eq(decisions.roundYear, input.roundYear),
        input.level.region === null ? isNull(decisions.regionCode) : eq(decisions.regionCode, input.level.region),
      ),
    );
  const free = candidates.filter((d) => d.importKey === null || !seedKeys.has(d.importKey));
  const sameIssuer = free.find((d) => fields.issuerId !== null && d.issuerId === fields.issuerId);
  // Many provinces number a decision "1493/QĐ-UBND": below the regional level only the same issuer is the same decision.
  const isLocal = input.level.level !== 'national' && input.level.level !== 'regional';
  return sameIssuer ?? (isLocal ? undefined : free.find((d) => d.issuerId === null));
}

/**
 * Stores the seed's decisions: a new one is created (audited), one already stored under its import key is
 * updated only in the fields the source changed, and left alone when nothing changed. Returns how many were
 * created and updated.
 */
export async function upsertSeedDecisions(
  db: DbOrTx,
  inputs: readonly DecisionInput[],
  actor: Actor,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const tally = { created: 0, updated: 0, unchanged: 0 };
  const slugs = new Set((await db.select({ slug: decisions.slug }).from(decisions)).map((d) => d.slug));
  const seedKeys = new Set(inputs.map((i) => i.importKey));
  for (const input of inputs) {
    const fields = fieldsOf(input, await issuerIdFor(db, input));
    const stored =
      (await db.select().from(decisions).where(eq(decisions.importKey, input.importKey)).limit(1))[0] ??
      (await adoptableDecision(db, input, fields, seedKeys));
    if (!stored) {
      const slug = slugForDecision(
        {
          number: input.number,
          decisionDate: input.decisionDate,
          roundYear: input.roundYear,
          level: input.level.level,
          issuer: input.issuerText,
        },
        (s) => slugs.has(s),
      );
      slugs.add(slug);
      const [created] = await db
        .insert(decisions)
        .values({ ...fields, slug })
        .returning();
      await recordAudit(db, actor, { action: 'create', entity: 'decisions', entityId: created!.id, after: created });
      tally.created++;
      continue;
    }
    const changed = (Object.keys(fields) as (keyof SeededFields)[]).filter((k) => (fields[k] ?? null) !== stored[k]);
    if (changed.length === 0) {
      tally.unchanged++;
      continue;
    }
    const patch = Object.fromEntries(changed.map((k) => [k, fields[k]]));
    const [after] = await db
      .update(decisions)
      .set({ ...patch, version: stored.version + 1, updatedAt: new Date().toISOString() })
      .where(eq(decisions.id, stored.id))
      .returning();
    await recordAudit(db, actor, { action: 'update', entity: 'decisions', entityId: stored.id, before: stored, after });
    tally.updated++;
  }
  return tally;
}
