/**
 * Benchmark page script, our side: the same client the search page uses (manifest → the term chunks a
 * query reaches → the rows of the top 10), rendering the names; a page in English opens the English files.
 * Bundled and minified by the benchmark.
 */
import { ProductSearch } from '#scripts/search-client.ts';

const list = document.getElementById('results')!;
let opened: Promise<ProductSearch> | undefined;

/** Searches and shows the top 10; returns their slugs. */
async function top10(q: string): Promise<string[]> {
  opened ??= ProductSearch.open(document.documentElement.lang === 'en' ? '/ours-en/' : '/ours/');
  const search = await opened;
  const rows = await search.rows((await search.index.search(q)).slice(0, 10).map((h) => h.ref));
  list.replaceChildren(...rows.map((row) => Object.assign(document.createElement('li'), { textContent: row.name })));
  return rows.map((row) => row.slug);
}

const bench = window as unknown as { top10: typeof top10; firstResult?: number };
bench.top10 = top10;
const q = new URLSearchParams(location.search).get('q');
if (q) void top10(q).then(() => (bench.firstResult = performance.now()));
