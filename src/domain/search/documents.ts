import { groupLabel, levelFacetLabel } from '#domain/facet-labels.ts';
import type { CatalogueItem } from '#domain/listing.ts';
import { STATUS_LABELS } from '#domain/certification-display.ts';
import type { Locale } from '#domain/i18n.ts';
import { EXACT_FIELD, type SearchField } from './pipeline.ts';

/** Product index fields: name ≫ establishment ≫ province, group and level. */
export const PRODUCT_FIELDS: readonly SearchField[] = [
  { name: 'name', boost: 10 },
  { name: EXACT_FIELD, boost: 10 },
  { name: 'establishment', boost: 4 },
  { name: 'province', boost: 2 },
  { name: 'facets', boost: 1 },
];

/**
 * The searchable text of one catalogue item. The province field holds the province as certified and
 * the current one, so "Bắc Ninh" finds a 2021 "Bắc Giang" product and the reverse. `labels` are the
 * level, group and status words of the page's language.
 */
export function productSearchDocument(item: CatalogueItem, facetLabels: readonly string[]): Record<string, string> {
  return {
    id: item.slug,
    name: item.name,
    [EXACT_FIELD]: item.name,
    establishment: item.establishmentName ?? '',
    province: [item.provinceName, item.currentProvinceName].join(' '),
    facets: facetLabels.join(' '),
  };
}

/** The level, group and status words of an item in one language, for the `facets` field. */
export function productFacetWords(item: CatalogueItem, locale: Locale): string[] {
  const words = new Set<string>();
  for (const cert of item.certs) {
    words.add(levelFacetLabel(cert.level, locale));
    words.add(STATUS_LABELS[cert.status][locale]);
  }
  if (item.group) words.add(groupLabel(item.group, locale));
  return [...words];
}

/** Establishment index fields: name ≫ province ≫ legal form. */
export const PRODUCER_FIELDS: readonly SearchField[] = [
  { name: 'name', boost: 10 },
  { name: EXACT_FIELD, boost: 10 },
  { name: 'province', boost: 2 },
  { name: 'facets', boost: 1 },
];

/** A producer as the search page lists it. */
export interface ProducerSearchRow {
  slug: string;
  name: string;
  legalForm: string;
  province: string;
  productCount: number;
}

/** The searchable text of one establishment; `province` holds the old and current names. */
export function producerSearchDocument(row: ProducerSearchRow, provinceNames: readonly string[]): Record<string, string> {
  return { id: row.slug, name: row.name, [EXACT_FIELD]: row.name, province: provinceNames.join(' '), facets: row.legalForm };
}

/** Exhibitor index fields: name ≫ products shown ≫ booth ≫ province ≫ group and level words. */
export const EXHIBITOR_FIELDS: readonly SearchField[] = [
  { name: 'name', boost: 10 },
  { name: EXACT_FIELD, boost: 10 },
  { name: 'products', boost: 6 },
  { name: 'booth', boost: 4 },
  { name: 'province', boost: 2 },
  { name: 'facets', boost: 1 },
];

/**
 * The searchable text of one exhibitor: its name, the names of the products it shows, its booth and hall,
 * its province as registered and now, and the group and level words of its products.
 */
export function exhibitorSearchDocument(
  entry: { name: string; booth: string | null; hall: string | null; provinceName: string | null; currentProvinceName: string | null },
  productNames: readonly string[],
  facetWords: readonly string[],
): Omit<Record<string, string>, 'id'> {
  return {
    name: entry.name,
    [EXACT_FIELD]: entry.name,
    products: productNames.join(' '),
    booth: [entry.booth ?? '', entry.hall ?? ''].join(' '),
    province: [entry.provinceName ?? '', entry.currentProvinceName ?? ''].join(' '),
    facets: facetWords.join(' '),
  };
}

/** An exhibitor as the /search/ page lists it: its fair, booth and sample mark. */
export interface ExhibitorSearchRow {
  id: number;
  fairSlug: string;
  fairName: string;
  booth: string | null;
  name: string;
  province: string;
  isSample: boolean;
}
