/**
 * Inlined CSS against hashed stylesheets cached for a year (#19.5, decision 033): the same site built both
 * ways (REGISTRY_STYLESHEETS=external for the hashed files), each precompressed as a publish leaves it
 * and served by the site server; Chromium with Lighthouse's mobile network (150 ms round trip, 1.6 Mbit/s
 * down) opens a product page cold (first view), then a five-page visit. Bytes are what crossed the wire
 * (brotli); times are first contentful paint, median of the runs.
 */
import { mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumPath, CHROMIUM_FLAGS } from '../support/chromium.ts';
import { precompressRelease } from '#server/precompress.ts';
import { startSiteServer } from '#server/site-server.ts';

/** Lighthouse's mobile throttling (simulated "Slow 4G"). */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

export interface StylesheetVariant {
  label: string;
  /** A finished `astro build` output folder (client/ and server/). */
  buildDir: string;
}

interface Visit {
  firstViewFcp: number;
  firstViewBytes: number;
  visitFcp: number;
  visitBytes: number;
}

/** Opens `path` and waits for its first contentful paint; the bytes are counted by the caller. */
async function open(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'networkidle' });
  // Buffered: the paint entry may be recorded before the script asks (getEntriesByName missed some).
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const fcp = list.getEntries().find((entry) => entry.name === 'first-contentful-paint');
          if (fcp) resolve(fcp.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(Number.NaN), 5000);
      }),
  );
}

async function visit(base: string, paths: readonly string[]): Promise<Visit> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength));
    const fcps: number[] = [];
    const counted: number[] = [];
    for (const path of paths) {
      const before = bytes;
      fcps.push(await open(page, new URL(path, base).href));
      counted.push(bytes - before);
    }
    return {
      firstViewFcp: fcps[0]!,
      firstViewBytes: counted[0]!,
      visitFcp: fcps.reduce((a, b) => a + b, 0),
      visitBytes: counted.reduce((a, b) => a + b, 0),
    };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Serves each variant (moved into a releases folder of its own) and prints bytes and paint times. */
export async function benchStylesheet(variants: StylesheetVariant[], paths: readonly string[], runs = 5): Promise<void> {
  console.log(
    `\nInlined CSS vs hashed stylesheets, Chromium at 150 ms RTT / 1.6 Mbit/s, brotli as published; median of ${runs} runs.` +
      `\nfirst view = ${paths[0]} with an empty cache; visit = ${paths.join(' → ')}`,
  );
  console.log('variant     first view KB  first view FCP ms   visit KB   visit FCP ms (sum of 5)');
  for (const variant of variants) {
    const releases = `${variant.buildDir}-releases`;
    rmSync(releases, { recursive: true, force: true });
    mkdirSync(releases, { recursive: true });
    renameSync(variant.buildDir, join(releases, 'release'));
    symlinkSync('release', join(releases, 'current'));
    await precompressRelease(join(releases, 'release', 'client'));
    const site = await startSiteServer({ releasesDir: releases, host: '127.0.0.1', port: 0, log: () => {} });
    try {
      const results: Visit[] = [];
      for (let i = 0; i < runs; i++) results.push(await visit(site.url, paths));
      const m = (key: keyof Visit) => median(results.map((r) => r[key]));
      console.log(
        [
          variant.label.padEnd(10),
          (m('firstViewBytes') / 1024).toFixed(1).padStart(14),
          m('firstViewFcp').toFixed(0).padStart(18),
          (m('visitBytes') / 1024).toFixed(1).padStart(10),
          m('visitFcp').toFixed(0).padStart(14),
        ].join(' '),
      );
    } finally {
      await site.close();
      renameSync(join(releases, 'release'), variant.buildDir);
      rmSync(releases, { recursive: true, force: true });
    }
  }
}
