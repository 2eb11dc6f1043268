/**
 * A product's photos: the stored images (one row per content hash, R17) and their place in a product's
 * list. Every change to a list runs inside the caller's transaction with one audit row on the product
 * (R24) holding the list before and after; nothing else on the product changes (not even its version:
 * the photo list is edited apart from the product form, so it never makes that form's save stale).
 */
import { and, asc, eq, lt, notExists, notInArray, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '#db/audit.ts';
import type { DbOrTx } from '#db/client.ts';
import type { ProductImage } from '#domain/product-image.ts';
import { images, productImages, products } from '#db/schema/index.ts';

export type StoredImage = typeof images.$inferSelect;

const imageColumns = {
  imageId: productImages.imageId,
  hash: images.contentHash,
  width: images.width,
  height: images.height,
  position: productImages.position,
  altVi: productImages.altVi,
  altEn: productImages.altEn,
};

/** A product's photos in their order, for the staff page. */
export async function listProductImages(db: DbOrTx, productId: number): Promise<ProductImage[]> {
  return db
    .select(imageColumns)
    .from(productImages)
    .innerJoin(images, eq(images.id, productImages.imageId))
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.imageId));
}

/** A published product's photos in their order; none for a draft, so a build never shows them. */
export async function publishedProductImages(db: DbOrTx, productId: number): Promise<ProductImage[]> {
  return db
    .select(imageColumns)
    .from(productImages)
    .innerJoin(images, eq(images.id, productImages.imageId))
    .innerJoin(products, eq(products.id, productImages.productId))
    .where(and(eq(productImages.productId, productId), eq(products.status, 'published')))
    .orderBy(asc(productImages.position), asc(productImages.imageId));
}

/** Every image shown on some published product (each once): the variants a build writes under /media/. */
export async function listPublishedImages(db: DbOrTx): Promise<{ hash: string; width: number }[]> {
  return db
    .selectDistinct({ hash: images.contentHash, width: images.width })
    .from(images)
    .innerJoin(productImages, eq(productImages.imageId, images.id))
    .innerJoin(products, eq(products.id, productImages.productId))
    .where(eq(products.status, 'published'))
    .orderBy(asc(images.contentHash));
}

/** The product an upload is for, or null. */
export async function getProductForImages(db: DbOrTx, productId: number): Promise<{ id: number; name: string; status: string } | null> {
  const [row] = await db
    .select({ id: products.id, name: products.name, status: products.status })
    .from(products)
    .where(eq(products.id, productId))
    .limit(1);
  return row ?? null;
}

export async function findImageByHash(db: DbOrTx, hash: string): Promise<StoredImage | null> {
  const [row] = await db.select().from(images).where(eq(images.contentHash, hash)).limit(1);
  return row ?? null;
}

/** The row of an image stored under this hash, inserted if new (the same photo uploaded twice is one row). */
export async function insertImageIfAbsent(tx: DbOrTx, values: Omit<typeof images.$inferInsert, 'id' | 'createdAt'>): Promise<StoredImage> {
  await tx.insert(images).values(values).onConflictDoNothing({ target: images.contentHash });
  return (await findImageByHash(tx, values.contentHash))!;
}

/** The content hashes of every stored image: the files the uploads folder may keep. */
export async function listImageHashes(db: DbOrTx): Promise<string[]> {
  return (await db.select({ hash: images.contentHash }).from(images)).map((r) => r.hash);
}

/**
 * Deletes the images no product shows that were stored before `olderThan` (ISO), except the hashes in
 * `keep` (uploads in progress), one audit row each; returns them so their files can go too.
 */
export async function deleteUnusedImages(tx: DbOrTx, olderThan: string, keep: string[], actor: Actor): Promise<StoredImage[]> {
  const unused = await tx
    .select()
    .from(images)
    .where(
      and(
        lt(images.createdAt, olderThan),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(productImages)
            .where(eq(productImages.imageId, images.id)),
        ),
        keep.length > 0 ? notInArray(images.contentHash, keep) : undefined,
      ),
    );
  for (const row of unused) {
    await tx.delete(images).where(eq(images.id, row.id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'images', entityId: row.id, before: row });
  }
  return unused;
}

export interface ImageAlt {
  altVi: string;
  altEn: string | null;
}

