import { and, eq, isNull, like, or } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import { inferLegalForm } from '../../domain/establishments.ts';
import { productGroupByCode } from '../../domain/groups.ts';
import type { ImportRow } from '../../domain/import/rows.ts';
import { makeRegistryCode } from '../../domain/registry-code.ts';
import { slugify, uniqueSlug } from '../../domain/slug.ts';
import { compactKey } from '../../domain/text.ts';
import { defaultValidUntil } from '../../domain/validity.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { writeTransaction, type Database, type Tx } from '../client.ts';
import { certifications, establishments, products, productSetItems, provinces } from '../schema/index.ts';
import { issuerFor } from './organisations.ts';
import type { StoredProvinceUnit } from './provinces.ts';

export interface ImportSummary {
  rows: number;
  created: { establishments: number; products: number; certifications: number };
  updatedCertifications: number;
  unchanged: number;
  dryRun: boolean;
  /** What each row did (or, in a dry run, would do): the preview's classification. */
  outcomes: RowOutcome[];
}

/**
 * One row's effect: a new certification, an update of one already registered (a changed decision number,
 * score or source), or nothing (the same certification is already registered: a duplicate of it). Whether
 * its establishment and product were created with it.
 */
export interface RowOutcome {
  line: number;
  outcome: 'new' | 'update' | 'unchanged';
  createdEstablishment: boolean;
  createdProduct: boolean;
  /** The records the row reached (ids are only meaningful once committed, not in a dry run). */
  productId: number;
  certificationId: number;
}

/**
 * Writes validated rows in one transaction, through the process's write queue: establishments and
 * products are matched or created, certifications matched by their import key. All or nothing; a dry run
 * rolls back at the end. The audit entry of the import lists the totals and every record it created.
 */
