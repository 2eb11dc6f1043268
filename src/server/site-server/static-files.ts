/**
 * Answers from a release's client folder (src/domain/static-paths.ts decides which names may be served:
 * no dotfiles, databases, source maps; no directory listing): its files and their brotli/gzip forms, its
 * permanent redirects, its 404 pages, and hashed assets the current release no longer has from a kept
 * older one (a page opened before a publish may still ask for its scripts; the names are content hashes,
 * so any release's copy is the same bytes).
 */
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { chooseEncoding, CODING_SUFFIX, isCompressible, type Coding } from '#domain/content-coding.ts';
import { unknownPathAnswer } from '#domain/not-found-route.ts';
import { movedTo, parseRedirects, REDIRECTS_FILE } from '#domain/redirects.ts';
import { cacheControlOf, contentTypeOf, type StaticTarget } from '#domain/static-paths.ts';
import type { FileCache } from './file-cache.ts';
import type { Entity, Log, Release, SendOptions } from './release.ts';
import { openFile, pagePolicy, plain, redirect, sendFile, type Opened } from './responses.ts';

/** The static side of the site server, over one releases folder. */
export class StaticFiles {
  private readonly releasesDir: string;
  private readonly cache: FileCache;
  private readonly log: Log;

  constructor(site: { releasesDir: string; cache: FileCache; log: Log }) {
    ({ releasesDir: this.releasesDir, cache: this.cache, log: this.log } = site);
  }

  /**
   * Answers 301 for the old address of a renamed record (src/domain/redirects.ts), before the page the
   * release keeps there for static hosts; false when the path did not move.
   */
  async redirectMoved(release: Release, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    release.moves ??= readFile(join(release.client, REDIRECTS_FILE), 'utf8').then(parseRedirects, () => new Map<string, string>());
    const moves = await release.moves;
    if (moves.size === 0) return false;
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    const to = movedTo(moves, url.pathname);
    if (!to) return false;
    redirect(res, 301, to + url.search, 'public, max-age=3600');
    return true;
  }

  /** Answers from the client folder; false when the path names no file there (the handler decides then). */
  async serve(release: Release, target: StaticTarget, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const options = { status: 200, file: target.file, cacheControl: cacheControlOf(target.file) } as const;
    const cached = this.cache.recall(release, target.file);
    if (cached) {
      await this.send(req, res, ...(await this.negotiate(release, req, cached, options)));
      return true;
    }
    const found = await openFile(release.client, target.file, this.log);
    if (found === 'missing') {
      const older = target.file.startsWith('_astro/') ? await this.olderCopy(release, target.file) : undefined;
      if (!older) return false;
      await this.send(req, res, { size: older.stats.size, mtimeMs: older.stats.mtimeMs, handle: older.handle }, options);
      return true;
    }
    if (found === 'directory') {
      if (!target.redirect || (await openFile(release.client, target.redirect.indexFile, this.log, true)) !== 'file') return false;
      redirect(res, 301, target.redirect.location, 'public, max-age=3600');
      return true;
    }
    await this.send(req, res, ...(await this.negotiate(release, req, await this.cache.remember(release, target.file, found), options)));
    return true;
  }

  /**
   * The release's own 404 page in the path's language, never cached (a publish may add the page); a
   * mistyped /verify/<code>/ goes to the verification answer instead (src/domain/not-found-route.ts).
   */
  async notFound(release: Release, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (res.headersSent) return;
    const answer = unknownPathAnswer(req.url ?? '/');
    if (answer.kind === 'redirect') return redirect(res, 303, answer.location, 'no-store');
    for (const file of new Set([answer.file, '404.html'])) {
      const options = { status: 404, file, cacheControl: 'no-store' } as const;
      const cached = this.cache.recall(release, file);
      if (cached) return this.send(req, res, ...(await this.negotiate(release, req, cached, options)));
      const found = await openFile(release.client, file, this.log);
      if (typeof found === 'object')
        return this.send(req, res, ...(await this.negotiate(release, req, await this.cache.remember(release, file, found), options)));
    }
    return plain(req, res, 404, 'Không tìm thấy / Not found');
  }

  private send(req: IncomingMessage, res: ServerResponse, entity: Entity, options: SendOptions): Promise<void> {
    return sendFile(req, res, entity, options, this.log);
  }

  /**
   * The representation a request accepts of a file found in the release (#19.5): the brotli or gzip form
   * written beside it at publish (src/server/precompress.ts) when the client takes it, else the file. A
   * page's CSP is read from the page itself before a compressed form replaces it.
   */
  private async negotiate(release: Release, req: IncomingMessage, identity: Entity, options: SendOptions): Promise<[Entity, SendOptions]> {
    if (!isCompressible(options.file)) return [identity, options];
    const candidates: Coding[] = ['br', 'gzip'];
    for (;;) {
      const encoding = chooseEncoding(req.headers['accept-encoding'], candidates);
      if (encoding === 'identity') return [identity, { ...options, encoding }];
      const form = await this.findForm(release, options.file + CODING_SUFFIX[encoding]);
      if (form) {
        const policy = contentTypeOf(options.file).startsWith('text/html') ? await pagePolicy(identity.body, identity.handle) : undefined;
        await identity.handle?.close().catch(() => {});
        return [form, { ...options, encoding, ...(policy === undefined ? {} : { policy }) }];
      }
      candidates.splice(candidates.indexOf(encoding), 1);
    }
  }

  /** A compressed form of a file, from memory or the release; undefined when the publish wrote none. */
  private async findForm(release: Release, name: string): Promise<Entity | undefined> {
    const cached = this.cache.recall(release, name);
    if (cached) return cached;
    if (release.absent.has(name)) return undefined;
    const found = await openFile(release.client, name, this.log);
    if (typeof found === 'object') return this.cache.remember(release, name, found);
    release.absent.add(name);
    return undefined;
  }

  /** A hashed asset from the newest kept release that has it (not cached: only pages opened before a publish ask). */
  private async olderCopy(release: Release, file: string): Promise<Opened | undefined> {
    let names: string[];
    try {
      names = await readdir(this.releasesDir);
    } catch {
      return undefined;
    }
    const kept = names
      // node_modules: the packages link of a releases folder outside the project (release-modules.ts), never a release.
      .filter((name) => !name.startsWith('.') && name !== 'current' && name !== 'node_modules' && name !== release.id)
      .sort()
      .reverse();
    for (const name of kept) {
      const found = await openFile(join(this.releasesDir, name, 'client'), file, this.log);
      if (typeof found === 'object') return found;
    }
    return undefined;
  }
}
