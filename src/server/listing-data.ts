import { getDatabase } from '#db/client.ts';
import { listCatalogueItems } from '#db/queries/listing.ts';
import { facetValueLabel, provinceFacetLabel } from '#domain/facet-labels.ts';
import {
  compareVietnamese,
  countFacets,
  FACETS,
  filterItems,
  LEVEL_FACETS,
  PAGE_SIZE,
  sortItems,
  type CatalogueItem,
  type FacetKey,
} from '#domain/listing.ts';
import { PRODUCT_GROUPS } from '#domain/groups.ts';
import { localizePath, type Locale } from '#domain/i18n.ts';
import { t } from '#domain/ui-strings.ts';
import { todayIso } from '#domain/validity.ts';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface CatalogueData {
  items: CatalogueItem[];
  /** Each item's place in `items`, by slug (a producer's page picks its own without scanning them all). */
  indexBySlug: Map<string, number>;
  /** Every facet's values in display order with labels and unfiltered counts (values with no product left out). */
  facets: Record<FacetKey, FacetOption[]>;
  today: string;
}

let cached: Promise<Awaited<ReturnType<typeof listCatalogueItems>>> | undefined;

const perLocale = new Map<Locale, Promise<CatalogueData>>();

/**
 * The catalogue for a build, read and counted once per language and shared by every listing page and the
 * island's JSON (counting again on each of thousands of listing pages was a tenth of a large build).
 */
export function getCatalogueData(locale: Locale): Promise<CatalogueData> {
  let data = perLocale.get(locale);
  if (!data) {
    data = readCatalogueData(locale);
    perLocale.set(locale, data);
  }
  return data;
}

async function readCatalogueData(locale: Locale): Promise<CatalogueData> {
  const today = todayIso();
  cached ??= getDatabase().then(({ db }) => listCatalogueItems(db, today));
  const { items, provinces } = await cached;
  const provinceLabels = new Map(provinces.map((p) => [p.slug, provinceFacetLabel(p.name, p.oldNames, locale)]));
  const counts = countFacets(items, {});
  const order: Record<FacetKey, string[]> = {
    level: [...LEVEL_FACETS],
    group: PRODUCT_GROUPS.map((g) => g.code),
    province: [...provinces].sort((a, b) => compareVietnamese(a.name, b.name)).map((p) => p.slug),
    year: [...counts.year.keys()].sort((a, b) => Number(b) - Number(a)),
    status: ['valid', 'expired', 'revoked'],
  };
  const facets = Object.fromEntries(
    FACETS.map((facet) => [
      facet,
      order[facet]
        .map((value) => ({ value, label: facetValueLabel(facet, value, locale, provinceLabels), count: counts[facet].get(value) ?? 0 }))
        .filter((o) => o.count > 0),
    ]),
  ) as Record<FacetKey, FacetOption[]>;
  return { items, indexBySlug: new Map(items.map((item, i) => [item.slug, i])), facets, today };
}

const listings = new Map<string, Promise<CatalogueItem[]>>();

/**
 * One listing's items in page order (all products, or those of one facet value), filtered and sorted once
 * per build and sliced by each of its pages. Filtered and sorted again on every page, a listing of n items
 * cost n/24 sorts of n items: at 20,000 products the listings took most of the build (decision 033).
 */
export function getListingItems(locale: Locale, facet: FacetKey | null, value: string | null): Promise<CatalogueItem[]> {
  const key = `${locale}|${facet ?? ''}|${value ?? ''}`;
  let listing = listings.get(key);
  if (!listing) {
    listing = getCatalogueData(locale).then(({ items }) =>
      sortItems(facet && value ? filterItems(items, { [facet]: value }) : items, 'newest'),
    );
    listings.set(key, listing);
  }
  return listing;
}

/** What one listing page shows: the facets (with counts) and the listing's items in order, all of its pages. */
export interface ListingPage {
  facets: CatalogueData['facets'];
  items: CatalogueItem[];
}

/** The listing of all products (`facet` null) or of one facet value, for its pages. */
export async function getListingPage(locale: Locale, facet: FacetKey | null, value: string | null): Promise<ListingPage> {
  const { facets } = await getCatalogueData(locale);
  return { facets, items: await getListingItems(locale, facet, value) };
}

/** Every prerendered listing: all products and each single facet value, each paginated. */
export async function catalogueListingPaths(locale: Locale) {
  const { items, facets } = await getCatalogueData(locale);
  const listings: { facet: FacetKey | null; value: string | null; total: number }[] = [
    { facet: null, value: null, total: items.length },
    ...FACETS.flatMap((facet) => facets[facet].map((o) => ({ facet, value: o.value, total: o.count }))),
  ];
  return listings.flatMap(({ facet, value, total }) =>
    Array.from({ length: Math.max(1, Math.ceil(total / PAGE_SIZE)) }, (_, i) => {
      const page = i + 1;
      const parts = [...(facet && value ? [facet, value] : []), ...(page > 1 ? ['page', String(page)] : [])];
      return { params: { listing: parts.length > 0 ? parts.join('/') : undefined }, props: { facet, value, page } };
    }),
  );
}

/** The island's data: every item, facet labels and the few strings it renders. */
export async function cataloguePayload(locale: Locale) {
  const { items, facets } = await getCatalogueData(locale);
  const s = t(locale);
  return {
    items,
    labels: Object.fromEntries(FACETS.map((f) => [f, Object.fromEntries(facets[f].map((o) => [o.value, o.label]))])),
    strings: {
      certifications: s.certifications,
      unknownProducer: s.unknownProducer,
      resultsCount: s.resultsCount,
      removeFilter: s.removeFilter,
      search: s.searchButton,
      pageOf: s.pageOf,
      pagination: s.pagination,
    },
    productBase: localizePath('/products/', locale),
    listPath: localizePath('/products/', locale),
  };
}
