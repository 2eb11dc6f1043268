/**
 * The database reads behind /verify/?q=…: every lookup goes through an indexed column (registry_code,
 * decisions.number_key, products.name_key, establishments.name_key; certificate_no is the exception, see
 * docs/decisions/025) and returns a bounded number of rows. Only published records are read.
 */
import { and, asc, count, countDistinct, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '#db/client.ts';
import { certifications, decisions, establishments, products, provinces } from '#db/schema/index.ts';
import type { RegionCode } from '#domain/levels.ts';
import type { VerifyCertification, VerifyDecision, VerifyExamples, VerifyFindings } from '#domain/verify-findings.ts';
import { nearbyValidCodes, rankNames, sortDecisionMatches, type VerifyQuery } from '#domain/verify-match.ts';

/** At most this many of each kind of match are shown; a name matching more says so and links to the search. */
export const VERIFY_LIMITS = { products: 20, establishments: 10, decisions: 5, certificationsPerDecision: 60, certificates: 20, close: 8 };
const NAME_CANDIDATES = 300;

const current = alias(provinces, 'current_province');
const published = 'published' as const;

/** Published certifications matching `where`, newest round first, with what the answer shows of each. */
async function selectCertifications(db: DbOrTx, where: SQL | undefined, limit: number): Promise<VerifyCertification[]> {
  const rows = await db
    .select({
      c: certifications,
      provinceName: provinces.name,
      currentProvinceName: current.name,
      productSlug: products.slug,
      productName: products.name,
      establishmentSlug: establishments.slug,
      establishmentName: establishments.name,
      establishmentStatus: establishments.status,
      decisionSlug: decisions.slug,
      decisionStatus: decisions.status,
    })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id))
    .innerJoin(provinces, eq(certifications.provinceId, provinces.id))
    .leftJoin(current, eq(provinces.successorId, current.id))
    .leftJoin(establishments, eq(products.establishmentId, establishments.id))
    .leftJoin(decisions, eq(certifications.decisionId, decisions.id))
    .where(and(eq(certifications.status, published), eq(products.status, published), where))
    .orderBy(desc(certifications.roundYear), asc(products.name), asc(certifications.id))
    .limit(limit);
  return rows.map((r) => {
    const isEstablishmentShown = r.establishmentStatus === published;
    return {
      registryCode: r.c.registryCode,
      level: r.c.level,
      region: (r.c.regionCode as RegionCode | null) ?? null,
      roundYear: r.c.roundYear,
      decisionNo: r.c.decisionNo,
      decisionSlug: r.decisionStatus === published ? r.decisionSlug : null,
      certificateNo: r.c.certificateNo,
      validUntil: r.c.validUntil,
      validUntilSource: r.c.validUntilSource,
      revokedAt: r.c.revokedAt,
      provinceName: r.provinceName,
      currentProvinceName: r.currentProvinceName ?? r.provinceName,
      productSlug: r.productSlug,
      productName: r.productName,
      establishmentSlug: isEstablishmentShown ? r.establishmentSlug : null,
      establishmentName: isEstablishmentShown ? r.establishmentName : null,
    };
  });
}

/** Decisions whose number starts with the serial (keys read "3116/QD-BCT", "12/2023/QD-UBND"): a range on the index. */
async function decisionsWithSerial(db: DbOrTx, serial: string) {
  // '0' is the character after '/', so [serial/, serial0) holds exactly the keys of this serial.
  return db
    .select()
    .from(decisions)
    .where(and(eq(decisions.status, published), gte(decisions.numberKey, `${serial}/`), lt(decisions.numberKey, `${serial}0`)))
    .orderBy(desc(decisions.roundYear))
    .limit(50);
}

