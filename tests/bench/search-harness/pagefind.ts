/**
 * Benchmark page script, Pagefind's side: its own JavaScript API as its documentation shows it (search,
 * then `data()` of each of the top 10 for the title and URL), rendering the titles.
 */
interface PagefindResult {
  data(): Promise<{ url: string; meta: { title?: string } }>;
}
interface Pagefind {
  search(q: string): Promise<{ results: PagefindResult[] }>;
}

const list = document.getElementById('results')!;
let opened: Promise<Pagefind> | undefined;
const moduleUrl = '/pagefind/pagefind.js';

async function top10(q: string): Promise<string[]> {
  opened ??= import(/* @vite-ignore */ moduleUrl) as Promise<Pagefind>;
  const pagefind = await opened;
  const { results } = await pagefind.search(q);
  const data = await Promise.all(results.slice(0, 10).map((r) => r.data()));
  list.replaceChildren(...data.map((d) => Object.assign(document.createElement('li'), { textContent: d.meta.title ?? d.url })));
  return data.map((d) => d.url.split('/').filter(Boolean).at(-1)!);
}

const bench = window as unknown as { top10: typeof top10; firstResult?: number };
bench.top10 = top10;
const q = new URLSearchParams(location.search).get('q');
if (q) void top10(q).then(() => (bench.firstResult = performance.now()));
