/** Products as a record kind staff edit (../records.ts), with the items of a set as related rows. */
import { asc, eq } from 'drizzle-orm';
import { KIND_WORDS } from '#domain/admin/kind-labels.ts';
import { PRODUCT_FIELDS, readProductForm, type ProductInput } from '#domain/admin/product-form.ts';
import { compactKey } from '#domain/text.ts';
import { certifications, establishments, productGroups, products, productSetItems } from '#db/schema/index.ts';
import { haystack, type RecordKind } from '#db/queries/admin/records.ts';
import { countBy, freeSlug, kindOf, labelled, namedRecord, pick, plain, statusOf } from './shared.ts';

export const productKind: RecordKind<ProductInput> = {
  ...kindOf('products', products, PRODUCT_FIELDS, readProductForm),
  async load(db, id) {
    const [row] = await db.select().from(products).where(eq(products.id, id));
    if (!row) return null;
    const items = await db
      .select({ name: productSetItems.name })
      .from(productSetItems)
      .where(eq(productSetItems.productId, id))
      .orderBy(asc(productSetItems.position));
    return pick(row, PRODUCT_FIELDS, { setItems: items.map((i) => i.name) });
  },
  ...namedRecord(products, '/products/'),
  columns(_db, input) {
    return Promise.resolve({ ...plain(input, ['setItems']), nameKey: compactKey(input.name) });
  },
  async createColumns(db, input) {
    return { slug: await freeSlug(db, products, input.name) };
  },
  async relations(tx, id, input) {
    await tx.delete(productSetItems).where(eq(productSetItems.productId, id));
    if (input.setItems.length > 0)
      await tx.insert(productSetItems).values(input.setItems.map((name, position) => ({ productId: id, position, name })));
  },
  async list(db) {
    const rows = await db
      .select({
        id: products.id,
        name: products.name,
        kind: products.kind,
        status: products.status,
        updatedAt: products.updatedAt,
        groupId: products.groupId,
        groupName: productGroups.nameVi,
        producer: establishments.name,
      })
      .from(products)
      .leftJoin(establishments, eq(products.establishmentId, establishments.id))
      .leftJoin(productGroups, eq(products.groupId, productGroups.id));
    const certs = await countBy(db, certifications, certifications.productId);
    return rows.map((r) => ({
      id: r.id,
      title: r.name,
      cells: [r.producer, r.groupName, r.kind === 'set' ? KIND_WORDS.productSet : KIND_WORDS.productSingle, certs.get(r.id) ?? 0],
      status: statusOf(r.status),
      updatedAt: r.updatedAt,
      haystack: haystack(r.name, r.producer),
      facets: { status: r.status, kind: r.kind, groupId: r.groupId === null ? null : String(r.groupId) },
    }));
  },
  ...labelled('products', [
    ['groupId', 'groups'],
    ['kind', 'productKinds'],
    ['status', 'statuses'],
  ]),
  defaults: { kind: 'single', status: 'published', version: 1 },
};