export async function applyImport(
  database: Pick<Database, 'client' | 'db'>,
  rows: readonly ImportRow<StoredProvinceUnit>[],
  options: { actor: Actor; dryRun?: boolean; file?: string },
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    rows: rows.length,
    created: { establishments: 0, products: 0, certifications: 0 },
    updatedCertifications: 0,
    unchanged: 0,
    dryRun: options.dryRun ?? false,
    outcomes: [],
  };
  try {
    await writeTransaction(database, async (tx) => {
      const writer = new ImportWriter(tx, options.actor, summary);
      for (const row of rows) await writer.apply(row);
      // The totals and the ids of what was created; the per-row outcomes are the preview's.
      const entry = {
        ...(options.file ? { file: options.file } : {}),
        rows: summary.rows,
        created: summary.created,
        updatedCertifications: summary.updatedCertifications,
        unchanged: summary.unchanged,
        dryRun: summary.dryRun,
        createdIds: writer.createdIds,
      };
      await recordAudit(tx, options.actor, { action: 'import', entity: 'certifications', entityId: null, after: entry });
      if (summary.dryRun) tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return summary;
}

class ImportWriter {
  readonly #tx: Tx;
  readonly #actor: Actor;
  readonly #summary: ImportSummary;
  readonly createdIds: { establishments: number[]; products: number[]; certifications: number[] } = {
    establishments: [],
    products: [],
    certifications: [],
  };

  constructor(tx: Tx, actor: Actor, summary: ImportSummary) {
    this.#tx = tx;
    this.#actor = actor;
    this.#summary = summary;
  }

  async apply(row: ImportRow<StoredProvinceUnit>): Promise<void> {
    const { created } = this.#summary;
    const before = { establishments: created.establishments, products: created.products, updated: this.#summary.updatedCertifications };
    const establishmentId = row.producer ? await this.#establishment(row) : null;
    const productId = await this.#product(row, establishmentId);
    const certificationsBefore = created.certifications;
    const certificationId = await this.#certification(row, productId);
    this.#summary.outcomes.push({
      line: row.line,
      outcome:
        created.certifications > certificationsBefore
          ? 'new'
          : this.#summary.updatedCertifications > before.updated
            ? 'update'
            : 'unchanged',
      createdEstablishment: created.establishments > before.establishments,
      createdProduct: created.products > before.products,
      productId,
      certificationId,
    });
  }

  async #establishment(row: ImportRow<StoredProvinceUnit>): Promise<number> {
    const tx = this.#tx;
    const candidates = await tx
      .select({ id: establishments.id, provinceId: provinces.id, successorId: provinces.successorId })
      .from(establishments)
      .leftJoin(provinces, eq(establishments.provinceId, provinces.id))
      .where(eq(establishments.nameKey, row.producerKey!));
    const sameProvince = candidates.find((c) => (c.successorId ?? c.provinceId) === row.province.currentId);
    if (sameProvince) return sameProvince.id;
    const values = {
      slug: await this.#slug('establishments', row.producer!),
      name: row.producer!,
      nameKey: row.producerKey!,
      legalForm: inferLegalForm(row.producer!),
      provinceId: row.province.id,
    };
    const [created] = await tx.insert(establishments).values(values).returning();
    await recordAudit(tx, this.#actor, { action: 'create', entity: 'establishments', entityId: created!.id, after: created });
    this.#summary.created.establishments++;
    this.createdIds.establishments.push(created!.id);
    return created!.id;
  }

  async #product(row: ImportRow<StoredProvinceUnit>, establishmentId: number | null): Promise<number> {
    const tx = this.#tx;
    const nameKey = compactKey(row.productName);
    const [existing] = await tx
      .select()
      .from(products)
      .where(
        and(
          eq(products.nameKey, nameKey),
          establishmentId === null ? isNull(products.establishmentId) : eq(products.establishmentId, establishmentId),
        ),
      )
      .limit(1);
    const groupId = row.group ? productGroupByCode(row.group).id : null;
    if (existing) {
      if (existing.groupId === null && groupId !== null) {
        const [after] = await tx
          .update(products)
          .set({ groupId, version: existing.version + 1, updatedAt: new Date().toISOString() })
          .where(eq(products.id, existing.id))
          .returning();
        await recordAudit(tx, this.#actor, { action: 'update', entity: 'products', entityId: existing.id, before: existing, after });
      }
      return existing.id;
    }
    const values = {
      slug: await this.#slug('products', row.productName),
      name: row.productName,
      nameKey,
      kind: row.kind,
      groupId,
      establishmentId,
    };
    const [created] = await tx.insert(products).values(values).returning();
    if (row.setItems.length > 0) {
      await tx.insert(productSetItems).values(row.setItems.map((name, position) => ({ productId: created!.id, position, name })));
    }
    await recordAudit(tx, this.#actor, {
      action: 'create',
      entity: 'products',
      entityId: created!.id,
      after: { ...created, setItems: row.setItems },
    });
    this.#summary.created.products++;
    this.createdIds.products.push(created!.id);
    return created!.id;
  }

  async #certification(row: ImportRow<StoredProvinceUnit>, productId: number): Promise<number> {
    const tx = this.#tx;
    const fields = {
      decisionNo: row.decisionNo,
      score: row.score,
      sourceUrl: row.sourceUrl,
      productNameAsPublished: row.productName,
      producerNameAsPublished: row.producer,
    };
    const [existing] = await tx.select().from(certifications).where(eq(certifications.importKey, row.importKey)).limit(1);
    if (existing) {
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => fields[k] !== null && fields[k] !== existing[k]);
      if (changed.length === 0) {
        this.#summary.unchanged++;
        return existing.id;
      }
      const patch = Object.fromEntries(changed.map((k) => [k, fields[k]]));
      const [after] = await tx
        .update(certifications)
        .set({ ...patch, version: existing.version + 1, updatedAt: new Date().toISOString() })
        .where(eq(certifications.id, existing.id))
        .returning();
      await recordAudit(tx, this.#actor, { action: 'update', entity: 'certifications', entityId: existing.id, before: existing, after });
      this.#summary.updatedCertifications++;
      return existing.id;
    }
    const values = {
      ...fields,
      productId,
      level: row.level.level,
      regionCode: row.level.region,
      roundYear: row.year,
      issuerId: await issuerFor(tx, row.level.level, row.province),
      registryCode: await this.#registryCode(row),
      validUntil: defaultValidUntil(row.year),
      provinceId: row.province.id,
      importKey: row.importKey,
    };
    const [created] = await tx.insert(certifications).values(values).returning();
    await recordAudit(tx, this.#actor, { action: 'create', entity: 'certifications', entityId: created!.id, after: created });
    this.#summary.created.certifications++;
    this.createdIds.certifications.push(created!.id);
    return created!.id;
  }

  async #registryCode(row: ImportRow<StoredProvinceUnit>): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const code = makeRegistryCode(row.level.level, row.year, row.importKey, attempt);
      const [taken] = await this.#tx
        .select({ id: certifications.id })
        .from(certifications)
        .where(eq(certifications.registryCode, code))
        .limit(1);
      if (!taken) return code;
    }
  }

  async #slug(table: 'products' | 'establishments', name: string): Promise<string> {
    const column = table === 'products' ? products : establishments;
    const base = slugify(name);
    const rows = await this.#tx
      .select({ slug: column.slug })
      .from(column)
      .where(or(eq(column.slug, base), like(column.slug, `${base}-%`)));
    const taken = new Set(rows.map((r) => r.slug));
    return uniqueSlug(base, (s) => taken.has(s));
  }
}
