/**
 * Search at scale, ours against Pagefind on the same synthetic catalogue, in one run: for 1,000 / 5,000 /
 * 20,000 products, our files (src/domain/search/bundle.ts, exactly as the site publishes them) and
 * Pagefind's index of the same products' pages. In the system Chromium, each engine's benchmark page
 * loads with a query in its URL and shows the top 10 (names from the result rows / Pagefind's fragments).
 * Printed: bytes fetched before the first result (raw and brotli), page load → first result, each
 * further keystroke (typing a query letter by letter, fetches included), recall@10 on synthetic labelled
 * queries, and per language precision@5 and recall@10 on the labelled set of the real seed
 * (tests/fixtures/search-queries-*.json): every catalogue holds the seed's products among the synthetic ones,
 * and each engine has an English side too (our /en/ files, Pagefind's index of English pages).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import * as pagefind from 'pagefind';
import { chromium, type Browser } from '@playwright/test';
import type { CatalogueItem } from '#domain/listing.ts';
import type { Locale } from '#domain/i18n.ts';
import { levelFacetLabel } from '#domain/facet-labels.ts';
import { STATUS_LABELS } from '#domain/certification-display.ts';
import { buildProductSearch } from '#domain/search/bundle.ts';
import { CHROMIUM_FLAGS, chromiumPath } from '../support/chromium.ts';
import { evaluateQueries, labelledQueries, type LabelledQuery, type LanguageFigures } from '../support/labelled-queries.ts';
import { seedCatalogueItems } from '../support/seed-catalogue.ts';
import { ROOT, TMP } from '../support/paths.ts';
import { syntheticCatalogue, syntheticQueries, type SyntheticCatalogue } from '../support/synthetic.ts';

type Engine = 'ours' | 'pagefind';
const ENGINES: Engine[] = ['ours', 'pagefind'];
const FIRST_RESULT_RUNS = 5;
const RECALL_QUERIES = 100;
const LOCALES: Locale[] = ['vi', 'en'];

const brotliCache = new Map<string, number>();
function sizes(file: string): { raw: number; br: number } {
  const raw = statSync(file).size;
  let br = brotliCache.get(file);
  if (br === undefined) {
    // Pagefind's index, fragment and wasm files are gzip-compressed by Pagefind itself: counted as sent.
    br = /\.(pf_\w+|pagefind)$/.test(file)
      ? raw
      : brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    brotliCache.set(file, br);
  }
  return { raw, br };
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A product page with the text our product page shows, marked up for Pagefind as its docs advise. */
function productPage(item: CatalogueItem, description: string, oldProvince: string, locale: Locale = 'vi'): string {
  const certs = item.certs
    .map((c) => `<li>${levelFacetLabel(c.level, locale)} ${c.year} — ${STATUS_LABELS[c.status][locale]}</li>`)
    .join('');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escape(item.name)}</title></head><body>
<header><a href="/">Sản phẩm công nghiệp nông thôn tiêu biểu</a></header>
<main data-pagefind-body><h1>${escape(item.name)}</h1>
<p>${escape(item.establishmentName ?? '')}</p>
<p>${escape(oldProvince)} (nay thuộc ${escape(item.currentProvinceName)})</p>
<ul>${certs}</ul>
<p>${escape(description)}</p></main>
<footer>Cục Công Thương địa phương</footer></body></html>`;
}

const harnessPage = (script: string, locale: Locale = 'vi') =>
  `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>search bench</title></head><body><ol id="results"></ol><script type="module" src="/${script}"></script></body></html>`;

/** Writes both engines' files for one catalogue; returns how long each took to build its index. */
async function prepare(dir: string, catalogue: SyntheticCatalogue): Promise<Record<Engine, number>> {
  rmSync(dir, { recursive: true, force: true });
  let oursMs = 0;
  for (const locale of LOCALES) {
    const folder = locale === 'vi' ? 'ours' : 'ours-en';
    mkdirSync(join(dir, folder), { recursive: true });
    const started = performance.now();
    const files = buildProductSearch(catalogue.items, locale, {
      labels: { level: {}, group: {}, province: {}, year: {}, status: {} },
      strings: { certifications: 'chứng nhận', unknownProducer: '' },
      productBase: '/products/',
    });
    const write = (name: string, value: unknown) => writeFileSync(join(dir, folder, `${name}.json`), JSON.stringify(value));
    write('manifest', files.manifest);
    write('facets', files.facets);
    files.terms.forEach((chunk, n) => write(`t-${n}`, chunk));
    files.rows.forEach((rows, n) => write(`r-${n}`, rows));
    oursMs += performance.now() - started;
  }

  for (const item of catalogue.items)
    for (const locale of LOCALES) {
      const page = join(dir, 'products', ...(locale === 'vi' ? [] : [locale]), item.slug, 'index.html');
      mkdirSync(dirname(page), { recursive: true });
      writeFileSync(page, productPage(item, catalogue.descriptions.get(item.slug)!, catalogue.oldProvince.get(item.slug)!, locale));
    }
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: join(dir, 'products') });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  const pagefindMs = performance.now() - started;

  for (const engine of ENGINES) {
    await build({
      entryPoints: [join(ROOT, 'tests/bench/search-harness', `${engine}.ts`)],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      outfile: join(dir, `${engine}-harness.js`),
      logLevel: 'error',
    });
    writeFileSync(join(dir, `${engine}.html`), harnessPage(`${engine}-harness.js`));
    writeFileSync(join(dir, `${engine}-en.html`), harnessPage(`${engine}-harness.js`, 'en'));
  }
  return { ours: oursMs, pagefind: pagefindMs };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

/** A static server on 127.0.0.1 that remembers which files were asked for. */
function serve(dir: string): Promise<{ server: Server; origin: string; take: () => string[] }> {
  let log: string[] = [];
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      log.push(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({
        server,
        origin: `http://127.0.0.1:${address.port}`,
        take: () => {
          const taken = log;
          log = [];
          return taken;
        },
      });
    }),
  );
}

