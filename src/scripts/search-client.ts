/**
 * The browser side of the product search files: the manifest first, then only the term chunks a query
 * reaches, the row files of the results shown, and the facet table when facets are needed.
 */
import type { CardFields, FacetFields } from '../domain/catalogue.ts';
import { readFacetTable, type FacetTable, type ProductSearchManifest } from '../domain/search/bundle.ts';
import type { CompactChunk } from '../domain/search/compact.ts';
import { ChunkedIndex } from '../domain/search/engine.ts';

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

export class ProductSearch {
  readonly manifest: ProductSearchManifest;
  readonly index: ChunkedIndex;
  private readonly base: string;
  private readonly rowFiles = new Map<number, Promise<CardFields[]>>();
  private facetTable: Promise<FacetFields[]> | undefined;

  private constructor(base: string, manifest: ProductSearchManifest) {
    this.base = base;
    this.manifest = manifest;
    this.index = new ChunkedIndex(manifest.index, (n) => fetchJson<CompactChunk>(`${base}t-${n}.json`));
  }

  /** Opens the search files under `base` ("/search/products/" or "/en/search/products/"). */
  static async open(base: string): Promise<ProductSearch> {
    return new ProductSearch(base, await fetchJson<ProductSearchManifest>(`${base}manifest.json`));
  }

  /** The result rows of the given document numbers, in the same order. */
  async rows(refs: readonly string[]): Promise<CardFields[]> {
    const size = this.manifest.rowsPerChunk;
    const files = refs.map((ref) => Math.floor(Number(ref) / size));
    await Promise.all(
      [...new Set(files)].map((n) => {
        let file = this.rowFiles.get(n);
        if (!file) {
          file = fetchJson<CardFields[]>(`${this.base}r-${n}.json`);
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
      this.facetTable = fetchJson<FacetTable>(`${this.base}facets.json`).then(readFacetTable);
      this.facetTable.catch(() => (this.facetTable = undefined));
    }
    return this.facetTable;
  }
}
