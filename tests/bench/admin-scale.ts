/**
 * The admin at real scale (#20.5), part of `npm run bench -- admin`; prints figures, never fails on speed.
 *  (a) A fresh database with the real seed plus 10,000 synthetic establishments and 20,000 synthetic products
 *      (one certification each): the pickers' answer to 3-letter queries, and the record lists (search +
 *      filter + page), timed server-side as the routes call them (QUALITY targets: picker p95 ≤ 50 ms,
 *      lists p95 ≤ 100 ms). The first picker call of a kind builds its held list and is shown apart.
 *  (b) `islandWeight`: the JavaScript an admin form page loads for its islands (React included), every
 *      module it imports followed, brotli-compressed (target ≤ 45 KB).
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase, type Database } from '#db/client.ts';
import { certificationKind, establishmentKind, productKind } from '#db/queries/admin/kinds.ts';
import { searchPicker } from '#db/queries/admin/picker.ts';
import { listRecords, type RecordKind } from '#db/queries/admin/records.ts';
import { certifications, establishments, products, provinces } from '#db/schema/index.ts';
import { seedDatabase } from '#server/seed.ts';
import { pickerFold, type PickerKind } from '#domain/admin/picker.ts';
import { TMP } from '../support/paths.ts';
import { random, syntheticCatalogue } from '../support/synthetic.ts';

const ESTABLISHMENTS = 10_000;
const PRODUCTS = 20_000;
const QUERIES = 200;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/** Adds the synthetic establishments and products (each with one provincial certification) in batches. */
async function addSynthetic(database: Database): Promise<string[]> {
  const { db } = database;
  const units = await db.select({ id: provinces.id, name: provinces.name }).from(provinces);
  const { items } = syntheticCatalogue(PRODUCTS, 2026);
  const rnd = random(20);
  const producerNames = [...new Set(items.map((i) => i.establishmentName))];
  const names = Array.from({ length: ESTABLISHMENTS }, (_, i) =>
    i < producerNames.length
      ? producerNames[i]!
      : `${producerNames[i % producerNames.length]!} cơ sở ${Math.floor(i / producerNames.length) + 1}`,
  );
  const chunk = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
  const establishmentIds: number[] = [];
  await db.transaction(async (tx) => {
    for (const part of chunk(names, 500)) {
      const rows = await tx
        .insert(establishments)
        .values(
          part.map((name) => ({
            slug: `bench-co-so-${establishmentIds.length}-${Math.floor(rnd() * 1e9)}`,
            name,
            nameKey: `bench${Math.floor(rnd() * 1e12)}`,
            legalForm: 'other' as const,
            provinceId: units[Math.floor(rnd() * units.length)]!.id,
          })),
        )
        .returning({ id: establishments.id });
      establishmentIds.push(...rows.map((r) => r.id));
    }
    let n = 0;
    for (const part of chunk(items, 500)) {
      const rows = await tx
        .insert(products)
        .values(
          part.map((item) => ({
            slug: `bench-${item.slug}`,
            name: item.name,
            nameKey: `bench${n++}`,
            kind: item.kind,
            establishmentId: establishmentIds[Math.floor(rnd() * establishmentIds.length)]!,
          })),
        )
        .returning({ id: products.id });
      await tx.insert(certifications).values(
        rows.map((r) => ({
          productId: r.id,
          level: 'provincial' as const,
          roundYear: 2015 + Math.floor(rnd() * 10),
          registryCode: `BENCH-${r.id}`,
          provinceId: units[Math.floor(rnd() * units.length)]!.id,
        })),
      );
    }
  });
  return [...names, ...items.map((i) => i.name)];
}

/** 3-letter queries as staff type them: the start of a word of a real name, without marks. */
function threeLetterQueries(names: string[], count: number): string[] {
  const rnd = random(3);
  const out: string[] = [];
  while (out.length < count) {
    const words = pickerFold(names[Math.floor(rnd() * names.length)]!)
      .split(' ')
      .filter((w) => w.length >= 3);
    if (words.length > 0) out.push(words[Math.floor(rnd() * words.length)]!.slice(0, 3));
  }
  return out;
}

