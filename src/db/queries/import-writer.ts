/**
 * The writing half of an import (src/db/queries/import.ts applyImport), in two passes inside its
 * transaction. First every row is matched in memory against what the database held, loaded once for all
 * rows (establishments and products by name key, certifications by import key, taken slugs and registry
 * codes), and against what earlier rows create. Then the writes, in batches (src/db/batch.ts): the new
 * records table by table in row order, each changed record once in its last state, and the audit rows in
 * the order the rows made them. Ids, outcomes and audit entries are those of writing row by row (checked
 * against that); 10,000 new rows take about two hundred statements instead of a dozen each.
 */
import { eq } from 'drizzle-orm';
import { decisionNumberKey } from '#domain/decision-number.ts';
import { decisionImportKey } from '#domain/decision-records.ts';
import { slugForDecision } from '#domain/decision-slug.ts';
import { inferLegalForm } from '#domain/establishments.ts';
import { productGroupByCode } from '#domain/groups.ts';
import { makeRegistryCode } from '#domain/registry-code.ts';
import { slugify, uniqueSlug } from '#domain/slug.ts';
import { defaultValidUntil } from '#domain/validity.ts';
import type { Actor } from '#db/audit.ts';
import type { Tx } from '#db/client.ts';
import { certifications } from '#db/schema/index.ts';
import type { ImportSummary, RowOutcome } from './import.ts';
import {
  idOf,
  productKey,
  push,
  type CertificationFields,
  type Change,
  type HeldCertification,
  type HeldDecision,
  type HeldEstablishment,
  type HeldProduct,
  type Plan,
  type ProductRow,
  type Row,
} from './import-writer/held.ts';
import { StoredMatches } from './import-writer/matches.ts';
import { PlanWriter, type CreatedIds } from './import-writer/writes.ts';
import { issuerFor } from './organisations.ts';

export class ImportWriter {
  readonly #tx: Tx;
  readonly #actor: Actor;
  readonly #summary: ImportSummary;
  readonly createdIds: CreatedIds = { establishments: [], products: [], certifications: [] };
  /** What the rows match: stored records loaded up front, then the ones earlier rows create. */
  readonly #m: StoredMatches;
  readonly #issuers = new Map<string, number | null>();
  /** What the rows write, in row order. */
  readonly #plan: Plan = { newEstablishments: [], newProducts: [], newDecisions: [], newCertifications: [], changes: [], audit: [] };
  readonly #outcomes: { outcome: RowOutcome; product: HeldProduct; certification: HeldCertification }[] = [];

  constructor(tx: Tx, actor: Actor, summary: ImportSummary) {
    this.#tx = tx;
    this.#actor = actor;
    this.#summary = summary;
    this.#m = new StoredMatches(tx);
  }

