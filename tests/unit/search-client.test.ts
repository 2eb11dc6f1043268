/**
 * The browser's search files must all come from one release: document numbers change between releases, so
 * a facet table or a row file from a newer release than the manifest would mislabel results.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProductSearch, ReleaseChanged } from '#scripts/search-client.ts';

const manifest = { index: { fields: [{ name: 'name', boost: 1 }] }, rowsPerChunk: 2, display: {} };
const facets = { groups: [null], provinces: ['ha-noi'], levels: ['national'], statuses: ['valid'], products: [[0, 0, 0, 2024, 0]] };
const rows = [{ name: 'Trà Ô Long' }, { name: 'Bún ngô' }];

/** A fetch that answers the named files, each from the release given (null: no release header, as on plain static hosting). */
function serve(files: Record<string, { body: unknown; release: string | null }>) {
  const fetch = vi.fn((url: string) => {
    const file = files[url.split('/').pop()!];
    if (!file) return Promise.resolve(new Response('Không tìm thấy', { status: 404 }));
    const headers = new Headers({ 'Content-Type': 'application/json' });
    if (file.release) headers.set('X-Release', file.release);
    return Promise.resolve(new Response(JSON.stringify(file.body), { headers }));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('ProductSearch across a publish', () => {
  it('reads the facet table and rows of the manifest’s own release', async () => {
    serve({
      'manifest.json': { body: manifest, release: 'A' },
      'facets.json': { body: facets, release: 'A' },
      'r-0.json': { body: rows, release: 'A' },
    });
    const search = await ProductSearch.open('/search/products/');
    expect(await search.facets()).toEqual([
      { group: null, currentProvinceSlug: 'ha-noi', certs: [{ level: 'national', year: 2024, status: 'valid' }] },
    ]);
    expect((await search.rows(['1', '0'])).map((row) => row.name)).toEqual(['Bún ngô', 'Trà Ô Long']);
  });

  it('refuses a facet table or a row file of a newer release, and forgets it so a reopened search reads afresh', async () => {
    const fetch = serve({
      'manifest.json': { body: manifest, release: 'A' },
      'facets.json': { body: facets, release: 'B' },
      'r-0.json': { body: rows, release: 'B' },
    });
    const search = await ProductSearch.open('/search/products/');
    await expect(search.facets()).rejects.toBeInstanceOf(ReleaseChanged);
    await expect(search.rows(['0'])).rejects.toThrow(/published again/);
    // Nothing wrong is kept: asking again fetches again.
    await expect(search.facets()).rejects.toBeInstanceOf(ReleaseChanged);
    expect(fetch.mock.calls.filter(([url]) => String(url).endsWith('facets.json'))).toHaveLength(2);
    // The search opened again reads release B whole.
    serve({
      'manifest.json': { body: manifest, release: 'B' },
      'facets.json': { body: facets, release: 'B' },
      'r-0.json': { body: rows, release: 'B' },
    });
    const reopened = await ProductSearch.open('/search/products/');
    expect(await reopened.facets()).toHaveLength(1);
  });

  it('checks nothing where the host names no release (plain static hosting)', async () => {
    serve({
      'manifest.json': { body: manifest, release: null },
      'facets.json': { body: facets, release: 'B' },
      'r-0.json': { body: rows, release: null },
    });
    const search = await ProductSearch.open('/search/products/');
    expect(await search.facets()).toHaveLength(1);
    expect(await search.rows(['0'])).toHaveLength(1);
  });

  it('reports a missing file as an error that is not a release change', async () => {
    serve({ 'manifest.json': { body: manifest, release: 'A' } });
    const search = await ProductSearch.open('/search/products/');
    const error = await search.facets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ReleaseChanged);
    expect(String(error)).toContain('404');
  });
});
