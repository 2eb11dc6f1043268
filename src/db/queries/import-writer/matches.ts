/**
 * The first pass of an import (../import-writer.ts): what the rows may match in the database, loaded once
 * for all rows (establishments and products by name key, certifications by import key, decisions by
 * number key, taken slugs and registry codes). The planning pass then adds what earlier rows create.
 */
import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import { decisionNumberKey } from '#domain/decision-number.ts';
import { makeRegistryCode } from '#domain/registry-code.ts';
import { compactKey } from '#domain/text.ts';
import type { Tx } from '#db/client.ts';
import { certifications, decisions, establishments, products, provinces } from '#db/schema/index.ts';
import { listDecisionsByNumberKeys } from '#db/queries/decisions.ts';
import {
  CERTIFICATION_FIELDS,
  chunks,
  KEYS,
  productKey,
  push,
  unique,
  type HeldCertification,
  type HeldDecision,
  type HeldEstablishment,
  type HeldProduct,
  type Row,
} from './held.ts';

/** The records the rows may reach, by the keys rows match them under. */
export class StoredMatches {
  readonly #tx: Tx;
  readonly establishments = new Map<string, HeldEstablishment[]>();
  readonly products = new Map<string, HeldProduct>();
  /** Stored products by id: those the rows' names reach and those of the certifications the rows reach. */
  readonly productsById = new Map<number, HeldProduct>();
  readonly certifications = new Map<string, HeldCertification>();
  readonly slugs = { products: new Set<string>(), establishments: new Set<string>() };
  readonly codes = new Set<string>();
  /** Per import key, the registry code derived first (attempt 0), computed once in load. */
  readonly firstCodes = new Map<string, string>();
  /** Per row, the product name key (compactKey), computed once. */
  readonly nameKeys = new Map<Row, string>();
  /** Decisions by number key: stored ones whose number a row cites, then the ones this import creates. */
  readonly decisions = new Map<string, HeldDecision[]>();
  readonly decisionSlugs = new Set<string>();
  /** The decision each certification the rows reach is linked to (stored: its decision_id as loaded). */
  readonly decisionOf = new Map<HeldCertification, HeldDecision | number | null>();

  constructor(tx: Tx) {
    this.#tx = tx;
  }

  /** One query per table and key chunk for what the rows may match in the database. */
  async load(rows: readonly Row[]): Promise<void> {
    const tx = this.#tx;
    const producerKeys = unique(rows.map((r) => r.producerKey).filter((k) => k !== null));
    for (const keys of chunks(producerKeys, KEYS)) {
      const found = await tx
        .select({ id: establishments.id, nameKey: establishments.nameKey, provinceId: provinces.id, successorId: provinces.successorId })
        .from(establishments)
        .leftJoin(provinces, eq(establishments.provinceId, provinces.id))
        .where(inArray(establishments.nameKey, keys))
        .orderBy(asc(establishments.id));
      for (const e of found) {
        const currentProvinceId = e.successorId ?? e.provinceId;
        const held: HeldEstablishment = { id: e.id, row: null, insert: null, created: null, ref: `e${e.id}`, currentProvinceId };
        push(this.establishments, e.nameKey, held);
      }
    }
    for (const row of rows) this.nameKeys.set(row, compactKey(row.productName));
    for (const keys of chunks(unique([...this.nameKeys.values()]), KEYS)) await this.#loadProducts(inArray(products.nameKey, keys));
    for (const keys of chunks(unique(rows.map((r) => r.importKey)), KEYS)) {
      const found = await tx
        .select({
          id: certifications.id,
          importKey: certifications.importKey,
          productId: certifications.productId,
          decisionId: certifications.decisionId,
          ...CERTIFICATION_FIELDS,
        })
        .from(certifications)
        .where(inArray(certifications.importKey, keys));
      for (const { id, importKey, productId, decisionId, ...fields } of found) {
        const held: HeldCertification = { id, row: null, insert: null, created: null, product: null, productId, fields };
        this.certifications.set(importKey!, held);
        this.decisionOf.set(held, decisionId);
      }
    }
    const numberKeys = unique(rows.flatMap((r) => (r.decisionNo ? [decisionNumberKey(r.decisionNo)] : [])));
    for (const keys of chunks(numberKeys, KEYS))
      for (const d of await listDecisionsByNumberKeys(tx, keys)) push(this.decisions, d.numberKey, { ...d, insert: null });
    if (numberKeys.length > 0)
      for (const { slug } of await tx.select({ slug: decisions.slug }).from(decisions)) this.decisionSlugs.add(slug);
    // A registered certification keeps its product, even one staff renamed or gave an establishment since:
    // load those products too, so that a re-import reaches them instead of creating an empty twin.
    const missing = unique([...this.certifications.values()].map((c) => c.productId!)).filter((id) => !this.productsById.has(id));
    for (const ids of chunks(missing, KEYS)) await this.#loadProducts(inArray(products.id, ids));
    // Registry codes are derived from the import key: only a collision needs a look at the database again.
    for (const r of rows)
      if (!this.certifications.has(r.importKey)) this.firstCodes.set(r.importKey, makeRegistryCode(r.level.level, r.year, r.importKey, 0));
    for (const codes of chunks([...new Set(this.firstCodes.values())], KEYS)) {
      const taken = await tx
        .select({ code: certifications.registryCode })
        .from(certifications)
        .where(inArray(certifications.registryCode, codes));
      for (const { code } of taken) this.codes.add(code);
    }
    for (const { slug } of await tx.select({ slug: products.slug }).from(products)) this.slugs.products.add(slug);
    for (const { slug } of await tx.select({ slug: establishments.slug }).from(establishments)) this.slugs.establishments.add(slug);
  }

  /** Stored products matching `where`, oldest first, held by #holdStoredProduct. */
  async #loadProducts(where: SQL): Promise<void> {
    const found = await this.#tx
      .select({
        id: products.id,
        nameKey: products.nameKey,
        establishmentId: products.establishmentId,
        groupId: products.groupId,
        nameEn: products.nameEn,
      })
      .from(products)
      .where(where)
      .orderBy(asc(products.id));
    for (const p of found) this.#holdStoredProduct(p);
  }

  /** A stored product, matchable by name and establishment (the first of them wins) and by id. */
  #holdStoredProduct(p: {
    id: number;
    nameKey: string;
    establishmentId: number | null;
    groupId: number | null;
    nameEn: string | null;
  }): void {
    if (this.productsById.has(p.id)) return;
    const held: HeldProduct = {
      id: p.id,
      row: null,
      insert: null,
      created: null,
      establishment: null,
      groupId: p.groupId,
      nameEn: p.nameEn,
      setItems: [],
    };
    this.productsById.set(p.id, held);
    const key = productKey(p.nameKey, p.establishmentId === null ? null : `e${p.establishmentId}`);
    if (!this.products.has(key)) this.products.set(key, held);
  }
}
