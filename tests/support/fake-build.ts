/**
 * A stand-in for `astro build` for the publish tests (seconds instead of a minute), shared by the tests
 * and by publish-child.ts, the process they kill.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '#db/client.ts';
import { listProductSlugs, listRegistryCodes } from '#db/queries/product-records.ts';
import { listPublishedDecisions } from '#db/queries/decision-pages.ts';
import { listFairs } from '#db/queries/fairs.ts';
import { listProducers } from '#db/queries/producers.ts';
import { listCatalogueItems } from '#db/queries/listing.ts';
import { expectedPages } from '#domain/release-check.ts';
import { buildProductSearch, type SearchDisplay } from '#domain/search/bundle.ts';
import { todayIso } from '#domain/validity.ts';
import type { BuildFunction } from '#server/publish.ts';

/** What a faulty build does to the product search index: leaves it out, or indexes no product. */
export type SearchFault = 'missing' | 'empty';

const DISPLAY: SearchDisplay = {
  labels: { level: {}, group: {}, province: {}, year: {}, status: {} },
  strings: { certifications: 'chứng nhận', unknownProducer: '—' },
  productBase: '/products/',
};

/**
 * The product search files of both languages, made by the site's own search builder (src/domain/search/bundle.ts)
 * from the catalogue the snapshot lists, as the real build's /search/products/[file].json routes write them.
 */
async function writeSearchIndex(client: string, db: Parameters<typeof listCatalogueItems>[0], fault?: SearchFault) {
  if (fault === 'missing') return;
  const { items } = await listCatalogueItems(db, todayIso());
  for (const locale of ['vi', 'en'] as const) {
    const files = buildProductSearch(fault === 'empty' ? [] : items, locale, DISPLAY);
    const base = join(client, locale === 'vi' ? '' : 'en', 'search', 'products');
    mkdirSync(base, { recursive: true });
    const write = (name: string, content: unknown) => writeFileSync(join(base, `${name}.json`), JSON.stringify(content));
    write('manifest', files.manifest);
    write('facets', files.facets);
    files.terms.forEach((chunk, n) => write(`t-${n}`, chunk));
    files.rows.forEach((rows, n) => write(`r-${n}`, rows));
  }
}

/**
 * A stand-in for `astro build` (seconds instead of a minute): the pages and files the published records
 * need (expectedPages: also /data/ and each product's JSON), read from the database the real build would
 * read (the backup), each page linking home, and a real product search index of both languages built from
 * that data (not shaped for the validator: the validator tries names it reads from the database); `omit`,
 * `brokenLink` and `search` make a faulty build; `pauseEvery`/`pauseMs` make it slow enough to be killed halfway.
 */
export const fakeBuild =
  (fault: { omit?: string; brokenLink?: boolean; search?: SearchFault; pauseEvery?: number; pauseMs?: number } = {}): BuildFunction =>
  async (outDir, env) => {
    // Like Astro: the output folder is emptied first.
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const snapshot = await openDatabase({ url: env['DATABASE_URL']! });
    try {
      const { db } = snapshot;
      const pages = expectedPages({
        products: await listProductSlugs(db),
        producers: (await listProducers(db)).map((p) => p.slug),
        fairs: (await listFairs(db)).map((f) => f.slug),
        codes: await listRegistryCodes(db),
        decisions: (await listPublishedDecisions(db)).map((d) => d.slug),
      });
      for (const [i, page] of pages.entries()) {
        if (page === fault.omit) continue;
        if (fault.pauseEvery && i % fault.pauseEvery === 0) await sleep(fault.pauseMs ?? 10);
        mkdirSync(join(outDir, 'client', page, '..'), { recursive: true });
        const extra = fault.brokenLink ? '<a href="/products/khong-co/">x</a>' : '';
        // Pages link home (and the admin); the data files and product documents stand in as empty JSON or text.
        const body = page.endsWith('.html')
          ? `<!doctype html><a href="/">home</a><a href="/admin/">staff</a>${extra}`
          : page.endsWith('.json')
            ? '{}\n'
            : '\n';
        writeFileSync(join(outDir, 'client', page), body);
      }
      await writeSearchIndex(join(outDir, 'client'), db, fault.search);
      mkdirSync(join(outDir, 'server'), { recursive: true });
      writeFileSync(join(outDir, 'server', 'entry.mjs'), 'export const handler = () => {};');
    } finally {
      snapshot.close();
    }
  };
