/** Fair exhibitors as a record kind staff edit (../records.ts), with the products each shows as related rows. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { EXHIBITOR_FIELDS, readExhibitorForm, type ExhibitorInput } from '#domain/admin/exhibitor-form.ts';
import { KIND_MESSAGES, KIND_WORDS } from '#domain/admin/kind-labels.ts';
import type { DbOrTx } from '#db/client.ts';
import { establishments, fairExhibitorProducts, fairExhibitors, fairs, products } from '#db/schema/index.ts';
import { haystack, type Invalid, type RecordKind } from '#db/queries/admin/records.ts';
import { kindOf, labelled, listsBy, pick, plain, statusOf } from './shared.ts';

/** The columns of an exhibitor, or a refusal: a second booth for the same establishment, or another's products. */
async function columns(db: DbOrTx, input: ExhibitorInput, id: number | null): Promise<Record<string, unknown> | Invalid> {
  let establishmentId = input.establishmentId;
  if (id !== null) {
    const [row] = await db
      .select({ establishmentId: fairExhibitors.establishmentId })
      .from(fairExhibitors)
      .where(eq(fairExhibitors.id, id));
    establishmentId = row!.establishmentId;
  } else {
    const [duplicate] = await db
      .select({ id: fairExhibitors.id })
      .from(fairExhibitors)
      .where(and(eq(fairExhibitors.fairId, input.fairId), eq(fairExhibitors.establishmentId, input.establishmentId)));
    if (duplicate) return { invalid: { field: 'establishmentId', message: KIND_MESSAGES.exhibitorTwin } };
  }
  if (input.productIds.length > 0) {
    const owned = await db
      .select({ id: products.id })
      .from(products)
      .where(and(inArray(products.id, input.productIds), eq(products.establishmentId, establishmentId)));
    if (owned.length !== input.productIds.length)
      return { invalid: { field: 'productIds', message: KIND_MESSAGES.exhibitorForeignProduct } };
  }
  // The fair and the establishment are chosen once; moving a booth to another fair is a new exhibitor.
  return plain(input, id === null ? ['productIds'] : ['productIds', 'fairId', 'establishmentId']);
}

/** The names of the products each exhibitor shows, by exhibitor id. */
async function productsShown(db: DbOrTx): Promise<Map<number, string[]>> {
  const rows = await db
    .select({ exhibitorId: fairExhibitorProducts.exhibitorId, name: products.name })
    .from(fairExhibitorProducts)
    .innerJoin(products, eq(fairExhibitorProducts.productId, products.id));
  return listsBy(
    rows,
    (p) => p.exhibitorId,
    (p) => p.name,
  );
}

export const exhibitorKind: RecordKind<ExhibitorInput> = {
  ...kindOf('exhibitors', fairExhibitors, EXHIBITOR_FIELDS, readExhibitorForm),
  multi: ['productIds'],
  async load(db, id) {
    const [row] = await db.select().from(fairExhibitors).where(eq(fairExhibitors.id, id));
    if (!row) return null;
    const shown = await db
      .select({ productId: fairExhibitorProducts.productId })
      .from(fairExhibitorProducts)
      .where(eq(fairExhibitorProducts.exhibitorId, id))
      .orderBy(asc(fairExhibitorProducts.productId));
    return pick(row, EXHIBITOR_FIELDS, { productIds: shown.map((s) => s.productId) });
  },
  async title(db, id) {
    const [row] = await db
      .select({ name: establishments.name, fair: fairs.name })
      .from(fairExhibitors)
      .innerJoin(establishments, eq(fairExhibitors.establishmentId, establishments.id))
      .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id))
      .where(eq(fairExhibitors.id, id));
    return row ? `${row.name} — ${row.fair}` : null;
  },
  async publicPath(db, id) {
    const [row] = await db
      .select({ slug: fairs.slug })
      .from(fairExhibitors)
      .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id))
      .where(eq(fairExhibitors.id, id));
    return row ? `/fairs/${row.slug}/` : null;
  },
  columns,
  async relations(tx, id, input) {
    await tx.delete(fairExhibitorProducts).where(eq(fairExhibitorProducts.exhibitorId, id));
    if (input.productIds.length > 0)
      await tx.insert(fairExhibitorProducts).values(input.productIds.map((productId) => ({ exhibitorId: id, productId })));
  },
  async list(db) {
    const rows = await db
      .select({
        id: fairExhibitors.id,
        name: establishments.name,
        fairId: fairExhibitors.fairId,
        fair: fairs.name,
        booth: fairExhibitors.boothCode,
        hall: fairExhibitors.hall,
        isSample: fairExhibitors.isSample,
        status: fairExhibitors.status,
        updatedAt: fairExhibitors.updatedAt,
      })
      .from(fairExhibitors)
      .innerJoin(establishments, eq(fairExhibitors.establishmentId, establishments.id))
      .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id));
    const shown = await productsShown(db);
    return rows.map((r) => ({
      id: r.id,
      title: r.isSample ? `${r.name} (${KIND_WORDS.sampleExhibitor})` : r.name,
      cells: [r.fair, r.booth, r.hall, (shown.get(r.id) ?? []).join('; ') || null],
      status: statusOf(r.status),
      updatedAt: r.updatedAt,
      haystack: haystack(r.name, r.fair, r.booth, r.hall, ...(shown.get(r.id) ?? [])),
      facets: { status: r.status, fairId: String(r.fairId) },
    }));
  },
  ...labelled('exhibitors', [
    ['fairId', 'fairs'],
    ['status', 'statuses'],
  ]),
  defaults: { status: 'published', version: 1, productIds: [] },
};
