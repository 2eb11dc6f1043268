/**
 * Publishing at scale (issue #7, QUALITY.md §2): for 1,000 / 5,000 / 20,000 synthetic products, each with
 * a photo already processed at upload, a bare `astro build` of the same pages and a full publish (backup,
 * build, validate, record, switch) in the same run: seconds, peak memory, ratio, growth. Then a product
 * page served by the site server with 100 connections, alone and during 10 publishes. For each size, the
 * bytes of a product page's HTML on the wire as the site server sends it (identity / gzip / br, #19.5),
 * then the incremental scenarios (#19.1) when a caller passes them (`afterFullPublish`).
 *
 * The products go through the real importer (a CSV of synthetic rows, on top of the real seed) and the
 * photos through the real upload pipeline; every product then shows one of 24 photos.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { migrateDatabase, openDatabase, type Database } from '#db/client.ts';
import { seedDatabase } from '#server/seed.ts';
import { writeCsv } from '#domain/csv-write.ts';
import { productGroupByCode } from '#domain/groups.ts';
import { buildSite, buildStamp } from '#server/build.ts';
import { ingestImage } from '#server/images.ts';
import { importCsv } from '#server/importer.ts';
import { publish } from '#server/publish.ts';
import { startSiteServer } from '#server/site-server.ts';
import { ROOT, TMP } from '../support/paths.ts';
import { benchServe } from './serve.ts';
import { benchPublishIncremental } from './publish-incremental.ts';
import { syntheticCatalogue } from '../support/synthetic.ts';

const PHOTOS = 24;
const MiB = 1024 * 1024;

/** Peak resident memory of a process (VmHWM), sampled until it exits; 0 when unreadable. */
function watchPeak(pid: number): { peak: () => number; stop: () => void } {
  let peak = 0;
  const read = () => {
    try {
      const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kb) peak = Math.max(peak, Number(kb) * 1024);
    } catch {
      // exited
    }
  };
  read();
  const timer = setInterval(read, 100);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

/** This process's own peak while `run` runs (sampled RSS: the publisher's backup and validation). */
async function ownPeak<T>(run: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    return { value: await run(), peak };
  } finally {
    clearInterval(timer);
  }
}

