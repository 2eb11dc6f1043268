/**
 * The loader of the product pages (/products/<slug>/ in both languages): the product with its group,
 * producer, provinces, set items and certifications, the fairs that showed it and its published photos.
 * Each read is made once per build and shared with the verification pages, which read the same product.
 * What it reads is what `render-record.ts` fingerprints for the page (decision 032): keep the two in step.
 */
import { getDatabase } from '#db/client.ts';
import { getProductBySlug, listProductSlugs } from '#db/queries/product-records.ts';
import { listFairsShowingProduct } from '#db/queries/fairs.ts';
import { publishedProductImages } from '#db/queries/product-images.ts';
import type { ProductImage } from '#domain/product-image.ts';
import { oncePerBuild } from './build-memo.ts';
import { keysToRender } from './render-filter.ts';

/** A published product as its page shows it. */
export type ProductRecord = NonNullable<Awaited<ReturnType<typeof getProductBySlug>>>;

/** The fairs a product or producer was shown at, newest first. */
export type FairAppearance = Awaited<ReturnType<typeof listFairsShowingProduct>>[number];

/** Everything a product page renders. */
export interface ProductPageData extends ProductRecord {
  fairs: FairAppearance[];
  photos: ProductImage[];
}

/** The product pages this build renders (all, or those the publish's plan names). */
export async function productPaths(): Promise<{ params: { slug: string } }[]> {
  const { db } = await getDatabase();
  return keysToRender('products', await listProductSlugs(db)).map((slug) => ({ params: { slug } }));
}

/** One published product, read once per build; a slug listed by `productPaths` that is gone is an error. */
export async function getProductRecord(prerendering: boolean, slug: string): Promise<ProductRecord | null> {
  const { db } = await getDatabase();
  return oncePerBuild(prerendering, `product:${slug}`, () => getProductBySlug(db, slug));
}

/** What the page of product `slug` shows. */
export async function getProductPage(prerendering: boolean, slug: string): Promise<ProductPageData> {
  const data = await getProductRecord(prerendering, slug);
  if (!data) throw new Error(`product ${slug} vanished during the build`);
  const { db } = await getDatabase();
  const id = data.product.id;
  const fairs = await oncePerBuild(prerendering, `product-fairs:${slug}`, () => listFairsShowingProduct(db, id));
  const photos = await oncePerBuild(prerendering, `product-photos:${slug}`, () => publishedProductImages(db, id));
  return { ...data, fairs, photos };
}
