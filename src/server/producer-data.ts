/**
 * The loader of the producer pages: the list (/producers/) and one establishment's page with its products
 * as catalogue cards and the fairs it was shown at. What a producer page reads is what `render-record.ts`
 * fingerprints for it (decision 032): keep the two in step.
 */
import { getDatabase } from '#db/client.ts';
import { listFairsOfEstablishment } from '#db/queries/fairs.ts';
import { getProducerBySlug, listProducers } from '#db/queries/producers.ts';
import type { CatalogueItem } from '#domain/listing.ts';
import type { Locale } from '#domain/i18n.ts';
import { oncePerBuild } from './build-memo.ts';
import { getCatalogueData } from './listing-data.ts';
import { keysToRender } from './render-filter.ts';

/** A published establishment as the list shows it. */
export type ProducerSummary = Awaited<ReturnType<typeof listProducers>>[number];

/** A published establishment with its contacts, as its page shows it. */
export type Producer = NonNullable<Awaited<ReturnType<typeof getProducerBySlug>>>;

/** Everything a producer page renders. */
export interface ProducerPageData {
  producer: Producer;
  /** Its published products, in catalogue order (as the listings show them). */
  products: CatalogueItem[];
  fairs: Awaited<ReturnType<typeof listFairsOfEstablishment>>;
}

/** Every published establishment with a published product, by name. */
export async function listProducerSummaries(): Promise<ProducerSummary[]> {
  const { db } = await getDatabase();
  return listProducers(db);
}

/** The producer pages this build renders (all, or those the publish's plan names). */
export async function producerPaths(): Promise<{ params: { slug: string } }[]> {
  const slugs = (await listProducerSummaries()).map((p) => p.slug);
  return keysToRender('producers', slugs).map((slug) => ({ params: { slug } }));
}

/** What the page of producer `slug` shows in `locale`. */
export async function getProducerPage(prerendering: boolean, slug: string, locale: Locale): Promise<ProducerPageData> {
  const { db } = await getDatabase();
  const producer = await oncePerBuild(prerendering, `producer:${slug}`, () => getProducerBySlug(db, slug));
  if (!producer) throw new Error(`producer ${slug} vanished during the build`);
  const { items, indexBySlug } = await getCatalogueData(locale);
  const products = [...new Set(producer.productSlugs)]
    .map((s) => indexBySlug.get(s))
    .filter((i) => i !== undefined)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
  return { producer, products, fairs: await listFairsOfEstablishment(db, producer.id) };
}