export async function syntheticDatabase(
  dir: string,
  count: number,
): Promise<{ database: Database; url: string; products: number; aPage: string }> {
  const url = `file:${join(dir, 'registry.db')}`;
  const database = await openDatabase({ url });
  await migrateDatabase(database);
  await seedDatabase(database);
  const items = syntheticCatalogue(count, 11).items;
  const rows = items.flatMap((i) =>
    i.certs.map((c) => [
      i.name,
      i.establishmentName ?? '',
      i.provinceName,
      i.group ? productGroupByCode(i.group).nameVi : '',
      c.level.replace('-', '_'),
      String(c.year),
    ]),
  );
  const csv = writeCsv([['product_name', 'producer', 'province', 'product_group', 'level', 'year'], ...rows]);
  const outcome = await importCsv(database, Buffer.from(csv), { actor: { label: 'bench' } });
  if (!outcome.ok) throw new Error(`synthetic rows do not import: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
  // 24 photos through the upload pipeline (variants made now, as at upload), one on every product.
  for (let p = 0; p < PHOTOS; p++) {
    const photo = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: { r: (p * 37) % 256, g: 120, b: (p * 91) % 256 } },
    })
      .jpeg()
      .toBuffer();
    const stored = await ingestImage(database, photo);
    if (!stored.ok) throw new Error(`photo ${p}: ${stored.message}`);
  }
  await database.client.execute(
    `WITH photos AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM images)
     INSERT OR IGNORE INTO product_images (product_id, image_id, position, alt_vi, alt_en)
     SELECT p.id, photos.id, 0, 'Ảnh ' || p.name, 'Photo of ' || p.name FROM products p JOIN photos ON photos.n = p.id % ${PHOTOS}`,
  );
  const counted = await database.client.execute("SELECT count(*), min(slug) FROM products WHERE status = 'published'");
  return { database, url, products: Number(counted.rows[0]![0]), aPage: `/products/${counted.rows[0]![1] as string}/` };
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** What a size's full publish leaves for the scenarios that follow it (tests/bench/publish-incremental.ts). */
export interface PublishedSize {
  /** Synthetic products asked for, and published products in the database (the seed's included). */
  size: number;
  products: number;
  /** The bench's folder for this size: registry.db, uploads/, releases/. */
  dir: string;
  releasesDir: string;
  database: Database;
  /** The environment the full publish ran with (DATABASE_URL, UPLOADS_DIR, the size budget lifted). */
  env: NodeJS.ProcessEnv;
  /** A product page's path, e.g. /products/anh-thu-rice-paper-and-dried-noodle/. */
  aPage: string;
}

/** The bytes of a page's body as the site server sends it to a client accepting each coding. */
async function wireBytes(releasesDir: string, path: string): Promise<Record<'identity' | 'gzip' | 'br', number>> {
  const site = await startSiteServer({ releasesDir, host: '127.0.0.1', port: 0, log: () => {} });
  try {
    const sizes = { identity: 0, gzip: 0, br: 0 };
    for (const coding of ['identity', 'gzip', 'br'] as const) {
      const response = await fetch(new URL(path, site.url), { headers: { 'Accept-Encoding': coding } });
      if (response.headers.get('content-encoding') !== (coding === 'identity' ? null : coding))
        throw new Error(`${path} was not sent as ${coding}: ${response.headers.get('content-encoding')}`);
      // fetch decodes the body: the wire size is the Content-Length of the representation sent.
      sizes[coding] = Number(response.headers.get('content-length'));
      await response.arrayBuffer();
    }
    return sizes;
  } finally {
    await site.close();
  }
}

/**
 * Full publishes at each size (and serving under load). `afterFullPublish` runs after each size's full
 * publish, on its database and releases: the incremental scenarios (one edit, one new certification,
 * 100 edits, a code change) print their own rows there.
 */
export async function benchPublish(
  sizes: number[],
  serveConnections = 100,
  afterFullPublish?: (published: PublishedSize) => Promise<void>,
): Promise<void> {
  // Incremental publishing (#19.1, #19.4): BENCH_INCREMENTAL_SIZES, else the sizes up to 5,000.
  await benchPublishIncremental(process.env['BENCH_INCREMENTAL_SIZES']?.split(',').map(Number) ?? sizes.filter((n) => n <= 5000));
  console.log(`\npublish vs a bare astro build of the same pages (synthetic products on top of the real seed, each with a photo)`);
  console.log(
    'products   pages  release MB  bare build  publish  (backup  build  validate  switch)  ratio  s/1k products  pages/s  peak build RSS  peak publisher RSS  max stall  product page HTML on the wire (identity / gzip / br)',
  );
  const notes: string[] = [];
  let forServing: { dir: string; database: Database; url: string; page: string } | null = null;
  for (const size of sizes) {
    const dir = join(TMP, `bench-publish-${size}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    process.env['UPLOADS_DIR'] = join(dir, 'uploads');
    const { database, url, products, aPage } = await syntheticDatabase(dir, size);
    // The size budget guards real publishes; here the size is what is measured (printed as MB).
    const env = { ...process.env, DATABASE_URL: url, UPLOADS_DIR: join(dir, 'uploads'), PUBLISH_BUDGET_MB: '65536' };

    // The peer: `astro build` of the same database into a plain folder, nothing before or after.
    let bareWatch: ReturnType<typeof watchPeak> | null = null;
    const bareStarted = performance.now();
    await buildSite(join(dir, 'bare'), env, await buildStamp(database), {
      onLine: () => {},
      onSpawn: (pid) => (bareWatch = watchPeak(pid)),
    });
    const bareMs = performance.now() - bareStarted;
    const barePeak = (bareWatch as ReturnType<typeof watchPeak> | null)?.peak() ?? 0;
    (bareWatch as ReturnType<typeof watchPeak> | null)?.stop();
    const pages = readdirSync(join(dir, 'bare', 'client'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
    rmSync(join(dir, 'bare'), { recursive: true, force: true });

    const steps: Record<string, number> = {};
    const details: Record<string, string> = {};
    let stepStarted = 0;
    let buildWatch: ReturnType<typeof watchPeak> | null = null;
    // How long the publishing process's event loop was blocked at worst: an admin's publish runs in the
    // process that serves the site, so this is how long a visitor could wait on a publish's account.
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const started = performance.now();
    const { value: result, peak: publisherPeak } = await ownPeak(() =>
      publish(database, {
        releasesDir: join(dir, 'releases'),
        actor: { label: 'bench', name: 'bench' },
        env,
        onStep: (step, state, detail) => {
          if (state === 'start') stepStarted = performance.now();
          else {
            steps[step] = performance.now() - stepStarted;
            if (detail) details[step] = detail;
          }
        },
        onBuildLine: () => {},
        onBuildSpawn: (pid) => (buildWatch = watchPeak(pid)),
      }),
    );
    const publishMs = performance.now() - started;
    stalls.disable();
    const maxStallMs = stalls.max / 1e6;
    const buildPeak = (buildWatch as ReturnType<typeof watchPeak> | null)?.peak() ?? 0;
    (buildWatch as ReturnType<typeof watchPeak> | null)?.stop();
    if (!result.ok) throw new Error(`publish failed: ${result.reason === 'failed' ? result.log.join('\n') : 'busy'}`);
    const releasesDir = join(dir, 'releases');
    const wire = await wireBytes(releasesDir, aPage);
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    notes.push(
      `${products} products: ${details['build'] ?? 'no precompression detail'}; load average ${loadavg()[0]!.toFixed(1)} at the end`,
    );
    console.log(
      [
        String(products).padStart(8),
        String(pages).padStart(7),
        (result.release.bytes / MiB).toFixed(0).padStart(11),
        `${seconds(bareMs)} s`.padStart(11),
        `${seconds(publishMs)} s`.padStart(8),
        ` (${seconds(steps['backup'] ?? 0)} s`.padStart(9),
        `${seconds(steps['build'] ?? 0)} s`.padStart(7),
        `${seconds(steps['validate'] ?? 0)} s`.padStart(9),
        `${seconds(steps['switch'] ?? 0)} s)`.padStart(8),
        `${(publishMs / bareMs).toFixed(2)}×`.padStart(6),
        `${seconds(publishMs / (products / 1000))} s`.padStart(14),
        (result.release.pages / (publishMs / 1000)).toFixed(0).padStart(8),
        `${(buildPeak / MiB).toFixed(0)} MiB (bare ${(barePeak / MiB).toFixed(0)})`.padStart(15),
        `${(publisherPeak / MiB).toFixed(0)} MiB`.padStart(19),
        `${maxStallMs.toFixed(0)} ms`.padStart(10),
        `${kb(wire.identity)} / ${kb(wire.gzip)} / ${kb(wire.br)} KB`.padStart(22),
      ].join(' '),
    );
    await afterFullPublish?.({ size, products, dir, releasesDir, database, env, aPage });
    if (forServing === null) forServing = { dir, database, url, page: aPage };
    else database.close();
  }
  for (const note of notes) console.log(`  ${note}`);
  if (!forServing || serveConnections === 0) {
    forServing?.database.close();
    return;
  }

  // Serving: the site server (a child process, as `npm start` runs it) on the smallest size's releases.
  const releasesDir = join(forServing.dir, 'releases');
  const alone = await benchServe({ releasesDir, path: forServing.page, connections: serveConnections, seconds: 10 });
  let publishes = 0;
  let failures = 0;
  const during = await benchServe({
    releasesDir,
    path: forServing.page,
    connections: serveConnections,
    seconds: 10,
    // Each publish is `npm run publish` in a process of its own, as staff run it. (Run inside this process,
    // its synchronous parts stalled the load generator past the server's keep-alive timeout: 100 connection
    // resets per long stall, all on the client's side.)
    during: async () => {
      for (let i = 0; i < 10; i++) {
        const code = await new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [join(ROOT, 'src', 'cli', 'publish.ts')], {
            cwd: ROOT,
            env: {
              ...process.env,
              DATABASE_URL: forServing.url,
              REGISTRY_RELEASES_DIR: releasesDir,
              UPLOADS_DIR: join(forServing.dir, 'uploads'),
              PUBLISH_BUDGET_MB: '65536',
            },
            stdio: 'ignore',
          });
          child.once('exit', resolve);
        });
        if (code === 0) publishes++;
        else failures++;
      }
    },
  });
  forServing.database.close();
  const kept = existsSync(releasesDir) ? readdirSync(releasesDir).filter((n) => /^\d{8}T/.test(n)).length : 0;
  console.log(
    `\nstatic serving of ${forServing.page} with ${serveConnections} connections (target ≥ 2,000 req/s, p99 ≤ 100 ms; 0 failed during publishes)`,
  );
  console.log('                     requests    req/s   p50 ms   p99 ms  failed');
  for (const [label, r] of [
    ['alone (10 s)', alone],
    [`during 10 publishes`, during],
  ] as const)
    console.log(
      `${label.padEnd(20)} ${String(r.requests).padStart(9)} ${r.reqPerSec.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.failed).padStart(7)}${
        r.failed > 0
          ? `  (${Object.entries(r.failures)
              .map(([status, n]) => `${n} × ${status === '0' ? 'connection error' : status}`)
              .join(', ')})`
          : ''
      }`,
    );
  console.log(`publishes during the load: ${publishes} switched, ${failures} failed; ${kept} releases kept`);
}