  /** Matches every row, then writes what they create and change; fills the summary and `createdIds`. */
  async write(rows: readonly Row[]): Promise<void> {
    await this.#m.load(rows);
    for (const row of rows) await this.#planRow(row);
    const writer = new PlanWriter(this.#tx, this.#actor, this.#plan, this.#m.decisionOf, this.createdIds);
    await writer.insertEstablishments();
    await writer.insertProducts();
    await writer.insertDecisions();
    await writer.insertCertifications();
    await writer.update();
    for (const { outcome, product, certification } of this.#outcomes) {
      outcome.productId = idOf(product);
      outcome.certificationId = idOf(certification);
    }
    this.#summary.outcomes.push(...this.#outcomes.map((o) => o.outcome));
    await writer.insertAudit();
  }

  async #planRow(row: Row): Promise<void> {
    const { created } = this.#summary;
    const before = { establishments: created.establishments, products: created.products, certifications: created.certifications };
    const updatedBefore = this.#summary.updatedCertifications;
    // A registered certification already has its product (and establishment): nothing is matched or created.
    const known = this.#m.certifications.get(row.importKey);
    const knownProduct = known ? (known.product ?? this.#m.productsById.get(known.productId!)) : undefined;
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
    const candidates = this.#m.establishments.get(row.producerKey!) ?? [];
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
      ref: `n${this.#plan.newEstablishments.length}`,
      currentProvinceId: row.province.currentId,
    };
    this.#plan.newEstablishments.push(held);
    push(this.#m.establishments, row.producerKey!, held);
    this.#summary.created.establishments++;
    this.#plan.audit.push(() => ({ action: 'create', entity: 'establishments', entityId: held.created!.id, after: held.created }));
    return held;
  }

  /** The row's product: the first of that name key and establishment (its group filled in if it had none), or a new one. */
  #product(row: Row, establishment: HeldEstablishment | null): HeldProduct {
    const nameKey = this.#m.nameKeys.get(row)!;
    const key = productKey(nameKey, establishment?.ref ?? null);
    const groupId = row.group ? productGroupByCode(row.group).id : null;
    const existing = this.#m.products.get(key);
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
    this.#plan.newProducts.push(held);
    this.#m.products.set(key, held);
    this.#summary.created.products++;
    this.#plan.audit.push(() => ({
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
      this.#plan.changes.push(change);
      this.#plan.audit.push(() => change.audit!);
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
    const existing = this.#m.certifications.get(row.importKey);
    if (existing) {
      const changed = (Object.keys(fields) as (keyof CertificationFields)[]).filter(
        (k) => fields[k] !== null && fields[k] !== existing.fields[k],
      );
      // A row without a number leaves the link as it is: nothing is guessed.
      const linked = this.#m.decisionOf.get(existing) ?? null;
      const relink = decision !== null && decision !== linked && (decision.id === null || decision.id !== linked);
      if (changed.length === 0 && !relink) {
        this.#summary.unchanged++;
        return existing;
      }
      const patch = Object.fromEntries(changed.map((k) => [k, fields[k]])) as Partial<CertificationFields>;
      Object.assign(existing.fields, patch);
      if (relink) this.#m.decisionOf.set(existing, decision);
      const change: Change = { kind: 'certification', held: existing, patch, decision: relink ? decision : null, audit: null };
      this.#plan.changes.push(change);
      this.#plan.audit.push(() => change.audit!);
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
    this.#m.decisionOf.set(held, decision);
    this.#plan.newCertifications.push(held);
    this.#m.certifications.set(row.importKey, held);
    this.#summary.created.certifications++;
    this.#plan.audit.push(() => ({ action: 'create', entity: 'certifications', entityId: held.created!.id, after: held.created }));
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
    const candidates = (this.#m.decisions.get(numberKey) ?? []).filter(
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
      (s) => this.#m.decisionSlugs.has(s),
    );
    this.#m.decisionSlugs.add(slug);
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
    push(this.#m.decisions, numberKey, held);
    this.#plan.newDecisions.push(held);
    this.#summary.createdDecisions++;
    this.#plan.audit.push(() => ({ action: 'create', entity: 'decisions', entityId: held.id, after: held.insert }));
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
        attempt === 0 ? this.#m.firstCodes.get(row.importKey)! : makeRegistryCode(row.level.level, row.year, row.importKey, attempt);
      if (this.#m.codes.has(code)) continue;
      // The first code of every row was looked up in #load; a later attempt is rare enough to ask for.
      if (attempt > 0) {
        const [taken] = await this.#tx
          .select({ id: certifications.id })
          .from(certifications)
          .where(eq(certifications.registryCode, code))
          .limit(1);
        if (taken) continue;
      }
      this.#m.codes.add(code);
      return code;
    }
  }

  #slug(table: 'products' | 'establishments', name: string): string {
    const taken = this.#m.slugs[table];
    const slug = uniqueSlug(slugify(name), (s) => taken.has(s));
    taken.add(slug);
    return slug;
  }
}
