/**
 * The writing half of an import (src/db/queries/import.ts applyImport), in two passes inside its
 * transaction. First every row is matched in memory against what the database held, loaded once for all
 * rows (establishments and products by name key, certifications by import key, taken slugs and registry
 * codes), and against what earlier rows create. Then the writes, in batches (src/db/batch.ts): the new
 * records table by table in row order, each changed record once in its last state, and the audit rows in
 * the order the rows made them. Ids, outcomes and audit entries are those of writing row by row (checked
 * against that); 10,000 new rows take about two hundred statements instead of a dozen each.
 */
import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import { decisionNumberKey } from '../../domain/decision-number.ts';
import { decisionImportKey } from '../../domain/decision-records.ts';
import { slugForDecision } from '../../domain/decision-slug.ts';
import { inferLegalForm } from '../../domain/establishments.ts';
import { productGroupByCode } from '../../domain/groups.ts';
import type { ImportRow } from '../../domain/import/rows.ts';
import { makeRegistryCode } from '../../domain/registry-code.ts';
import { slugify, uniqueSlug } from '../../domain/slug.ts';
import { compactKey } from '../../domain/text.ts';
import { defaultValidUntil } from '../../domain/validity.ts';
import type { Actor, AuditAction } from '../audit.ts';
import { insertAll, insertReturning, updateAll } from '../batch.ts';
import type { Tx } from '../client.ts';
import { auditLog, certifications, decisions, establishments, products, productSetItems, provinces } from '../schema/index.ts';
import { listDecisionsByNumberKeys, type DecisionForLinking } from './decisions.ts';
import type { ImportSummary, RowOutcome } from './import.ts';
import { issuerFor } from './organisations.ts';
import type { StoredProvinceUnit } from './provinces.ts';

type Row = ImportRow<StoredProvinceUnit>;
type EstablishmentRow = typeof establishments.$inferSelect;
type ProductRow = typeof products.$inferSelect;
type CertificationRow = typeof certifications.$inferSelect;

/** Keys per `IN (…)` lookup (SQLite takes up to 32,766 parameters). */
const KEYS = 2000;

/**
 * A record the rows reach: one already stored (its id known from the start, its whole row read only if
 * a row changes it) or one this import creates (`insert` planned; id and row known once inserted).
 * `row`, once known, is the record as it now is.
 */
interface Held<R, I> {
  id: number | null;
  row: R | null;
  insert: I | null;
  /** The row as inserted, for its 'create' audit entry (later updates replace `row`, not this). */
  created: R | null;
}
type HeldEstablishment = Held<EstablishmentRow, typeof establishments.$inferInsert> & {
  /** What products are matched under: `e<id>` when stored, `n<index>` when this import creates it. */
  ref: string;
  currentProvinceId: number | null;
};
type HeldProduct = Held<ProductRow, typeof products.$inferInsert> & {
  establishment: HeldEstablishment | null;
  /** The group as the rows so far leave it. */
  groupId: number | null;
  /** The English name as the rows so far leave it (#18.2). */
  nameEn: string | null;
  setItems: string[];
};
type HeldCertification = Held<CertificationRow, typeof certifications.$inferInsert> & {
  product: HeldProduct | null;
  /** A stored certification's product id (its product is then found in #productsById). */
  productId?: number;
  /** The compared fields as the rows so far leave them. */
  fields: CertificationFields;
};
type CertificationFields = Pick<
  CertificationRow,
  'decisionNo' | 'certificateNo' | 'score' | 'sourceUrl' | 'productNameAsPublished' | 'producerNameAsPublished'
>;
/**
 * A decision the rows link to: one stored (id known) or one this import creates for a number no stored
 * decision carries (`insert` planned; id known once inserted, before the certifications go in).
 */
type HeldDecision = Omit<DecisionForLinking, 'id'> & {
  id: number | null;
  insert: typeof decisions.$inferInsert | null;
};
type AuditEntry = { action: AuditAction; entity: string; entityId: number | null; before?: unknown; after?: unknown };

/** An update planned by a row, made after the inserts; `audit` is filled then. */
type Change =
  | { kind: 'product'; held: HeldProduct; patch: Partial<Pick<ProductRow, 'groupId' | 'nameEn'>>; audit: AuditEntry | null }
  | {
      kind: 'certification';
      held: HeldCertification;
      patch: Partial<CertificationFields>;
      /** A new decision link, resolved to its id when written (the decision may be created by this import). */
      decision: HeldDecision | null;
      audit: AuditEntry | null;
    };

