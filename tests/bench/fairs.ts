/**
 * The fair directory at scale (issue #5): a site built with N factory exhibitors at one fair, opened in
 * this machine's Chromium. Prints, for each size: first render (first contentful paint, and the moment
 * the directory's controls are live), filter and search response (from the input event to the updated
 * count, measured in the page), the JavaScript the page loads (brotli), its HTML and its directory data.
 * Runs with no CPU throttling and with 4× throttling (a mid-range phone, roughly). Never fails on speed.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { migrateDatabase, openDatabase } from '#db/client.ts';
import { seedDatabase } from '#server/seed.ts';
import { buildSite, buildStamp } from '#server/build.ts';
import { CHROMIUM_FLAGS, chromiumPath } from '../support/chromium.ts';
import { addFactoryExhibitors, FACTORY_FAIR_SLUG } from '../support/fair-factory.ts';
import { TMP } from '../support/paths.ts';
import { startServer, freePort } from './pages.ts';

const br = (bytes: Buffer) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const RUNS = 5;

interface Row {
  exhibitors: number;
  throttle: number;
  fcp: number;
  live: number;
  filterP50: number;
  filterP95: number;
  searchP50: number;
  searchP95: number;
  js: number;
  html: number;
  data: number;
}

/** Times from an input event to the directory's updated count, measured inside the page. */
async function timeChanges(page: Page): Promise<{ filter: number[]; search: number[] }> {
  return page.evaluate(async () => {
    const count = document.querySelector('[data-count]')!;
    const root = document.querySelector<HTMLElement>('[data-directory]')!;
    const changed = () =>
      new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(count, { childList: true, characterData: true, subtree: true });
      });
    const timed = async (act: () => void) => {
      const done = changed();
      const started = performance.now();
      act();
      await done;
      // The browser's own work for the change (style, layout) belongs to the response too.
      await new Promise(requestAnimationFrame);
      return performance.now() - started;
    };
    const fire = (el: Element, type: string) => el.dispatchEvent(new Event(type, { bubbles: true }));
    const filter: number[] = [];
    const search: number[] = [];
    const selects = [...root.querySelectorAll('select')].filter((s) => s.name !== 'sort');
    for (let round = 0; round < 3; round++) {
      for (const select of selects) {
        for (const option of [...select.options].slice(1, 6)) {
          filter.push(
            await timed(() => {
              select.value = option.value;
              fire(select, 'change');
            }),
          );
          filter.push(
            await timed(() => {
              select.value = '';
              fire(select, 'change');
            }),
          );
        }
      }
      const certified = root.querySelector<HTMLInputElement>('input[name="certified"]')!;
      for (const checked of [true, false])
        filter.push(
          await timed(() => {
            certified.checked = checked;
            fire(certified, 'change');
          }),
        );
      const sort = root.querySelector<HTMLSelectElement>('select[name="sort"]')!;
      for (const value of ['name', 'booth'])
        filter.push(
          await timed(() => {
            sort.value = value;
            fire(sort, 'change');
          }),
        );
      const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
      for (const query of ['tra', 'che thai', 'bac giang', 'gom su', 'A12', 'hop tac xa']) {
        for (let i = 1; i <= query.length; i++) {
          search.push(
            await timed(() => {
              input.value = query.slice(0, i);
              fire(input, 'input');
            }),
          );
        }
        search.push(
          await timed(() => {
            input.value = '';
            fire(input, 'input');
          }),
        );
      }
    }
    return { filter, search };
  });
}

async function measure(origin: string, exhibitors: number, throttle: number): Promise<Row> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    const fcps: number[] = [];
    const lives: number[] = [];
    let changes = { filter: [] as number[], search: [] as number[] };
    let js = 0;
    let html = 0;
    let data = 0;
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each run: nothing cached, no service worker yet.
      const context = await browser.newContext({ viewport: { width: 412, height: 915 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const session = await context.newCDPSession(page);
      await session.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const scripts = new Map<string, number>();
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script' && response.ok())
          void response.body().then((body) => scripts.set(response.url(), br(body)));
      });
      const response = await page.goto(`${origin}/fairs/${FACTORY_FAIR_SLUG}/`, { waitUntil: 'load' });
      await page.waitForSelector('[data-directory]:not([hidden])');
      const timing = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        live: performance.now(),
      }));
      fcps.push(timing.fcp);
      lives.push(timing.live);
      if (run === 0) {
        html = br(await response!.body());
        const index = await page.evaluate(async () => {
          const url = document.querySelector<HTMLElement>('[data-directory]')!.dataset['index']!;
          return Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer()));
        });
        data = br(Buffer.from(index));
        // Search once so the index is loaded before the timed keystrokes, as a visitor's focus does.
        await page.focus('input[name="q"]');
        await page.waitForLoadState('networkidle');
        changes = await timeChanges(page);
        js = [...scripts.values()].reduce((a, b) => a + b, 0);
      }
      await context.close();
    }
    return {
      exhibitors,
      throttle,
      fcp: quantile(fcps, 0.5),
      live: quantile(lives, 0.5),
      filterP50: quantile(changes.filter, 0.5),
      filterP95: quantile(changes.filter, 0.95),
      searchP50: quantile(changes.search, 0.5),
      searchP95: quantile(changes.search, 0.95),
      js,
      html,
      data,
    };
  } finally {
    await browser.close();
  }
}

export async function benchFairs(sizes: number[]): Promise<void> {
  const rows: Row[] = [];
  for (const size of sizes) {
    const dir = join(TMP, `bench-fairs-${size}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const url = `file:${join(dir, 'registry.db')}`;
    const database = await openDatabase({ url });
    await migrateDatabase(database);
    await seedDatabase(database);
    await addFactoryExhibitors(database, size);
    const stamp = await buildStamp(database);
    database.close();
    const started = performance.now();
    await buildSite(join(dir, 'dist'), { ...process.env, DATABASE_URL: url }, stamp);
    console.log(`fair site with ${size} exhibitors built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const port = await freePort();
    const server = await startServer(join(dir, 'dist'), { ...process.env, DATABASE_URL: url }, port);
    try {
      for (const throttle of [1, 4]) rows.push(await measure(`http://127.0.0.1:${port}`, size, throttle));
    } finally {
      server.kill();
    }
  }
  console.log(`\nfair directory (median of ${RUNS} loads; changes timed in the page from the input event to the updated count)`);
  console.log('targets at 500 exhibitors, no throttling: first render ≤ 1 s, filter ≤ 50 ms, JavaScript ≤ 30 KB brotli');
  const header = [
    'exhibitors',
    'CPU',
    'FCP',
    'controls live',
    'filter p50',
    'filter p95',
    'keystroke p50',
    'keystroke p95',
    'JS br',
    'HTML br',
    'index br',
  ];
  const cells = rows.map((r) => [
    String(r.exhibitors),
    r.throttle === 1 ? '1×' : `${r.throttle}× slower`,
    ms(r.fcp),
    ms(r.live),
    ms(r.filterP50),
    ms(r.filterP95),
    ms(r.searchP50),
    ms(r.searchP95),
    kb(r.js),
    kb(r.html),
    kb(r.data),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  for (const line of [header, ...cells]) console.log(line.map((c, i) => c.padStart(widths[i]!)).join('  '));
}
