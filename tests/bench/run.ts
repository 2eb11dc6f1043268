/**
 * npm run bench — prints figures; never fails on speed. Parts (all by default, or name some:
 * `npm run bench -- search`): `import` (the real seed into a fresh embedded database and into a fresh
 * sqld over HTTP, the peer in the same run), `pages` (building the seeded site with the demo exhibitors,
 * page weights and Lighthouse), `search` (ours against Pagefind at 1,000 / 5,000 / 20,000 synthetic products; sizes can
 * be narrowed with BENCH_SEARCH_SIZES=1000,5000), `fairs` (a fair's exhibitor directory with 60 and 500
 * factory exhibitors in Chromium; BENCH_FAIR_SIZES=500 narrows it), `admin` (20 concurrent editors saving for 30 s
 * — BENCH_ADMIN_SECONDS shortens it — and 200 concurrent sign-ins against the real server), `upload` (a 24-megapixel JPEG to all its variants), `publish` (publish vs a bare
 * build at 1,000 / 5,000 / 20,000 synthetic products, BENCH_PUBLISH_SIZES narrows it, then serving a product page
 * with 100 connections alone and during 10 publishes), `import-scale` (10,000 synthetic rows as CSV and as XLSX into
 * a fresh embedded database and a fresh sqld: preview, commit and a second import of the same file, with time and
 * peak memory; median of 3 runs, BENCH_IMPORT_SCALE_RUNS=1 shortens it), `stylesheet` (the seeded site built with its
 * CSS inlined and with hashed stylesheets, each served precompressed: bytes and first paint in Chromium on a slow
 * mobile network, first view and a five-page visit; decision 033).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importCsv } from '#server/importer.ts';
import { buildSite, buildStamp, ROOT } from '#server/build.ts';
import { migrateDatabase, openDatabase } from '#db/client.ts';
import { addDemoExhibitors } from '#db/demo.ts';
import { seedDatabase } from '#server/seed.ts';
import { createTestDatabase } from '../support/test-database.ts';
import setup from '../support/global-setup.ts';
import { TMP } from '../support/paths.ts';
import { benchAdmin } from './admin.ts';
import { benchFairs } from './fairs.ts';
import { benchImportScale } from './import-scale.ts';
import { benchPages } from './pages.ts';
import { benchPublish } from './publish.ts';
import { benchUpload } from './upload.ts';
import { benchSearch } from './search.ts';
import { benchStylesheet } from './stylesheet.ts';

const RUNS = 5;
const seed = readFileSync(join(ROOT, 'db/seed/certified-products.csv'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeImport(kind: 'file' | 'sqld'): Promise<number[]> {
  process.env['TEST_DATABASE'] = kind;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const database = await createTestDatabase();
    const started = performance.now();
    const outcome = await importCsv(database, seed, { actor: { label: 'bench' } });
    times.push(performance.now() - started);
    if (!outcome.ok) throw new Error('seed did not import');
    await database.dispose();
  }
  return times;
}

const PARTS = ['import', 'pages', 'search', 'fairs', 'admin', 'upload', 'publish', 'import-scale', 'stylesheet'] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`unknown bench part(s): ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  process.exit(2);
}
const runs = (part: (typeof PARTS)[number]) => asked.length === 0 || asked.includes(part);

await setup();
console.log(`machine: ${process.platform} ${process.arch}, Node ${process.version}`);
if (runs('import')) {
  const file = await timeImport('file');
  const sqld = await timeImport('sqld');
  console.log(
    `import of the real seed (56 rows), median of ${RUNS}: file ${median(file).toFixed(0)} ms, sqld over HTTP ${median(sqld).toFixed(0)} ms (sqld/file ${(median(sqld) / median(file)).toFixed(1)}×)`,
  );
}

if (runs('pages')) {
  const dir = join(TMP, 'bench-build');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ url: `file:${join(dir, 'registry.db')}` });
  await migrateDatabase(database);
  // The real seed (products and fairs) plus the labelled demo exhibitors, so a fair page has a directory.
  await seedDatabase(database);
  await database.db.transaction((tx) => addDemoExhibitors(tx));
  const stamp = await buildStamp(database);
  database.close();
  const started = performance.now();
  await buildSite(join(dir, 'dist'), { ...process.env, DATABASE_URL: `file:${join(dir, 'registry.db')}` }, stamp);
  const pages = readdirSync(join(dir, 'dist', 'client'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  console.log(`astro build of the seeded site (${pages} pages): ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The pages §2 of QUALITY.md sets targets for: home, catalogue, one product page (the first built one),
  // the fairs and one fair page (the first built one; the seed's fairs list no exhibitors)
  // and, when this build has them, the English pages, the producers and the verification form (rendered
  // on demand, so benchPages asks the server), the first verification page, the figures and open data.
  const client = join(dir, 'dist', 'client');
  const firstPage = (folder: string) =>
    existsSync(join(client, folder))
      ? readdirSync(join(client, folder))
          .sort()
          .find((name) => existsSync(join(client, folder, name, 'index.html')))
      : undefined;
  const product = firstPage('products');
  const code = firstPage('verify');
  // The demo's northern 2024 fair: the one with most exhibitors and a floor plan.
  const fair = firstPage('fairs') && 'hoi-cho-trien-lam-hang-cong-nghiep-nong-thon-tieu-bieu-khu-vuc-phia-bac-nam-2024';
  await benchPages(
    join(dir, 'dist'),
    [
      '/',
      '/products/',
      ...(product ? [`/products/${product}/`] : []),
      '/en/',
      '/en/products/',
      '/producers/',
      '/search/',
      '/fairs/',
      ...(fair ? [`/fairs/${fair}/`] : []),
      '/verify/',
      ...(code ? [`/verify/${code}/`] : []),
      '/stats/',
      '/data/',
    ],
    { ...process.env, DATABASE_URL: `file:${join(dir, 'registry.db')}` },
  );
}

if (runs('search')) {
  const sizes = (process.env['BENCH_SEARCH_SIZES'] ?? '1000,5000,20000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) {
    console.error('BENCH_SEARCH_SIZES must be whole numbers of products (at least 10), comma-separated');
    process.exit(2);
  }
  await benchSearch(sizes);
}

if (runs('fairs')) {
  const sizes = (process.env['BENCH_FAIR_SIZES'] ?? '60,500').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 5000)) {
    console.error('BENCH_FAIR_SIZES must be whole numbers of exhibitors from 1 to 5000, comma-separated');
    process.exit(2);
  }
  await benchFairs(sizes);
}

if (runs('admin')) await benchAdmin();
if (runs('upload')) await benchUpload();
if (runs('publish')) {
  const sizes = (process.env['BENCH_PUBLISH_SIZES'] ?? '1000,5000,20000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 10 || n > 50_000)) {
    console.error('BENCH_PUBLISH_SIZES must be whole numbers of products from 10 to 50000, comma-separated');
    process.exit(2);
  }
  // BENCH_PUBLISH_SERVE=0 skips the serving part (a second run for the largest size only).
  await benchPublish(sizes, process.env['BENCH_PUBLISH_SERVE'] === '0' ? 0 : 100);
}

if (runs('import-scale')) {
  const count = Number(process.env['BENCH_IMPORT_SCALE_RUNS'] ?? 3);
  if (!Number.isInteger(count) || count < 1 || count > 20) {
    console.error('BENCH_IMPORT_SCALE_RUNS must be a whole number of runs from 1 to 20');
    process.exit(2);
  }
  await benchImportScale(count);
}

if (runs('stylesheet')) {
  const dir = join(TMP, 'bench-stylesheet');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ url: `file:${join(dir, 'registry.db')}` });
  await migrateDatabase(database);
  await seedDatabase(database);
  const stamp = await buildStamp(database);
  database.close();
  const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'registry.db')}` };
  await buildSite(join(dir, 'inline'), env, stamp, { onLine: () => {} });
  await buildSite(join(dir, 'external'), { ...env, REGISTRY_STYLESHEETS: 'external' }, stamp, { onLine: () => {} });
  const products = readdirSync(join(dir, 'external', 'client', 'products'))
    .filter((name) => existsSync(join(dir, 'external', 'client', 'products', name, 'index.html')))
    .sort();
  const [first, second] = products.filter((name) => !['level', 'group', 'province', 'year', 'status', 'page'].includes(name));
  await benchStylesheet(
    [
      { label: 'inline', buildDir: join(dir, 'inline') },
      { label: 'external', buildDir: join(dir, 'external') },
    ],
    [`/products/${first}/`, '/products/', `/products/${second}/`, '/producers/', '/'],
  );
}
