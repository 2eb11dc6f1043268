/**
 * The second pass of an import (../import-writer.ts): the writes, in batches (src/db/batch.ts): the new
 * records table by table in row order, each changed record once in its last state, and the audit rows in
 * the order the rows made them.
 */
import { inArray } from 'drizzle-orm';
import type { Actor } from '#db/audit.ts';
import { insertAll, insertReturning, updateAll } from '#db/batch.ts';
import type { Tx } from '#db/client.ts';
import { auditLog, certifications, decisions, establishments, products, productSetItems } from '#db/schema/index.ts';
import {
  chunks,
  idOf,
  KEYS,
  type CertificationRow,
  type Held,
  type HeldCertification,
  type HeldDecision,
  type HeldProduct,
  type Plan,
  type ProductRow,
} from './held.ts';

/** Ids of the records an import created, by table. */
export interface CreatedIds {
  establishments: number[];
  products: number[];
  certifications: number[];
}

/** Writes a planned import inside its transaction. */
export class PlanWriter {
  readonly #tx: Tx;
  readonly #actor: Actor;
  readonly #plan: Plan;
  readonly #decisionOf: ReadonlyMap<HeldCertification, HeldDecision | number | null>;
  readonly #createdIds: CreatedIds;

  constructor(
    tx: Tx,
    actor: Actor,
    plan: Plan,
    decisionOf: ReadonlyMap<HeldCertification, HeldDecision | number | null>,
    createdIds: CreatedIds,
  ) {
    this.#tx = tx;
    this.#actor = actor;
    this.#plan = plan;
    this.#decisionOf = decisionOf;
    this.#createdIds = createdIds;
  }

  async insertEstablishments(): Promise<void> {
    const news = this.#plan.newEstablishments;
    const values = news.map((h) => h.insert!);
    this.#created('establishments', news, await insertReturning(this.#tx, establishments, values, 'slug'));
  }

  async insertProducts(): Promise<void> {
    const news = this.#plan.newProducts;
    const values = news.map((h) => ({ ...h.insert!, establishmentId: h.establishment ? idOf(h.establishment) : null }));
    this.#created('products', news, await insertReturning(this.#tx, products, values, 'slug'));
    const items = news.flatMap((h) => h.setItems.map((name, position) => ({ productId: idOf(h), position, name })));
    await insertAll(this.#tx, productSetItems, items);
  }

  async insertDecisions(): Promise<void> {
    const news = this.#plan.newDecisions;
    const values = news.map((h) => h.insert!);
    const stored = await insertReturning(this.#tx, decisions, values, 'slug');
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

  async insertCertifications(): Promise<void> {
    const news = this.#plan.newCertifications;
    const values = news.map((h) => ({ ...h.insert!, productId: idOf(h.product!), decisionId: this.#decisionIdOf(h) }));
    this.#created('certifications', news, await insertReturning(this.#tx, certifications, values, 'registryCode'));
  }

  /** Gives each new record its stored row and id, in the order they were inserted, and notes the ids. */
  #created<R extends { id: number }>(table: keyof CreatedIds, news: readonly Held<R, unknown>[], stored: readonly R[]): void {
    news.forEach((held, i) => {
      held.row = held.created = stored[i]!;
      held.id = stored[i]!.id;
    });
    this.#createdIds[table].push(...stored.map((r) => r.id));
  }

  /**
   * The planned updates, in row order: each one's before and after (a record changed twice changes from
   * its first after), then each changed record written once in its last state.
   */
  async update(): Promise<void> {
    const updatedAt = new Date().toISOString();
    await this.#readRows(
      products,
      this.#plan.changes.flatMap((c) => (c.kind === 'product' && !c.held.row ? [c.held] : [])),
    );
    await this.#readRows(
      certifications,
      this.#plan.changes.flatMap((c) => (c.kind === 'certification' && !c.held.row ? [c.held] : [])),
    );
    const changedProducts = new Set<HeldProduct>();
    const changedCertifications = new Set<HeldCertification>();
    for (const change of this.#plan.changes) {
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
  async insertAudit(): Promise<void> {
    const actor = this.#actor;
    const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
    const values = this.#plan.audit.map((entry) => {
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
