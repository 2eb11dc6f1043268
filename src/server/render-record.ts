/**
 * The dependency record of a release (#19.1, decision 032): a fingerprint per record page, made by calling the
 * very queries its route's loader calls (`product-data.ts`, `producer-data.ts`, `verdict-data.ts`) and hashing
 * what they return (tests/integration/page-loaders.test.ts holds the product page's loader to it). A page whose
 * loaders return the same data on the same day renders to the same bytes, so an equal fingerprint lets a
 * publish take the page from the served release. The loaders' code is part of the code stamp: changing them
 * (or the components) makes the next build a full one.
 */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '#db/client.ts';
import { getCertificationByCode, getProductBySlug, listProductSlugs, listRegistryCodes } from '#db/queries/product-records.ts';
import { listFairsOfEstablishment, listFairsShowingProduct } from '#db/queries/fairs.ts';
import { listCatalogueItems } from '#db/queries/listing.ts';
import { getProducerBySlug, listProducers } from '#db/queries/producers.ts';
import { publishedProductImages } from '#db/queries/product-images.ts';
import { RENDER_RECORD_VERSION, type RenderRecord } from '#domain/render-plan.ts';

/** Loader calls in flight at once: enough to keep libSQL busy without holding thousands of promises. */
const CONCURRENCY = 32;

const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

async function eachLimited<T>(list: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) await work(list[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, list.length) }, worker));
}

/**
 * The fingerprints of every record page of the data in `db`, as pages built on `today` would show it.
 * Product and verification pages print the day ("printed on", "status as of"), so the day is in theirs.
 */
export async function recordFingerprints(db: DbOrTx, today: string): Promise<Record<string, string>> {
  const pages: Record<string, string> = {};
  const productData = new Map<string, Awaited<ReturnType<typeof getProductBySlug>>>();
  await eachLimited(await listProductSlugs(db), async (slug) => {
    const data = await getProductBySlug(db, slug);
    productData.set(slug, data);
    if (!data) return;
    const [fairs, photos] = await Promise.all([listFairsShowingProduct(db, data.product.id), publishedProductImages(db, data.product.id)]);
    pages[`products/${slug}`] = fingerprint([today, data, fairs, photos]);
  });
  await eachLimited(await listRegistryCodes(db), async (code) => {
    const certification = await getCertificationByCode(db, code);
    if (!certification) return;
    const product = productData.has(certification.productSlug)
      ? productData.get(certification.productSlug)
      : await getProductBySlug(db, certification.productSlug);
    pages[`verify/${code}`] = fingerprint([today, certification, product]);
  });
  const { items } = await listCatalogueItems(db, today);
  const itemIndex = new Map(items.map((item, i) => [item.slug, i]));
  await eachLimited(await listProducers(db), async ({ slug }) => {
    const producer = await getProducerBySlug(db, slug);
    if (!producer) return;
    const own = [...new Set(producer.productSlugs)]
      .flatMap((s) => itemIndex.get(s) ?? [])
      .sort((a, b) => a - b)
      .map((i) => items[i]);
    pages[`producers/${slug}`] = fingerprint([producer, own, await listFairsOfEstablishment(db, producer.id)]);
  });
  // Sorted keys: the record file is the same bytes for the same data.
  return Object.fromEntries(Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The record of the data in `db` built by this code for `site` on `today`. */
export async function makeRenderRecord(db: DbOrTx, options: { code: string; site: string; today: string }): Promise<RenderRecord> {
  return { version: RENDER_RECORD_VERSION, code: options.code, site: options.site, pages: await recordFingerprints(db, options.today) };
}
