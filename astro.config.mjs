// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INLINE_SCRIPTS, PUBLIC_CSP_DIRECTIVES, cspHash } from './src/domain/csp.ts';
import { sitemapAlternates } from './src/domain/sitemap-alternates.ts';

// Public pages are prerendered from the database at build time; on-demand routes (the admin) are served
// by the Node adapter in middleware mode, behind src/server/site-server.ts, which finds the current
// release per request (a standalone server fixes its client folder at start, so it could not follow a
// publish). REGISTRY_OUT_DIR lets `npm start` and the tests build elsewhere than ./dist so that a build
// never empties the folder being served.
const outDir = process.env.REGISTRY_OUT_DIR || './dist';
/** Old addresses of renamed records (the build's _redirects, src/domain/redirects.ts): never in the sitemap. */
/** @type {Set<string> | null} */
let movedPaths = null;
/** @param {string} page */
function isMoved(page) {
  if (movedPaths === null) {
    let text = '';
    try {
      text = readFileSync(join(outDir, 'client', '_redirects'), 'utf8');
    } catch {
      // No file: nothing moved.
    }
    movedPaths = new Set(text.split('\n').map((line) => line.trim().split(/\s+/)[0] ?? ''));
    movedPaths.delete('');
  }
  return movedPaths.has(new URL(page).pathname);
}

/** Every page the sitemap lists, gathered by its filter. */
/** @type {Set<string>} */
const sitemapPages = new Set();

/**
 * Record pages an incremental release takes from the served release (#19.1, decision 032): Astro does not render
 * them, so the sitemap is told of them here, and lists exactly what a full build would.
 * @returns {string[]}
 */
function reusedPages() {
  const file = process.env.REGISTRY_RENDER_PLAN;
  if (!file) return [];
  const site = process.env.SITE_URL || 'http://localhost:4321';
  /** @type {{ reusedPaths: string[] }} */
  const plan = JSON.parse(readFileSync(file, 'utf8'));
  return plan.reusedPaths.map((path) => new URL(path, site).href);
}

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  outDir,
  output: 'static',
  trailingSlash: 'always',
  adapter: node({ mode: 'middleware' }),
  integrations: [
    react(),
    sitemap({
      customPages: reusedPages(),
      // Language alternates from the set of listed pages, not the plugin's `i18n` option, which scans every
      // URL for each URL (src/domain/sitemap-alternates.ts). The filter runs on every page before serialize.
      filter: (page) => {
        const listed = !page.includes('/admin/') && !/\/404\/?$/.test(page) && !/\/(print|posters)\/$/.test(page) && !isMoved(page);
        if (listed) sitemapPages.add(page);
        return listed;
      },
      serialize: (item) => {
        const links = sitemapAlternates(item.url, sitemapPages);
        return links ? { ...item, links } : item;
      },
    }),
  ],
  // CSS inlined into each page: measured against hashed stylesheets cached for a year, it paints sooner on a
  // slow mobile network, first view and five-page visit alike (decision 033). REGISTRY_STYLESHEETS=external
  // builds the other variant, for the benchmark that compares them.
  build: {
    format: 'directory',
    inlineStylesheets: process.env.REGISTRY_STYLESHEETS === 'external' ? 'never' : 'always',
    // Pages rendered at once in the one build thread (decision 033 has the measurement).
    concurrency: Number(process.env.REGISTRY_BUILD_CONCURRENCY) || 1,
  },
  security: {
    checkOrigin: true,
    // A meta CSP in every page with the hashes of its scripts and styles (#17.5, decision 022); the site
    // server repeats it as a header with frame-ancestors.
    csp: {
      directives: [...PUBLIC_CSP_DIRECTIVES],
      scriptDirective: { hashes: INLINE_SCRIPTS.map(cspHash) },
    },
  },
  vite: {
    ssr: { external: ['@libsql/client', 'libsql'] },
  },
});