const idOf = (held: Held<unknown, unknown>) => held.id!;

export class ImportWriter {
  readonly #tx: Tx;
  readonly #actor: Actor;
  readonly #summary: ImportSummary;
  readonly createdIds: { establishments: number[]; products: number[]; certifications: number[] } = {
    establishments: [],
    products: [],
    certifications: [],
  };

  // What the rows match: stored records loaded up front, then the ones earlier rows create.
  readonly #establishments = new Map<string, HeldEstablishment[]>();
  readonly #products = new Map<string, HeldProduct>();
  /** Stored products by id: those the rows' names reach and those of the certifications the rows reach. */
  readonly #productsById = new Map<number, HeldProduct>();
  readonly #certifications = new Map<string, HeldCertification>();
  readonly #slugs = { products: new Set<string>(), establishments: new Set<string>() };
  readonly #codes = new Set<string>();
  /** Per import key, the registry code derived first (attempt 0), computed once in #load. */
  readonly #firstCodes = new Map<string, string>();
  /** Per row, the product name key (compactKey), computed once. */
  readonly #nameKeys = new Map<Row, string>();
  readonly #issuers = new Map<string, number | null>();
  /** Decisions by number key: stored ones whose number a row cites, then the ones this import creates. */
  readonly #decisions = new Map<string, HeldDecision[]>();
  readonly #decisionSlugs = new Set<string>();
  /** The decision each certification the rows reach is linked to (stored: its decision_id as loaded). */
  readonly #decisionOf = new Map<HeldCertification, HeldDecision | number | null>();
  readonly #newDecisions: HeldDecision[] = [];

  // What the rows write, in row order.
  readonly #newEstablishments: HeldEstablishment[] = [];
  readonly #newProducts: HeldProduct[] = [];
  readonly #newCertifications: HeldCertification[] = [];
  readonly #changes: Change[] = [];
  readonly #audit: (() => AuditEntry)[] = [];
  readonly #outcomes: { outcome: RowOutcome; product: HeldProduct; certification: HeldCertification }[] = [];

  constructor(tx: Tx, actor: Actor, summary: ImportSummary) {
    this.#tx = tx;
    this.#actor = actor;
    this.#summary = summary;
  }

  /** Matches every row, then writes what they create and change; fills the summary and `createdIds`. */
  async write(rows: readonly Row[]): Promise<void> {
    await this.#load(rows);
    for (const row of rows) await this.#plan(row);
    await this.#insertEstablishments();
    await this.#insertProducts();
    await this.#insertDecisions();
    await this.#insertCertifications();
    await this.#update();
    for (const { outcome, product, certification } of this.#outcomes) {
      outcome.productId = idOf(product);
      outcome.certificationId = idOf(certification);
    }
    this.#summary.outcomes.push(...this.#outcomes.map((o) => o.outcome));
    await this.#insertAudit();
  }

