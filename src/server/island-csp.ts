/**
 * The admin's script policy for React islands (#20.1, decision 034). Astro writes two small inline scripts
 * before the first island of a page: the `<astro-island>` element and the loader of its client directive.
 * The admin's header policy allows scripts from the site itself plus exactly those two texts, by hash (the
 * texts come from the installed Astro, so an upgrade cannot leave a stale hash behind); never 'unsafe-inline'.
 */
import islandScript from 'astro/runtime/server/astro-island.prebuilt.js';
import visibleScript from 'astro/runtime/client/visible.prebuilt.js';
import { cspHash } from '../domain/csp.ts';

/** The islands' inline scripts: the element, and `client:visible` (the only directive the admin uses). */
export const ISLAND_INLINE_SCRIPTS: readonly string[] = [islandScript, visibleScript];

/** The admin's script-src directive. */
export const ADMIN_SCRIPT_SRC = `script-src 'self' ${ISLAND_INLINE_SCRIPTS.map((s) => `'${cspHash(s)}'`).join(' ')}`;
