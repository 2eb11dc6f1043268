/**
 * A stand-in for `astro build` for the publish tests (seconds instead of a minute), shared by the tests
 * and by publish-child.ts, the process they kill.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../../src/db/client.ts';
import { listProductSlugs, listRegistryCodes } from '../../src/db/queries/catalogue.ts';
import { listPublishedDecisions } from '../../src/db/queries/decision-pages.ts';
import { listFairs } from '../../src/db/queries/fairs.ts';
import { listProducers } from '../../src/db/queries/producers.ts';
import { expectedPages } from '../../src/domain/release-check.ts';
import type { BuildFunction } from '../../src/server/publish.ts';

/**
 * A stand-in for `astro build` (seconds instead of a minute): the pages and files the published records
 * need (expectedPages: also /data/ and each product's JSON), read from the database the real build would
 * read (the backup), each page linking home; `omit` and
 * `brokenLink` make a faulty build; `pauseEvery`/`pauseMs` make it slow enough to be killed halfway.
 */
export const fakeBuild =
  (fault: { omit?: string; brokenLink?: boolean; pauseEvery?: number; pauseMs?: number } = {}): BuildFunction =>
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
      mkdirSync(join(outDir, 'server'), { recursive: true });
      writeFileSync(join(outDir, 'server', 'entry.mjs'), 'export const handler = () => {};');
    } finally {
      snapshot.close();
    }
  };
