/**
 * The browser side of the product search files: the manifest first, then only the term chunks a query
 * reaches, the row files of the results shown, and the facet table when facets are needed.
 */
import type { CardFields, FacetFields } from '#domain/listing.ts';
import { readFacetTable, type FacetTable, type ProductSearchManifest } from '#domain/search/bundle.ts';
import type { CompactChunk } from '#domain/search/compact.ts';
import { ChunkedIndex } from '#domain/search/engine.ts';

/**
 * Thrown when a search file comes from another release than the manifest did: a publish switched the site
 * between two fetches, so document numbers may no longer match. The caller opens the search again.
 */
export class ReleaseChanged extends Error {
  constructor(url: string) {
    super(`${url}: the site was published again meanwhile`);
    this.name = 'ReleaseChanged';
  }
}

/** The header the site server names its release in (src/server/site-server.ts); absent on plain static hosting. */
const RELEASE_HEADER = 'X-Release';

async function fetchJson<T>(url: string, release?: string | null): Promise<{ body: T; release: string | null }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const served = response.headers.get(RELEASE_HEADER);
  if (release && served && served !== release) throw new ReleaseChanged(url);
  return { body: (await response.json()) as T, release: served };
}

export class ProductSearch {
  readonly manifest: ProductSearchManifest;
  readonly index: ChunkedIndex;
  private readonly base: string;
  /** The release the manifest came from; every later file must come from the same one. */
  private readonly release: string | null;
  private readonly rowFiles = new Map<number, Promise<CardFields[]>>();
  private facetTable: Promise<FacetFields[]> | undefined;

  private constructor(base: string, manifest: ProductSearchManifest, release: string | null) {
    this.base = base;
    this.manifest = manifest;
    this.release = release;
    this.index = new ChunkedIndex(manifest.index, (n) => this.fetch<CompactChunk>(`t-${n}.json`));
  }

  /** Opens the search files under `base` ("/search/products/" or "/en/search/products/"). */
  static async open(base: string): Promise<ProductSearch> {
    const { body, release } = await fetchJson<ProductSearchManifest>(`${base}manifest.json`);
    return new ProductSearch(base, body, release);
  }

  /** A file of the same release as the manifest; ReleaseChanged when the site has moved on. */
  private async fetch<T>(file: string): Promise<T> {
    return (await fetchJson<T>(`${this.base}${file}`, this.release)).body;
  }

  /** The result rows of the given document numbers, in the same order. */
  async rows(refs: readonly string[]): Promise<CardFields[]> {
    const size = this.manifest.rowsPerChunk;
    const files = refs.map((ref) => Math.floor(Number(ref) / size));
    await Promise.all(
      [...new Set(files)].map((n) => {
        let file = this.rowFiles.get(n);
        if (!file) {
          file = this.fetch<CardFields[]>(`r-${n}.json`);
          file.catch(() => this.rowFiles.delete(n));
          this.rowFiles.set(n, file);
        }
        return file;
      }),
    );
    return Promise.all(refs.map(async (ref, i) => (await this.rowFiles.get(files[i]!)!)[Number(ref) % size]!));
  }

  /** Every product's facet values by document number (one file, fetched on first need). */
  facets(): Promise<FacetFields[]> {
    if (!this.facetTable) {
      this.facetTable = this.fetch<FacetTable>('facets.json').then(readFacetTable);
      this.facetTable.catch(() => (this.facetTable = undefined));
    }
    return this.facetTable;
  }
}
