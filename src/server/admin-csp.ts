/**
 * The admin's script policy for React islands (#20.2, decision 036). An island is hydrated by two small
 * inline scripts Astro writes into the page: its island element's code and its client directive's (load,
 * visible…). The admin's header allows scripts from the site only, so it names exactly those two texts by
 * their hashes, taken from the Astro release installed (a new Astro brings new texts and new hashes).
 */
import islandScript from 'astro/runtime/server/astro-island.prebuilt.js';
import idle from 'astro/runtime/client/idle.prebuilt.js';
import load from 'astro/runtime/client/load.prebuilt.js';
import media from 'astro/runtime/client/media.prebuilt.js';
import only from 'astro/runtime/client/only.prebuilt.js';
import visible from 'astro/runtime/client/visible.prebuilt.js';
import { cspHash } from '#domain/csp.ts';

/** The hashes of the inline scripts that hydrate islands. */
export const ISLAND_SCRIPT_HASHES = [islandScript, idle, load, media, only, visible].map(cspHash);

/** The admin's script-src: its own files and the island scripts, nothing else inline. */
export const ADMIN_SCRIPT_SRC = `script-src 'self' ${ISLAND_SCRIPT_HASHES.map((h) => `'${h}'`).join(' ')}`;
