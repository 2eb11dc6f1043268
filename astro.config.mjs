// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { INLINE_SCRIPTS, PUBLIC_CSP_DIRECTIVES, cspHash } from './src/domain/csp.ts';

// Public pages are prerendered from the database at build time; on-demand routes (the admin) are served
// by the Node adapter in middleware mode, behind src/server/site-server.ts, which finds the current
// release per request (a standalone server fixes its client folder at start, so it could not follow a
// publish). REGISTRY_OUT_DIR lets `npm start` and the tests build elsewhere than ./dist so that a build
// never empties the folder being served.
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  outDir: process.env.REGISTRY_OUT_DIR || './dist',
  output: 'static',
  trailingSlash: 'always',
  adapter: node({ mode: 'middleware' }),
  integrations: [
    react(),
    sitemap({
      i18n: { defaultLocale: 'vi', locales: { vi: 'vi-VN', en: 'en-GB' } },
      filter: (page) => !page.includes('/admin/') && !/\/404\/?$/.test(page) && !/\/(print|posters)\/$/.test(page),
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
