/**
 * Each release's own Astro handler (`server/entry.mjs`, adapter in middleware mode), imported once per
 * release folder, one import at a time so that the `unhandledRejection` listeners an import adds are
 * known to be its own; those listeners are on the process only while their release is current or busy.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorText, type AstroHandler, type Log, type Release } from './release.ts';

/** Puts a release's listeners back on the process (it became current or busy again). */
export function attachListeners(release: Release): void {
  if (release.attached) return;
  for (const listener of release.listeners) process.on('unhandledRejection', listener);
  release.attached = true;
}

/** Takes a release's listeners off the process. */
export function detachListeners(release: Release): void {
  if (!release.attached) return;
  for (const listener of release.listeners) process.off('unhandledRejection', listener);
  release.attached = false;
}

/** Imports releases' handlers, once each; `imported` runs after each import (to let an idle release go). */
export class HandlerLoader {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log: Log;
  private readonly imported: (release: Release) => void;

  constructor(log: Log, imported: (release: Release) => void) {
    this.log = log;
    this.imported = imported;
  }

  /** The release's Astro handler, imported once; a failed import stays failed (a published release never changes). */
  load(release: Release): Promise<AstroHandler> {
    if (release.handler) return release.handler;
    const loading = this.queue.then(() => this.import(release));
    this.queue = loading.catch(() => {});
    release.handler = loading;
    loading.catch((error: unknown) => this.log(`site: the server of release ${release.id} could not be loaded: ${errorText(error)}`));
    return loading;
  }

  private async import(release: Release): Promise<AstroHandler> {
    const before = new Set(process.listeners('unhandledRejection'));
    const started = performance.now();
    try {
      const entry = pathToFileURL(join(release.dir, 'server', 'entry.mjs')).href;
      const module = (await import(/* @vite-ignore */ entry)) as { handler?: unknown; options?: { mode?: unknown } };
      if (typeof module.handler !== 'function' || (module.options && module.options.mode !== 'middleware'))
        throw new Error(`${entry} is not a middleware-mode build (astro.config.mjs: node({ mode: 'middleware' }))`);
      this.log(`site: loaded the server of release ${release.id} (${(performance.now() - started).toFixed(0)} ms)`);
      return module.handler as AstroHandler;
    } finally {
      release.listeners = process.listeners('unhandledRejection').filter((listener) => !before.has(listener));
      release.attached = true;
      this.imported(release);
    }
  }
}
