/** What the public decision pages read: published decisions, with how many of their certifications the registry shows. */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { RegionCode } from '#domain/levels.ts';
import { datedNameOnDate } from '#domain/organisations.ts';
import type { DbOrTx } from '#db/client.ts';
import { certifications, decisions, organisationNames, products, type Decision } from '#db/schema/index.ts';
import { selectCertifications } from './product-records.ts';
import type { CertificationView } from '#domain/certification-view.ts';

const published = 'published' as const;

/** A decision as its pages show it. */
export interface DecisionSummary {
  id: number;
  slug: string;
  number: string;
  numberKey: string;
  decisionDate: string | null;
  /** The issuer as the source names it, else the linked organisation's name on the decision's date. */
  issuerName: string | null;
  /** The linked organisation's English name on that date, when staff recorded one and it names the same body (#18.2). */
  issuerNameEn: string | null;
  level: Decision['level'];
  region: RegionCode | null;
  roundYear: number;
  productsCertified: number | null;
  /** Published certifications of published products that point to this decision. */
  held: number;
  note: string | null;
  sourceUrl: string | null;
  documentHash: string | null;
  documentBytes: number | null;
  updatedAt: string;
}

/** Every published decision with its count of certifications the public site shows. */
export async function listPublishedDecisions(db: DbOrTx): Promise<DecisionSummary[]> {
  const rows = await db.select().from(decisions).where(eq(decisions.status, published)).orderBy(asc(decisions.id));
  const counts = await db
    .select({ decisionId: certifications.decisionId, n: count() })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id))
    .where(and(eq(certifications.status, published), eq(products.status, published)))
    .groupBy(certifications.decisionId);
  const heldBy = new Map(counts.map((c) => [c.decisionId, c.n]));
  const issuerIds = [...new Set(rows.map((d) => d.issuerId).filter((id): id is number => id !== null))];
  const names =
    issuerIds.length > 0
      ? await db
          .select()
          .from(organisationNames)
          .where(inArray(organisationNames.organisationId, issuerIds))
          .orderBy(asc(organisationNames.id))
      : [];
  const namesOf = Map.groupBy(names, (n) => n.organisationId);
  return rows.map((d) => {
    const issuer =
      d.issuerId === null ? undefined : datedNameOnDate(namesOf.get(d.issuerId) ?? [], d.decisionDate ?? `${d.roundYear}-12-31`);
    return {
      id: d.id,
      slug: d.slug,
      number: d.number,
      numberKey: d.numberKey,
      decisionDate: d.decisionDate,
      issuerName: d.issuerText ?? issuer?.name ?? null,
      issuerNameEn: issuer && (d.issuerText === null || d.issuerText === issuer.name) ? issuer.nameEn : null,
      level: d.level,
      region: (d.regionCode as RegionCode | null) ?? null,
      roundYear: d.roundYear,
      productsCertified: d.productsCertified,
      held: heldBy.get(d.id) ?? 0,
      note: d.note,
      sourceUrl: d.sourceUrl,
      documentHash: d.documentHash,
      documentBytes: d.documentBytes,
      updatedAt: d.updatedAt,
    };
  });
}

/** The certifications of one decision that the public site shows, newest first. */
export function listCertificationsOfDecision(db: DbOrTx, decisionId: number): Promise<CertificationView[]> {
  return selectCertifications(db, eq(certifications.decisionId, decisionId));
}
