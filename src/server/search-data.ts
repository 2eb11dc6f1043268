import { getDatabase } from '../db/client.ts';
import { listProducers } from '../db/queries/producers.ts';
import { LEGAL_FORMS } from '../domain/establishments.ts';
import type { Locale } from '../domain/i18n.ts';
import { provinceWithSuccessor } from '../domain/provinces.ts';
import {
  PRODUCER_FIELDS,
  PRODUCT_FIELDS,
  producerSearchDocument,
  productFacetWords,
  productSearchDocument,
  type ProducerSearchRow,
} from '../domain/search/documents.ts';
import { buildIndex } from '../domain/search/pipeline.ts';
import { getCatalogueData } from './catalogue-data.ts';

/** The product index of one language; result rows come from the catalogue's JSON (the document store). */
export async function productSearchIndex(locale: Locale) {
  const { items } = await getCatalogueData(locale);
  return buildIndex(
    items.map((item) => productSearchDocument(item, productFacetWords(item, locale))),
    PRODUCT_FIELDS,
  );
}

/** The establishment index of one language with its rows, in one file (they are few). */
export async function producerSearchData(locale: Locale) {
  const { db } = await getDatabase();
  const producers = await listProducers(db);
  const rows: ProducerSearchRow[] = producers.map((p) => ({
    slug: p.slug,
    name: p.name,
    legalForm: LEGAL_FORMS.find((f) => f.code === p.legalForm)?.[locale] ?? '',
    province: p.provinceName ? provinceWithSuccessor(p.provinceName, p.currentProvinceName, locale) : '',
    productCount: p.productCount,
  }));
  const index = buildIndex(
    producers.map((p, i) => producerSearchDocument(rows[i]!, [p.provinceName ?? '', p.currentProvinceName ?? ''])),
    PRODUCER_FIELDS,
  );
  return { index, rows };
}