interface Figures {
  bytesRaw: number;
  bytesBr: number;
  firstMs: number;
  keyP50: number;
  keyP95: number;
  /** Keystrokes answered from what was already fetched, and the share that had to fetch. */
  localP95: number;
  fetchShare: number;
  recall: number;
  /** Per language of the labelled set of the real seed. */
  labelled: LanguageFigures[];
}

async function measure(
  browser: Browser,
  origin: string,
  take: () => string[],
  engine: Engine,
  queries: { query: string; expect: string }[],
  labelled: readonly LabelledQuery[],
): Promise<Figures> {
  const bytes: { raw: number; br: number }[] = [];
  const first: number[] = [];
  const keystrokes: number[] = [];
  const local: number[] = [];
  for (let run = 0; run < FIRST_RESULT_RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    take();
    await page.goto(`${origin}/${engine}.html?q=${encodeURIComponent(queries[run]!.query)}`);
    await page.waitForFunction(() => (window as unknown as { firstResult?: number }).firstResult !== undefined, null, {
      timeout: 60_000,
    });
    first.push(await page.evaluate(() => (window as unknown as { firstResult: number }).firstResult));
    const fetched = take().filter((f) => !f.endsWith('.html'));
    bytes.push(fetched.map(sizes).reduce((sum, s) => ({ raw: sum.raw + s.raw, br: sum.br + s.br }), { raw: 0, br: 0 }));
    // Then type another query letter by letter in the same page, as a visitor refining a search.
    const typed = queries[FIRST_RESULT_RUNS + run]!.query;
    let requests = 0;
    page.on('request', () => requests++);
    const times: { ms: number; fetched: boolean }[] = [];
    for (let i = 1; i <= typed.length; i++) {
      const before = requests;
      const ms = await page.evaluate(
        async (q) => {
          const t = performance.now();
          await (window as unknown as { top10(q: string): Promise<string[]> }).top10(q);
          return performance.now() - t;
        },
        typed.slice(0, i),
      );
      times.push({ ms, fetched: requests > before });
    }
    // The first letter is the page's first search of a new word; the rest are "further keystrokes".
    keystrokes.push(...times.slice(1).map((k) => k.ms));
    local.push(
      ...times
        .slice(1)
        .filter((k) => !k.fetched)
        .map((k) => k.ms),
    );
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/${engine}.html`);
  const tops = await page.evaluate(
    async (list) => {
      const bench = window as unknown as { top10(q: string): Promise<string[]> };
      const out: string[][] = [];
      for (const q of list) out.push(await bench.top10(q));
      return out;
    },
    queries.map((q) => q.query).slice(0, RECALL_QUERIES),
  );
  const pages = new Map<Locale, typeof page>([['vi', page]]);
  const figures = await evaluateQueries(labelled, async (locale, q) => {
    let side = pages.get(locale);
    if (!side) {
      side = await context.newPage();
      await side.goto(`${origin}/${engine}-${locale}.html`);
      pages.set(locale, side);
    }
    return side.evaluate((text) => (window as unknown as { top10(q: string): Promise<string[]> }).top10(text), q);
  });
  await context.close();
  const found = tops.filter((top, i) => top.includes(queries[i]!.expect)).length;
  return {
    bytesRaw: median(bytes.map((b) => b.raw)),
    bytesBr: median(bytes.map((b) => b.br)),
    firstMs: median(first),
    keyP50: percentile(keystrokes, 0.5),
    keyP95: percentile(keystrokes, 0.95),
    localP95: local.length > 0 ? percentile(local, 0.95) : NaN,
    fetchShare: 1 - local.length / keystrokes.length,
    recall: found / tops.length,
    labelled: figures,
  };
}

/**
 * The seed's products among synthetic ones, `size` in all (synthetic products whose slug a seed product
 * holds are left out); the synthetic queries are drawn from the synthetic products only.
 */
function withSeed(seed: readonly CatalogueItem[], size: number): { catalogue: SyntheticCatalogue; synthetic: SyntheticCatalogue } {
  const slugs = new Set(seed.map((item) => item.slug));
  const generated = syntheticCatalogue(size);
  const filler = generated.items.filter((item) => !slugs.has(item.slug)).slice(0, Math.max(0, size - seed.length));
  const synthetic = { ...generated, items: filler };
  const catalogue = {
    items: [...seed, ...filler],
    descriptions: new Map([...seed.map((item) => [item.slug, ''] as const), ...generated.descriptions]),
    oldProvince: new Map([...seed.map((item) => [item.slug, item.provinceName] as const), ...generated.oldProvince]),
  };
  return { catalogue, synthetic };
}

/** Prints the comparison for each catalogue size. */
export async function benchSearch(sizeList: readonly number[] = [1000, 5000, 20000]): Promise<void> {
  const seed = await seedCatalogueItems();
  const labelled = labelledQueries();
  const locales = LOCALES.filter((locale) => labelled.some((q) => q.locale === locale));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  const rows: string[][] = [];
  const head = [
    'products',
    'engine',
    'bytes raw',
    'bytes br',
    'load→first',
    'key p50',
    'key p95',
    'p95 no fetch',
    'fetched',
    'synth R@10',
    ...locales.flatMap((locale) => [`${locale} P@5`, `${locale} R@10`]),
    'index build',
  ];
  // Each row as soon as it is measured (a 20,000-product run takes long); the aligned table at the end.
  const progress = (row: string[]) => console.log(`search ${row.map((cell, i) => `${head[i]}: ${cell}`).join(', ')}`);
  try {
    for (const size of sizeList) {
      const dir = join(TMP, 'bench-search', String(size));
      const { catalogue, synthetic } = withSeed(seed, size);
      const built = await prepare(dir, catalogue);
      // Queries chosen at random over the synthetic products (marks, no marks, prefixes, typos, old/new provinces).
      const queries = syntheticQueries(synthetic, RECALL_QUERIES + 2 * FIRST_RESULT_RUNS, 31);
      const { server, origin, take } = await serve(dir);
      try {
        for (const engine of ENGINES) {
          const f = await measure(browser, origin, take, engine, queries, labelled);
          const quality = locales.flatMap((locale) => {
            const figures = f.labelled.find((l) => l.locale === locale)!;
            return [figures.precision === null ? '—' : figures.precision.toFixed(3), figures.recall.toFixed(3)];
          });
          rows.push([
            String(size),
            engine,
            kb(f.bytesRaw),
            kb(f.bytesBr),
            `${f.firstMs.toFixed(0)} ms`,
            `${f.keyP50.toFixed(1)} ms`,
            `${f.keyP95.toFixed(1)} ms`,
            `${f.localP95.toFixed(1)} ms`,
            `${(f.fetchShare * 100).toFixed(0)}%`,
            f.recall.toFixed(3),
            ...quality,
            `${(built[engine] / 1000).toFixed(1)} s`,
          ]);
          progress(rows.at(-1)!);
        }
      } finally {
        server.close();
      }
    }
  } finally {
    await browser.close();
    await pagefind.close();
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log(
    `\nsearch: ours (lunr 2.3.9 terms in compact chunks + row files) against Pagefind ${pagefindVersion()} on the same products, system Chromium`,
  );
  console.log(
    `bytes = everything fetched before the first 10 results show (script, index, rows/fragments; brotli at quality 11, Pagefind's own gzip files as sent), median of ${FIRST_RESULT_RUNS} cold page loads; keystrokes = typing ${FIRST_RESULT_RUNS} other queries letter by letter to the top 10 shown, fetches included (p95 no fetch: those that needed no request; fetched: share that did); synth R@10: recall over ${RECALL_QUERIES} synthetic labelled queries; P@5 / R@10 per language: precision@5 and recall@10 of the labelled set of the real seed (${locales.map((locale) => `${labelled.filter((q) => q.locale === locale).length} ${locale}`).join(', ')} queries, tests/fixtures/README.md), whose ${seed.length} products are in every catalogue; index build: both languages`,
  );
  for (const row of [head, ...rows]) console.log(row.map((cell, i) => cell.padStart(widths[i]!)).join('  '));
  console.log(
    'targets: recall ≥ 0.98, precision@5 ≥ 0.9 in each language; bytes and load → first result ≤ Pagefind’s at each size; each further keystroke ≤ 16 ms at 5,000',
  );
}

function pagefindVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version;
}
