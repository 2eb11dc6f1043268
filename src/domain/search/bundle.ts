/**
 * The product search files of one language, as the site publishes them and the benchmark measures them:
 * a manifest (index statistics, chunk starts, labels), compact term chunks, result rows in small chunks
 * and one compact file of every product's facet values. Products are numbered in folded-name order, so
 * the results of a name query tend to share row chunks.
 */
import type { CardFields, CatalogueItem, FacetFields, FacetKey, LevelFacet } from '#domain/listing.ts';
import type { CertificationStatus } from '#domain/validity.ts';
import type { ProductGroupCode } from '#domain/groups.ts';
import type { Locale } from '#domain/i18n.ts';
import { foldVietnamese } from '#domain/text.ts';
import { buildCompactIndex, type CompactChunk, type CompactManifest } from './compact.ts';
import { PRODUCT_FIELDS, productFacetWords, productSearchDocument } from './documents.ts';
import { GLOSSARY_FIELD, glossaryFieldText } from './glossary-terms.ts';

/** Result rows per file: small, because the first results of a province or level query are scattered. */
export const ROWS_PER_CHUNK = 16;

export interface SearchDisplay {
  labels: Record<FacetKey, Record<string, string>>;
  strings: { certifications: string; unknownProducer: string };
  productBase: string;
}

export interface ProductSearchManifest {
  index: CompactManifest;
  rowsPerChunk: number;
  rowChunks: number;
  display: SearchDisplay;
}

/** Every product's facet values: index lists, then per product [group, province, (level, year, status)…]. */
export interface FacetTable {
  groups: (ProductGroupCode | null)[];
  provinces: string[];
  levels: LevelFacet[];
  statuses: CertificationStatus[];
  products: number[][];
}

export interface ProductSearchFiles {
  manifest: ProductSearchManifest;
  terms: CompactChunk[];
  rows: CardFields[][];
  facets: FacetTable;
}

/** A result row; the English files also carry the English names staff recorded (#18.2), only where there are some. */
const cardFields = (item: CatalogueItem, locale: Locale): CardFields => ({
  slug: item.slug,
  name: item.name,
  ...(locale === 'en' && item.nameEn ? { nameEn: item.nameEn } : {}),
  establishmentName: item.establishmentName,
  ...(locale === 'en' && item.establishmentNameEn ? { establishmentNameEn: item.establishmentNameEn } : {}),
  provinceName: item.provinceName,
  currentProvinceName: item.currentProvinceName,
  status: item.status,
  newestYear: item.newestYear,
  topLevel: item.topLevel,
  certificationCount: item.certificationCount,
});

/** Builds every product search file of one language. */
export function buildProductSearch(items: readonly CatalogueItem[], locale: Locale, display: SearchDisplay): ProductSearchFiles {
  const ordered = items
    .map((item) => ({ item, key: `${foldVietnamese(item.name)}\u0000${item.slug}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
  // The glossary's words (English meanings, Vietnamese spellings) go in a field of their own, after the rest;
  // on the English side so do the English names staff recorded (#18.2), so a product is found by them too.
  const { manifest: index, chunks: terms } = buildCompactIndex(
    ordered.map((item, n) => ({
      ...productSearchDocument(item, productFacetWords(item, locale)),
      [GLOSSARY_FIELD.name]: [glossaryFieldText(item.name, locale), ...(locale === 'en' ? [item.nameEn, item.establishmentNameEn] : [])]
        .filter(Boolean)
        .join(' '),
      id: String(n),
    })),
    [...PRODUCT_FIELDS, GLOSSARY_FIELD],
  );
  const rows: CardFields[][] = [];
  for (let i = 0; i < ordered.length; i += ROWS_PER_CHUNK)
    rows.push(ordered.slice(i, i + ROWS_PER_CHUNK).map((item) => cardFields(item, locale)));

  const lookup = <T>(list: T[]) => {
    const positions = new Map<T, number>();
    return (value: T) => {
      let n = positions.get(value);
      if (n === undefined) positions.set(value, (n = list.push(value) - 1));
      return n;
    };
  };
  const facets: FacetTable = { groups: [], provinces: [], levels: [], statuses: [], products: [] };
  const [group, province, level, status] = [
    lookup(facets.groups),
    lookup(facets.provinces),
    lookup(facets.levels),
    lookup(facets.statuses),
  ];
  facets.products = ordered.map((item) => [
    group(item.group),
    province(item.currentProvinceSlug),
    ...item.certs.flatMap((c) => [level(c.level), c.year, status(c.status)]),
  ]);
  return { manifest: { index, rowsPerChunk: ROWS_PER_CHUNK, rowChunks: rows.length, display }, terms, rows, facets };
}

/** The facet values of every product, by product number, from the compact table. */
export function readFacetTable(table: FacetTable): FacetFields[] {
  return table.products.map(([group, province, ...certs]) => {
    const list: FacetFields['certs'] = [];
    for (let i = 0; i < certs.length; i += 3)
      list.push({ level: table.levels[certs[i]!]!, year: certs[i + 1]!, status: table.statuses[certs[i + 2]!]! });
    return { group: table.groups[group!] ?? null, currentProvinceSlug: table.provinces[province!]!, certs: list };
  });
}