async function describeDecisions(
  db: DbOrTx,
  rows: (typeof decisions.$inferSelect)[],
  withCertifications: boolean,
): Promise<VerifyDecision[]> {
  const ids = rows.map((d) => d.id);
  const heldRows =
    ids.length === 0
      ? []
      : await db
          .select({ id: certifications.decisionId, n: countDistinct(certifications.productId) })
          .from(certifications)
          .innerJoin(products, eq(certifications.productId, products.id))
          .where(and(inArray(certifications.decisionId, ids), eq(certifications.status, published), eq(products.status, published)))
          .groupBy(certifications.decisionId);
  const held = new Map(heldRows.map((r) => [r.id, r.n]));
  return Promise.all(
    rows.map(async (d) => ({
      slug: d.slug,
      number: d.number,
      decisionDate: d.decisionDate,
      issuerText: d.issuerText,
      level: d.level,
      region: (d.regionCode as RegionCode | null) ?? null,
      roundYear: d.roundYear,
      productsCertified: d.productsCertified,
      sourceUrl: d.sourceUrl,
      held: held.get(d.id) ?? 0,
      certifications: withCertifications
        ? await selectCertifications(db, eq(certifications.decisionId, d.id), VERIFY_LIMITS.certificationsPerDecision)
        : [],
    })),
  );
}

/** Name keys are [a-z0-9]: every key starting with `prefix` lies in [prefix, prefix + '{'). */
const keyPrefix = (column: typeof products.nameKey | typeof establishments.nameKey, prefix: string) =>
  and(gte(column, prefix), lt(column, `${prefix}{`));

async function findNames(db: DbOrTx, key: string, establishmentKey: string, findings: VerifyFindings): Promise<void> {
  const named = await db
    .select({ id: products.id, slug: products.slug, name: products.name, key: products.nameKey })
    .from(products)
    .where(and(eq(products.status, published), keyPrefix(products.nameKey, key)))
    .orderBy(asc(products.nameKey))
    .limit(VERIFY_LIMITS.products + 1);
  const makers = await db
    .select({ id: establishments.id, slug: establishments.slug, name: establishments.name })
    .from(establishments)
    .where(and(eq(establishments.status, published), keyPrefix(establishments.nameKey, establishmentKey)))
    .orderBy(asc(establishments.nameKey))
    .limit(VERIFY_LIMITS.establishments);
  findings.establishments = makers.map(({ slug, name }) => ({ slug, name }));
  const ofMakers =
    makers.length === 0
      ? []
      : await db
          .select({ id: products.id })
          .from(products)
          .where(
            and(
              eq(products.status, published),
              inArray(
                products.establishmentId,
                makers.map((m) => m.id),
              ),
            ),
          )
          .limit(VERIFY_LIMITS.products + 1);
  const ranked = rankNames(key, named);
  const ids = [...new Set([...ranked.map((p) => p.id), ...ofMakers.map((p) => p.id)])];
  findings.moreProducts = ids.length > VERIFY_LIMITS.products;
  const shown = ids.slice(0, VERIFY_LIMITS.products);
  if (shown.length > 0) {
    const certs = await selectCertifications(db, inArray(certifications.productId, shown), VERIFY_LIMITS.products * 6);
    const bySlug = Map.groupBy(certs, (c) => c.productSlug);
    const order = new Map(shown.map((id, i) => [id, i]));
    const rows = await db
      .select({ id: products.id, slug: products.slug, name: products.name, establishmentName: establishments.name })
      .from(products)
      .leftJoin(establishments, and(eq(products.establishmentId, establishments.id), eq(establishments.status, published)))
      .where(inArray(products.id, shown));
    findings.products = rows
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((p) => ({ slug: p.slug, name: p.name, establishmentName: p.establishmentName, certifications: bySlug.get(p.slug) ?? [] }))
      .filter((p) => p.certifications.length > 0);
  }
  if (findings.products.length === 0 && findings.establishments.length === 0)
    findings.close.names = await closeNames(db, key, establishmentKey);
}

