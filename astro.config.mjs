// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INLINE_SCRIPTS, PUBLIC_CSP_DIRECTIVES, cspHash } from './src/domain/csp.ts';

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
      i18n: { defaultLocale: 'vi', locales: { vi: 'vi-VN', en: 'en-GB' } },
      filter: (page) => !page.includes('/admin/') && !/\/404\/?$/.test(page) && !/\/(print|posters)\/$/.test(page) && !isMoved(page),
    }),
  ],
  build: { format: 'directory', inlineStylesheets: 'always' },
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