  /** One query per table and key chunk for what the rows may match in the database. */
  async #load(rows: readonly Row[]): Promise<void> {
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
        push(this.#establishments, e.nameKey, held);
      }
    }
    for (const row of rows) this.#nameKeys.set(row, compactKey(row.productName));
    for (const keys of chunks(unique([...this.#nameKeys.values()]), KEYS)) await this.#loadProducts(inArray(products.nameKey, keys));
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
        this.#certifications.set(importKey!, held);
        this.#decisionOf.set(held, decisionId);
      }
    }
    const numberKeys = unique(rows.flatMap((r) => (r.decisionNo ? [decisionNumberKey(r.decisionNo)] : [])));
    for (const keys of chunks(numberKeys, KEYS))
      for (const d of await listDecisionsByNumberKeys(tx, keys)) push(this.#decisions, d.numberKey, { ...d, insert: null });
    if (numberKeys.length > 0)
      for (const { slug } of await tx.select({ slug: decisions.slug }).from(decisions)) this.#decisionSlugs.add(slug);
    // A registered certification keeps its product, even one staff renamed or gave an establishment since:
    // load those products too, so that a re-import reaches them instead of creating an empty twin.
    const missing = unique([...this.#certifications.values()].map((c) => c.productId!)).filter((id) => !this.#productsById.has(id));
    for (const ids of chunks(missing, KEYS)) await this.#loadProducts(inArray(products.id, ids));
    // Registry codes are derived from the import key: only a collision needs a look at the database again.
    for (const r of rows)
      if (!this.#certifications.has(r.importKey))
        this.#firstCodes.set(r.importKey, makeRegistryCode(r.level.level, r.year, r.importKey, 0));
    for (const codes of chunks([...new Set(this.#firstCodes.values())], KEYS)) {
      const taken = await tx
        .select({ code: certifications.registryCode })
        .from(certifications)
        .where(inArray(certifications.registryCode, codes));
      for (const { code } of taken) this.#codes.add(code);
    }
    for (const { slug } of await tx.select({ slug: products.slug }).from(products)) this.#slugs.products.add(slug);
    for (const { slug } of await tx.select({ slug: establishments.slug }).from(establishments)) this.#slugs.establishments.add(slug);
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
    if (this.#productsById.has(p.id)) return;
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
    this.#productsById.set(p.id, held);
    const key = productKey(p.nameKey, p.establishmentId === null ? null : `e${p.establishmentId}`);
    if (!this.#products.has(key)) this.#products.set(key, held);
  }

  async #plan(row: Row): Promise<void> {
    const { created } = this.#summary;
    const before = { establishments: created.establishments, products: created.products, certifications: created.certifications };
    const updatedBefore = this.#summary.updatedCertifications;
    // A registered certification already has its product (and establishment): nothing is matched or created.
    const known = this.#certifications.get(row.importKey);
    const knownProduct = known ? (known.product ?? this.#productsById.get(known.productId!)) : undefined;
    const product = knownProduct ? this.#fillGroup(knownProduct, row) : this.#product(row, row.producer ? this.#establishment(row) : null);
    const certification = await this.#certification(row, product);
    const outcome: RowOutcome = {
      line: row.line,
      outcome:
        created.certifications > before.certifications
          ? 'new'
          : this.#summary.updatedCertifications > updatedBefore
            ? 'update'
            : 'unchanged',
      createdEstablishment: created.establishments > before.establishments,
      createdProduct: created.products > before.products,
      productId: 0,
      certificationId: 0,
    };
    this.#outcomes.push({ outcome, product, certification });
  }

  /** The row's establishment: the first of that name key in the row's current province, or a new one. */
  #establishment(row: Row): HeldEstablishment {
    const candidates = this.#establishments.get(row.producerKey!) ?? [];
    const same = candidates.find((c) => c.currentProvinceId === row.province.currentId);
    if (same) return same;
    const held: HeldEstablishment = {
      id: null,
      row: null,
      insert: {
        slug: this.#slug('establishments', row.producer!),
        name: row.producer!,
        nameEn: row.producerNameEn,
        nameKey: row.producerKey!,
        legalForm: inferLegalForm(row.producer!),
        provinceId: row.province.id,
      },
      created: null,
      ref: `n${this.#newEstablishments.length}`,
      currentProvinceId: row.province.currentId,
    };
    this.#newEstablishments.push(held);
    push(this.#establishments, row.producerKey!, held);
    this.#summary.created.establishments++;
    this.#audit.push(() => ({ action: 'create', entity: 'establishments', entityId: held.created!.id, after: held.created }));
    return held;
  }

  /** The row's product: the first of that name key and establishment (its group filled in if it had none), or a new one. */
  #product(row: Row, establishment: HeldEstablishment | null): HeldProduct {
    const nameKey = this.#nameKeys.get(row)!;
    const key = productKey(nameKey, establishment?.ref ?? null);
    const groupId = row.group ? productGroupByCode(row.group).id : null;
    const existing = this.#products.get(key);
    if (existing) return this.#fillGroup(existing, row);
    const held: HeldProduct = {
      id: null,
      row: null,
      insert: {
        slug: this.#slug('products', row.productName),
        name: row.productName,
        nameEn: row.productNameEn,
        nameKey,
        kind: row.kind,
        groupId,
        establishmentId: null,
      },
      created: null,
      // Its id is known once inserted: products go in after establishments.
      establishment,
      groupId,
      nameEn: row.productNameEn,
      setItems: row.setItems,
    };
    this.#newProducts.push(held);
    this.#products.set(key, held);
    this.#summary.created.products++;
    this.#audit.push(() => ({
      action: 'create',
      entity: 'products',
      entityId: held.created!.id,
      after: { ...held.created, setItems: held.setItems },
    }));
    return held;
  }

  /**
   * A product without a group takes the row's group, and one without an English name the row's English
   * name (an update, audited); a group or English name staff gave is never overwritten by a list.
   */
  #fillGroup(product: HeldProduct, row: Row): HeldProduct {
    const groupId = row.group ? productGroupByCode(row.group).id : null;
    const patch: Partial<Pick<ProductRow, 'groupId' | 'nameEn'>> = {};
    if (product.groupId === null && groupId !== null) patch.groupId = product.groupId = groupId;
    if (product.nameEn === null && row.productNameEn !== null) patch.nameEn = product.nameEn = row.productNameEn;
    if (Object.keys(patch).length > 0) {
      const change: Change = { kind: 'product', held: product, patch, audit: null };
      this.#changes.push(change);
      this.#audit.push(() => change.audit!);
    }
    return product;
  }

  /** The row's certification by import key: unchanged, updated where the row brings new values, or new. */
  async #certification(row: Row, product: HeldProduct): Promise<HeldCertification> {
    const fields: CertificationFields = {
      decisionNo: row.decisionNo,
      certificateNo: row.certificateNo,
      score: row.score,
      sourceUrl: row.sourceUrl,
      productNameAsPublished: row.productName,
      producerNameAsPublished: row.producer,
    };
    const decision = await this.#decision(row);
    const existing = this.#certifications.get(row.importKey);
    if (existing) {
      const changed = (Object.keys(fields) as (keyof CertificationFields)[]).filter(
        (k) => fields[k] !== null && fields[k] !== existing.fields[k],
      );
      // A row without a number leaves the link as it is: nothing is guessed.
      const linked = this.#decisionOf.get(existing) ?? null;
      const relink = decision !== null && decision !== linked && (decision.id === null || decision.id !== linked);
      if (changed.length === 0 && !relink) {
        this.#summary.unchanged++;
        return existing;
      }
      const patch = Object.fromEntries(changed.map((k) => [k, fields[k]])) as Partial<CertificationFields>;
      Object.assign(existing.fields, patch);
      if (relink) this.#decisionOf.set(existing, decision);
      const change: Change = { kind: 'certification', held: existing, patch, decision: relink ? decision : null, audit: null };
      this.#changes.push(change);
      this.#audit.push(() => change.audit!);
      this.#summary.updatedCertifications++;
      return existing;
    }
    const held: HeldCertification = {
      id: null,
      row: null,
      insert: {
        ...fields,
        productId: 0,
        level: row.level.level,
        regionCode: row.level.region,
        roundYear: row.year,
        issuerId: await this.#issuer(row),
        registryCode: await this.#registryCode(row),
        validUntil: defaultValidUntil(row.year),
        provinceId: row.province.id,
        importKey: row.importKey,
      },
      created: null,
      product,
      fields: { ...fields },
    };
    this.#decisionOf.set(held, decision);
    this.#newCertifications.push(held);
    this.#certifications.set(row.importKey, held);
    this.#summary.created.certifications++;
    this.#audit.push(() => ({ action: 'create', entity: 'certifications', entityId: held.created!.id, after: held.created }));
    return held;
  }

  /**
   * The decision a row's number names: a stored or created one with the same number key, level (and region)
   * and round year; for provincial and local decisions one whose issuer is in the row's province, else one
   * whose province is unknown. When none exists, a record is created from what the row says (number as
   * written, level, year, source; issuer and count unknown, except that a provincial decision's issuer is
   * the province's People's Committee, as the certification's is). Null for a row without a number.
   */
  async #decision(row: Row): Promise<HeldDecision | null> {
    if (!row.decisionNo) return null;
    const numberKey = decisionNumberKey(row.decisionNo);
    const { level, region } = row.level;
    const isLocal = level !== 'national' && level !== 'regional';
    const createdKey = decisionImportKey(row.decisionNo, row.level, row.year, isLocal ? `@p${row.province.currentId}` : '');
    const candidates = (this.#decisions.get(numberKey) ?? []).filter(
      (d) => d.level === level && d.regionCode === region && d.roundYear === row.year,
    );
    const found = isLocal
      ? (candidates.find((d) => d.issuerCurrentProvinceId === row.province.currentId) ??
        candidates.find((d) => d.importKey === createdKey) ??
        candidates.find((d) => d.issuerCurrentProvinceId === null && !d.importKey?.includes('|@p')))
      : candidates[0];
    if (found) return found;
    const issuerId = level === 'provincial' ? await this.#issuer(row) : null;
    // A provincial decision's issuer is the province's People's Committee (as above): its place names the slug.
    const slug = slugForDecision(
      { number: row.decisionNo, decisionDate: null, roundYear: row.year, level, issuer: level === 'provincial' ? row.province.name : null },
      (s) => this.#decisionSlugs.has(s),
    );
    this.#decisionSlugs.add(slug);
    const held: HeldDecision = {
      id: null,
      numberKey,
      level,
      regionCode: region,
      roundYear: row.year,
      issuerCurrentProvinceId: issuerId === null ? null : row.province.currentId,
      importKey: createdKey,
      insert: {
        slug,
        number: row.decisionNo,
        numberKey,
        issuerId,
        level,
        regionCode: region,
        roundYear: row.year,
        sourceUrl: row.sourceUrl,
        importKey: createdKey,
      },
    };
    push(this.#decisions, numberKey, held);
    this.#newDecisions.push(held);
    this.#summary.createdDecisions++;
    this.#audit.push(() => ({ action: 'create', entity: 'decisions', entityId: held.id, after: held.insert }));
    return held;
  }

  /** The issuing body (issuerFor), once per level and province: it may create a provincial committee. */
  async #issuer(row: Row): Promise<number | null> {
    const key = row.level.level === 'provincial' ? `provincial ${row.province.id}` : row.level.level;
    if (!this.#issuers.has(key)) this.#issuers.set(key, await issuerFor(this.#tx, row.level.level, row.province));
    return this.#issuers.get(key)!;
  }

  async #registryCode(row: Row): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const code =
        attempt === 0 ? this.#firstCodes.get(row.importKey)! : makeRegistryCode(row.level.level, row.year, row.importKey, attempt);
      if (this.#codes.has(code)) continue;
      // The first code of every row was looked up in #load; a later attempt is rare enough to ask for.
      if (attempt > 0) {
        const [taken] = await this.#tx
          .select({ id: certifications.id })
          .from(certifications)
          .where(eq(certifications.registryCode, code))
          .limit(1);
        if (taken) continue;
      }
      this.#codes.add(code);
      return code;
    }
  }

  #slug(table: 'products' | 'establishments', name: string): string {
    const taken = this.#slugs[table];
    const slug = uniqueSlug(slugify(name), (s) => taken.has(s));
    taken.add(slug);
    return slug;
  }

  async #insertEstablishments(): Promise<void> {
    const news = this.#newEstablishments;
    const stored = await insertReturning(
      this.#tx,
      establishments,
      news.map((h) => h.insert!),
      'slug',
    );
    news.forEach((held, i) => {
      held.row = held.created = stored[i]!;
      held.id = held.row.id;
    });
    this.createdIds.establishments.push(...stored.map((r) => r.id));
  }

  async #insertProducts(): Promise<void> {
    const news = this.#newProducts;
    const values = news.map((h) => ({ ...h.insert!, establishmentId: h.establishment ? idOf(h.establishment) : null }));
    const stored = await insertReturning(this.#tx, products, values, 'slug');
    news.forEach((held, i) => {
      held.row = held.created = stored[i]!;
      held.id = held.row.id;
    });
    this.createdIds.products.push(...stored.map((r) => r.id));
    const items = news.flatMap((h) => h.setItems.map((name, position) => ({ productId: idOf(h), position, name })));
    await insertAll(this.#tx, productSetItems, items);
  }

  async #insertDecisions(): Promise<void> {
    const news = this.#newDecisions;
    const stored = await insertReturning(
      this.#tx,
      decisions,
      news.map((h) => h.insert!),
      'slug',
    );
    news.forEach((held, i) => {
      held.id = stored[i]!.id;
      held.insert = stored[i]!;
    });
  }

  /** The id a certification's decision link writes: a held decision's (known once inserted) or a stored id. */
  #decisionIdOf(certification: HeldCertification): number | null {
    const decision = this.#decisionOf.get(certification) ?? null;
    return typeof decision === 'number' || decision === null ? decision : decision.id;
  }

  async #insertCertifications(): Promise<void> {
    const news = this.#newCertifications;
    const values = news.map((h) => ({ ...h.insert!, productId: idOf(h.product!), decisionId: this.#decisionIdOf(h) }));
    const stored = await insertReturning(this.#tx, certifications, values, 'registryCode');
    news.forEach((held, i) => {
      held.row = held.created = stored[i]!;
      held.id = held.row.id;
    });
    this.createdIds.certifications.push(...stored.map((r) => r.id));
  }

  /**
   * The planned updates, in row order: each one's before and after (a record changed twice changes from
   * its first after), then each changed record written once in its last state.
   */
  async #update(): Promise<void> {
    const updatedAt = new Date().toISOString();
    await this.#readRows(
      products,
      this.#changes.flatMap((c) => (c.kind === 'product' && !c.held.row ? [c.held] : [])),
    );
    await this.#readRows(
      certifications,
      this.#changes.flatMap((c) => (c.kind === 'certification' && !c.held.row ? [c.held] : [])),
    );
    const changedProducts = new Set<HeldProduct>();
    const changedCertifications = new Set<HeldCertification>();
    for (const change of this.#changes) {
      const before = change.held.row!;
      const link = change.kind === 'certification' && change.decision ? { decisionId: change.decision.id } : {};
      const after = { ...before, ...change.patch, ...link, version: before.version + 1, updatedAt };
      if (change.kind === 'product') {
        change.held.row = after as ProductRow;
        changedProducts.add(change.held);
      } else {
        change.held.row = after as CertificationRow;
        changedCertifications.add(change.held);
      }
      const entity = change.kind === 'product' ? 'products' : 'certifications';
      change.audit = { action: 'update', entity, entityId: before.id, before, after };
    }
    const rowsOf = <R>(held: Set<{ row: R | null }>) => [...held].map((h) => h.row!);
    await updateAll(this.#tx, products, rowsOf(changedProducts), ['groupId', 'nameEn', 'version', 'updatedAt']);
    await updateAll(this.#tx, certifications, rowsOf(changedCertifications), [
      'decisionNo',
      'decisionId',
      'certificateNo',
      'score',
      'sourceUrl',
      'productNameAsPublished',
      'producerNameAsPublished',
      'version',
      'updatedAt',
    ]);
  }

  /** Reads the whole rows of stored records a row changes: their audit entries hold them before and after. */
  async #readRows<R extends { id: number }>(
    table: typeof products | typeof certifications,
    held: readonly Held<R, unknown>[],
  ): Promise<void> {
    const byId = new Map(held.map((h) => [h.id!, h]));
    for (const ids of chunks([...byId.keys()], KEYS))
      for (const row of await this.#tx.select().from(table).where(inArray(table.id, ids))) byId.get(row.id)!.row = row as R;
  }

  /** The audit rows of every create and update, in the order the rows made them (R24), as recordAudit writes them. */
  async #insertAudit(): Promise<void> {
    const actor = this.#actor;
    const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
    const values = this.#audit.map((entry) => {
      const e = entry();
      return {
        actorUserId: 'userId' in actor ? actor.userId : null,
        actorLabel: 'label' in actor ? actor.label : null,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        // What drizzle's JSON columns do, done here: batch.ts passes values to the driver as they are.
        before: json(e.before),
        after: json(e.after),
      };
    });
    await insertAll(this.#tx, auditLog, values);
  }
}

const productKey = (nameKey: string, establishment: string | null) => `${nameKey}|${establishment ?? ''}`;

/** The fields of a certification a row may bring new values for. */
const CERTIFICATION_FIELDS = {
  decisionNo: certifications.decisionNo,
  certificateNo: certifications.certificateNo,
  score: certifications.score,
  sourceUrl: certifications.sourceUrl,
  productNameAsPublished: certifications.productNameAsPublished,
  producerNameAsPublished: certifications.producerNameAsPublished,
};

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