async function time<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await f();
  return { ms: performance.now() - started, value };
}

/** Prints the picker and record-list timings at 20,000 products and 10,000 establishments. */
export async function benchAdminScale(): Promise<void> {
  const dir = join(TMP, 'bench-admin-scale');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ url: `file:${join(dir, 'registry.db')}` });
  try {
    await migrateDatabase(database);
    await seedDatabase(database);
    const filled = await time(() => addSynthetic(database));
    const names = filled.value;
    console.log(
      `\nadmin at scale: ${ESTABLISHMENTS.toLocaleString('en')} synthetic establishments and ${PRODUCTS.toLocaleString('en')} products added in ${(filled.ms / 1000).toFixed(1)} s`,
    );
    const queries = threeLetterQueries(names, QUERIES);

    // Timings on a shared machine scale with its load: print it beside them.
    console.log(
      `load average now: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} (1 / 5 / 15 min)`,
    );
    console.log(`\npicker answers to ${QUERIES} three-letter queries (server-side, target p95 ≤ 50 ms)`);
    const pickerRows: string[][] = [];
    for (const kind of ['products', 'establishments', 'organisations'] as PickerKind[]) {
      const cold = await time(() => searchPicker(database.db, kind, { q: queries[0]!, page: 1, size: 10 }));
      const times: number[] = [];
      let hits = 0;
      for (const q of queries) {
        const { ms: t, value } = await time(() => searchPicker(database.db, kind, { q, page: 1, size: 10 }));
        times.push(t);
        hits += value.total;
      }
      pickerRows.push([
        kind,
        ms(cold.ms),
        ms(quantile(times, 0.5)),
        ms(quantile(times, 0.95)),
        ms(Math.max(...times)),
        String(Math.round(hits / QUERIES)),
      ]);
    }
    printTable(['picker', 'first (builds the list)', 'p50', 'p95', 'max', 'mean matches'], pickerRows);

    console.log(`\nrecord lists: a 3-letter search + status filter + a page (target p95 ≤ 100 ms)`);
    const listRows: string[][] = [];
    const kinds: [string, RecordKind][] = [
      ['products', productKind],
      ['establishments', establishmentKind],
      ['certifications', certificationKind],
    ];
    for (const [label, kind] of kinds) {
      const times: number[] = [];
      for (const [i, q] of queries.slice(0, 40).entries()) {
        const { ms: t } = await time(() => listRecords(database.db, kind, { q, page: 1 + (i % 3), filters: { status: 'published' } }));
        times.push(t);
      }
      listRows.push([label, ms(quantile(times, 0.5)), ms(quantile(times, 0.95)), ms(Math.max(...times))]);
    }
    printTable(['list', 'p50', 'p95', 'max'], listRows);
  } finally {
    database.close();
    if (!process.env['BENCH_KEEP']) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The JavaScript an admin page loads for its islands: the component and renderer modules its
 * `<astro-island>` elements name, and every module they import, each counted once, brotli at quality 11.
 */
export async function islandWeight(origin: string, cookie: string, path: string): Promise<{ files: number; raw: number; brotli: number }> {
  const html = await (await fetch(`${origin}${path}`, { headers: { Cookie: cookie } })).text();
  const entries = [...html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)].map((m) => m[1]!);
  if (entries.length === 0) throw new Error(`${path} holds no island`);
  const seen = new Set<string>();
  const queue = [...new Set(entries)];
  let raw = 0;
  let brotli = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await fetch(`${origin}${url}`);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    raw += body.length;
    brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    for (const m of body.toString('utf8').matchAll(/(?:import|from)\s*["']([^"']+\.js)["']|import\(["']([^"']+\.js)["']\)/g)) {
      const spec = m[1] ?? m[2]!;
      queue.push(new URL(spec, `http://x${url}`).pathname);
    }
  }
  return { files: seen.size, raw, brotli };
}

function printTable(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