/** Names within a few edits of the typed one, read from the keys sharing its first letters (a bounded index range). */
async function closeNames(db: DbOrTx, key: string, establishmentKey: string) {
  const start = key.slice(0, Math.min(3, key.length));
  const productRows = await db
    .select({ slug: products.slug, name: products.name, key: products.nameKey })
    .from(products)
    .where(and(eq(products.status, published), keyPrefix(products.nameKey, start)))
    .limit(NAME_CANDIDATES);
  const makerStart = establishmentKey.slice(0, Math.min(3, establishmentKey.length));
  const makerRows = await db
    .select({ slug: establishments.slug, name: establishments.name, key: establishments.nameKey })
    .from(establishments)
    .where(and(eq(establishments.status, published), keyPrefix(establishments.nameKey, makerStart)))
    .limit(NAME_CANDIDATES);
  return [
    ...rankNames(key, productRows).map((p) => ({ slug: p.slug, name: p.name, kind: 'product' as const, distance: p.distance })),
    ...rankNames(establishmentKey, makerRows).map((e) => ({
      slug: e.slug,
      name: e.name,
      kind: 'establishment' as const,
      distance: e.distance,
    })),
  ]
    .sort((a, b) => a.distance - b.distance)
    .slice(0, VERIFY_LIMITS.close)
    .map(({ slug, name, kind }) => ({ slug, name, kind }));
}

/** Runs every lookup the query's readings call for and gathers what matched, and what nearly did. */
export async function findVerifyMatches(db: DbOrTx, query: VerifyQuery): Promise<VerifyFindings> {
  const findings: VerifyFindings = {
    codes: [],
    decisions: [],
    certificates: [],
    products: [],
    establishments: [],
    moreProducts: false,
    close: { codes: [], decisions: [], names: [] },
  };
  for (const reading of query.readings) {
    switch (reading.kind) {
      case 'code': {
        findings.codes = await selectCertifications(db, eq(certifications.registryCode, reading.code), 1);
        if (findings.codes.length === 0) {
          findings.close.codes = await selectCertifications(
            db,
            inArray(certifications.registryCode, nearbyValidCodes(reading.code)),
            VERIFY_LIMITS.close,
          );
        }
        break;
      }
      case 'code-typo':
        if (reading.candidates.length > 0)
          findings.close.codes = await selectCertifications(
            db,
            inArray(certifications.registryCode, reading.candidates),
            VERIFY_LIMITS.close,
          );
        break;
      case 'decision': {
        const { matches, sameSerial } = sortDecisionMatches(reading.number, await decisionsWithSerial(db, reading.number.serial));
        findings.decisions = await describeDecisions(db, matches.slice(0, VERIFY_LIMITS.decisions), true);
        if (matches.length === 0) findings.close.decisions = await describeDecisions(db, sameSerial.slice(0, VERIFY_LIMITS.close), false);
        break;
      }
      case 'certificate': {
        // certificate_no has no index (no migration in this wave): an equality scan, bounded, case-insensitive.
        const text = reading.text;
        findings.certificates = await selectCertifications(
          db,
          or(
            eq(certifications.certificateNo, text),
            sql`lower(replace(${certifications.certificateNo}, ' ', '')) = lower(${text.replace(/\s+/g, '')})`,
          ),
          VERIFY_LIMITS.certificates,
        );
        break;
      }
      case 'name':
        await findNames(db, reading.key, reading.establishmentKey, findings);
        break;
    }
  }
  return findings;
}

/** How many things matched (not the close ones): what decides between 200 and 404/400. */
export function countMatches(f: VerifyFindings): number {
  return f.codes.length + f.decisions.length + f.certificates.length + f.products.length + f.establishments.length;
}

/** The examples the page offers, taken from the data: the newest published certification's code and a decision that has certifications. */
export async function getVerifyExamples(db: DbOrTx): Promise<VerifyExamples> {
  const [newest] = await selectCertifications(db, undefined, 1);
  const [decision] = await db
    .select({ number: decisions.number, n: count() })
    .from(decisions)
    .innerJoin(certifications, eq(certifications.decisionId, decisions.id))
    .where(and(eq(decisions.status, published), eq(certifications.status, published)))
    .groupBy(decisions.id)
    .orderBy(desc(count()), desc(decisions.roundYear))
    .limit(1);
  return { code: newest?.registryCode ?? null, decisionNumber: decision?.number ?? null, productName: newest?.productName ?? null };
}
