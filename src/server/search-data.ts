import { getDatabase } from '#db/client.ts';
import { listProducers } from '#db/queries/producers.ts';
import { listProvinceUnits } from '#db/queries/provinces.ts';
import { LEGAL_FORMS } from '#domain/establishments.ts';
import type { Locale } from '#domain/i18n.ts';
import { provinceWithSuccessor } from '#domain/provinces.ts';
import { buildProductSearch, type ProductSearchFiles, type SearchDisplay } from '#domain/search/bundle.ts';
import { buildCompactIndex } from '#domain/search/compact.ts';
import { PRODUCER_FIELDS, producerSearchDocument, type ProducerSearchRow } from '#domain/search/documents.ts';
import type { MissData } from '#domain/search/province-mentions.ts';
import { cataloguePayload, getCatalogueData } from './listing-data.ts';

const productFiles = new Map<Locale, Promise<ProductSearchFiles>>();

/** The product search files of one language, built once per build. */
export function productSearchFiles(locale: Locale): Promise<ProductSearchFiles> {
  let files = productFiles.get(locale);
  if (!files) {
    files = Promise.all([getCatalogueData(locale), cataloguePayload(locale)]).then(([{ items }, payload]) =>
      buildProductSearch(items, locale, {
        labels: payload.labels as SearchDisplay['labels'],
        strings: { certifications: payload.strings.certifications, unknownProducer: payload.strings.unknownProducer },
        productBase: payload.productBase,
      }),
    );
    productFiles.set(locale, files);
  }
  return files;
}

/** The file names under /search/products/: manifest, facets, misses, t-N (term chunks), r-N (result rows). */
export async function productSearchFileNames(locale: Locale): Promise<string[]> {
  const { terms, rows } = await productSearchFiles(locale);
  return ['manifest', 'facets', 'misses', ...terms.map((_, n) => `t-${n}`), ...rows.map((_, n) => `r-${n}`)];
}

/**
 * What the search page fetches only when a query finds nothing (src/domain/search/misses.ts): every
 * provincial unit with the one it became part of, and the province names the registry's products carry.
 */
export async function productMissData(locale: Locale): Promise<MissData> {
  const { db } = await getDatabase();
  const [units, { items }] = await Promise.all([listProvinceUnits(db), getCatalogueData(locale)]);
  return {
    provinces: units.map((u) => ({ name: u.name, successor: u.successorName, isCity: u.unitType === 'city' })),
    withProducts: [...new Set(items.flatMap((item) => [item.provinceName, item.currentProvinceName]))].sort(),
  };
}

/** One product search file's content, or undefined for an unknown name. */
export async function productSearchFile(locale: Locale, name: string): Promise<unknown> {
  const files = await productSearchFiles(locale);
  if (name === 'manifest') return files.manifest;
  if (name === 'facets') return files.facets;
  if (name === 'misses') return productMissData(locale);
  const match = /^([tr])-(\d+)$/.exec(name);
  if (!match) return undefined;
  return match[1] === 't' ? files.terms[Number(match[2])] : files.rows[Number(match[2])];
}

/** The establishment index of one language with its rows, in one file (they are few): one chunk. */
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
  const { manifest, chunks } = buildCompactIndex(
    producers.map((p, i) => ({ ...producerSearchDocument(rows[i]!, [p.provinceName ?? '', p.currentProvinceName ?? '']), id: String(i) })),
    PRODUCER_FIELDS,
    Infinity,
  );
  return { manifest, chunks, rows };
}
