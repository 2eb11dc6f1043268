/**
 * What the /search/ page fetches (src/scripts/search-page.ts): on first use the product search manifest
 * and the producers' and exhibitors' files; then, per query, the hits of all three and the rows of the
 * products shown (only the term chunks a query's words reach are fetched; src/domain/search/engine.ts).
 */
import { FACETS, filterItems, type Selection } from '#domain/listing.ts';
import type { CompactChunk, CompactManifest } from '#domain/search/compact.ts';
import type { ExhibitorSearchRow, ProducerSearchRow } from '#domain/search/documents.ts';
import { ChunkedIndex } from '#domain/search/engine.ts';
import { ProductSearch } from './search-client.ts';

export interface Loaded {
  products: ProductSearch;
  producers: ChunkedIndex;
  producerRows: ProducerSearchRow[];
  exhibitors: ChunkedIndex;
  exhibitorRows: ExhibitorSearchRow[];
}

interface OneChunk<Row> {
  manifest: CompactManifest;
  chunks: CompactChunk[];
  rows: Row[];
}

async function fetchOneChunk<Row>(url: string): Promise<OneChunk<Row>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as OneChunk<Row>;
}

/** The page's search files, fetched once; a failed fetch is forgotten so that typing again retries. */
export class SearchFiles {
  loaded: Loaded | undefined;
  #loading: Promise<Loaded> | undefined;
  readonly #urls: { products: string; producers: string; exhibitors: string };

  constructor(urls: { products: string; producers: string; exhibitors: string }) {
    this.#urls = urls;
  }

  /** The files, fetched on the first call. */
  load(): Promise<Loaded> {
    this.#loading ??= Promise.all([
      ProductSearch.open(this.#urls.products),
      fetchOneChunk<ProducerSearchRow>(this.#urls.producers),
      fetchOneChunk<ExhibitorSearchRow>(this.#urls.exhibitors),
    ]).then(([products, producers, exhibitors]) => {
      this.loaded = {
        products,
        producers: new ChunkedIndex(producers.manifest, (n) => producers.chunks[n]!),
        producerRows: producers.rows,
        exhibitors: new ChunkedIndex(exhibitors.manifest, (n) => exhibitors.chunks[n]!),
        exhibitorRows: exhibitors.rows,
      };
      return this.loaded;
    });
    this.#loading.catch(() => (this.#loading = undefined));
    return this.#loading;
  }

  /** Drops what was fetched (the site was published meanwhile): the next load fetches the new release's files. */
  forget(): void {
    this.loaded = undefined;
    this.#loading = undefined;
  }
}

type FacetValues = Awaited<ReturnType<ProductSearch['facets']>>;

/** What one query finds: product hits (and the facet values of every product when a facet is chosen), producers, exhibitors. */
export interface Found {
  productHits: { ref: string }[];
  facetValues: FacetValues | undefined;
  /** The products that pass the facets, in rank order. */
  refs: string[];
  producers: ProducerSearchRow[];
  exhibitors: ExhibitorSearchRow[];
  /** The rows of the first `shown` products. */
  rows: Awaited<ReturnType<ProductSearch['rows']>>;
}

/** Searches all three indexes; producers and exhibitors only for words without facets. */
export async function findAll(data: Loaded, q: string, selection: Selection, shown: number): Promise<Found> {
  const hasFacets = FACETS.some((f) => selection[f]);
  const productHits = q ? await data.products.index.search(q) : [];
  // Facets need every product's facet values: fetched before the results only when a facet is chosen.
  const facetValues = hasFacets ? await data.products.facets() : undefined;
  const refs = facetValues
    ? productHits.map((h) => h.ref).filter((ref) => filterItems([facetValues[Number(ref)]!], selection).length > 0)
    : productHits.map((h) => h.ref);
  const producerRefs = q && !hasFacets ? (await data.producers.search(q)).map((h) => h.ref) : [];
  const producers = producerRefs.map((ref) => data.producerRows[Number(ref)]!);
  const exhibitorRefs = q && !hasFacets && data.exhibitorRows.length > 0 ? (await data.exhibitors.search(q)).map((h) => h.ref) : [];
  const exhibitors = exhibitorRefs.map((ref) => data.exhibitorRows[Number(ref)]!);
  const rows = await data.products.rows(refs.slice(0, shown));
  return { productHits, facetValues, refs, producers, exhibitors, rows };
}

/** A chosen facet whose removal would leave products for the query, if any. */
export function removableFacet(found: Found, selection: Selection): (typeof FACETS)[number] | undefined {
  const { facetValues, productHits } = found;
  if (!facetValues) return undefined;
  return FACETS.filter((f) => selection[f]).find((f) => {
    const rest = { ...selection };
    delete rest[f];
    return filterItems(
      productHits.map((h) => facetValues[Number(h.ref)]!),
      rest,
    ).length;
  });
}
