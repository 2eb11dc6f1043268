/**
 * What the import writer (../import-writer.ts) holds about each record the rows reach, and the small
 * helpers its passes share.
 */
import type { DecisionForLinking } from '#db/queries/decisions.ts';
import type { ImportRow } from '#domain/import/rows.ts';
import type { AuditAction } from '#db/audit.ts';
import { certifications, type decisions, type establishments, type products } from '#db/schema/index.ts';
import type { StoredProvinceUnit } from '#db/queries/provinces.ts';

export type Row = ImportRow<StoredProvinceUnit>;
export type EstablishmentRow = typeof establishments.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type CertificationRow = typeof certifications.$inferSelect;

/** Keys per `IN (…)` lookup (SQLite takes up to 32,766 parameters). */
export const KEYS = 2000;

/**
 * A record the rows reach: one already stored (its id known from the start, its whole row read only if
 * a row changes it) or one this import creates (`insert` planned; id and row known once inserted).
 * `row`, once known, is the record as it now is.
 */
export interface Held<R, I> {
  id: number | null;
  row: R | null;
  insert: I | null;
  /** The row as inserted, for its 'create' audit entry (later updates replace `row`, not this). */
  created: R | null;
}
export type HeldEstablishment = Held<EstablishmentRow, typeof establishments.$inferInsert> & {
  /** What products are matched under: `e<id>` when stored, `n<index>` when this import creates it. */
  ref: string;
  currentProvinceId: number | null;
};
export type HeldProduct = Held<ProductRow, typeof products.$inferInsert> & {
  establishment: HeldEstablishment | null;
  /** The group as the rows so far leave it. */
  groupId: number | null;
  /** The English name as the rows so far leave it (#18.2). */
  nameEn: string | null;
  setItems: string[];
};
export type HeldCertification = Held<CertificationRow, typeof certifications.$inferInsert> & {
  product: HeldProduct | null;
  /** A stored certification's product id (its product is then found in #productsById). */
  productId?: number;
  /** The compared fields as the rows so far leave them. */
  fields: CertificationFields;
};
export type CertificationFields = Pick<
  CertificationRow,
  'decisionNo' | 'certificateNo' | 'score' | 'sourceUrl' | 'productNameAsPublished' | 'producerNameAsPublished'
>;
/**
 * A decision the rows link to: one stored (id known) or one this import creates for a number no stored
 * decision carries (`insert` planned; id known once inserted, before the certifications go in).
 */
export type HeldDecision = Omit<DecisionForLinking, 'id'> & {
  id: number | null;
  insert: typeof decisions.$inferInsert | null;
};
export type AuditEntry = { action: AuditAction; entity: string; entityId: number | null; before?: unknown; after?: unknown };

/** An update planned by a row, made after the inserts; `audit` is filled then. */
export type Change =
  | { kind: 'product'; held: HeldProduct; patch: Partial<Pick<ProductRow, 'groupId' | 'nameEn'>>; audit: AuditEntry | null }
  | {
      kind: 'certification';
      held: HeldCertification;
      patch: Partial<CertificationFields>;
      /** A new decision link, resolved to its id when written (the decision may be created by this import). */
      decision: HeldDecision | null;
      audit: AuditEntry | null;
    };

/** What the rows write, in row order: the planning pass fills it, the writing pass (./writes.ts) writes it. */
export interface Plan {
  newEstablishments: HeldEstablishment[];
  newProducts: HeldProduct[];
  newDecisions: HeldDecision[];
  newCertifications: HeldCertification[];
  changes: Change[];
  audit: (() => AuditEntry)[];
}

/** The id of a record once it is stored. */
export const idOf = (held: Held<unknown, unknown>) => held.id!;

/** What products are matched under: name key and establishment reference. */
export const productKey = (nameKey: string, establishment: string | null) => `${nameKey}|${establishment ?? ''}`;

/** The fields of a certification a row may bring new values for. */
export const CERTIFICATION_FIELDS = {
  decisionNo: certifications.decisionNo,
  certificateNo: certifications.certificateNo,
  score: certifications.score,
  sourceUrl: certifications.sourceUrl,
  productNameAsPublished: certifications.productNameAsPublished,
  producerNameAsPublished: certifications.producerNameAsPublished,
};

/** The values without repeats, first seen first. */
export function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** The values in slices of at most `size`. */
export function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Appends to the list under a key, starting it if needed. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