export type ImageListChange = { ok: true; changed: boolean } | { ok: false; reason: 'not-found' | 'already-attached' };

/** The list as the audit rows hold it: ids, hashes and alt texts in order. */
const auditList = (list: ProductImage[]) => ({
  images: list.map(({ imageId, hash, altVi, altEn }) => ({ imageId, hash, altVi, altEn })),
});

/** Runs one change of a product's list and records it, if the product exists and something changed. */
async function changeList(
  tx: DbOrTx,
  actor: Actor,
  productId: number,
  change: (before: ProductImage[]) => Promise<ImageListChange>,
): Promise<ImageListChange> {
  if (!(await getProductForImages(tx, productId))) return { ok: false, reason: 'not-found' };
  const before = await listProductImages(tx, productId);
  const result = await change(before);
  if (!result.ok || !result.changed) return result;
  const after = await listProductImages(tx, productId);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'products',
    entityId: productId,
    before: auditList(before),
    after: auditList(after),
  });
  return result;
}

/** Appends a stored image to a product's photos, last; alt text is required in Vietnamese. */
export async function addProductImage(
  tx: DbOrTx,
  actor: Actor,
  productId: number,
  imageId: number,
  alt: ImageAlt,
): Promise<ImageListChange> {
  return changeList(tx, actor, productId, async (before) => {
    if (before.some((i) => i.imageId === imageId)) return { ok: false, reason: 'already-attached' };
    const position = before.length === 0 ? 0 : Math.max(...before.map((i) => i.position)) + 1;
    await tx.insert(productImages).values({ productId, imageId, position, altVi: alt.altVi, altEn: alt.altEn });
    return { ok: true, changed: true };
  });
}

/** Replaces the alt texts of one of a product's photos. */
export async function setProductImageAlt(
  tx: DbOrTx,
  actor: Actor,
  productId: number,
  imageId: number,
  alt: ImageAlt,
): Promise<ImageListChange> {
  return changeList(tx, actor, productId, async (before) => {
    const current = before.find((i) => i.imageId === imageId);
    if (!current) return { ok: false, reason: 'not-found' };
    if (current.altVi === alt.altVi && current.altEn === alt.altEn) return { ok: true, changed: false };
    await tx
      .update(productImages)
      .set({ altVi: alt.altVi, altEn: alt.altEn })
      .where(and(eq(productImages.productId, productId), eq(productImages.imageId, imageId)));
    return { ok: true, changed: true };
  });
}

/** Writes positions 0…n-1 in the given order (each `position` is the row's current value). */
async function renumber(tx: DbOrTx, productId: number, order: ProductImage[]): Promise<void> {
  for (const [position, image] of order.entries())
    if (image.position !== position)
      await tx
        .update(productImages)
        .set({ position })
        .where(and(eq(productImages.productId, productId), eq(productImages.imageId, image.imageId)));
}

/** Swaps a photo with its neighbour; moving the first up or the last down changes nothing. */
export async function moveProductImage(
  tx: DbOrTx,
  actor: Actor,
  productId: number,
  imageId: number,
  direction: 'up' | 'down',
): Promise<ImageListChange> {
  return changeList(tx, actor, productId, async (before) => {
    const at = before.findIndex((i) => i.imageId === imageId);
    if (at === -1) return { ok: false, reason: 'not-found' };
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= before.length) return { ok: true, changed: false };
    const order = [...before];
    [order[at], order[to]] = [order[to]!, order[at]!];
    // Renumbering the whole list (not swapping two numbers) also mends gaps or ties in older data.
    await renumber(tx, productId, order);
    return { ok: true, changed: true };
  });
}

/** Takes a photo off a product; the stored image stays until the sweep finds no product uses it. */
export async function removeProductImage(tx: DbOrTx, actor: Actor, productId: number, imageId: number): Promise<ImageListChange> {
  return changeList(tx, actor, productId, async (before) => {
    if (!before.some((i) => i.imageId === imageId)) return { ok: false, reason: 'not-found' };
    await tx.delete(productImages).where(and(eq(productImages.productId, productId), eq(productImages.imageId, imageId)));
    await renumber(
      tx,
      productId,
      before.filter((i) => i.imageId !== imageId),
    );
    return { ok: true, changed: true };
  });
}
