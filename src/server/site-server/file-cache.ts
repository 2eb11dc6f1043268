/**
 * Release folders never change once published, so small files are kept in memory after their first read:
 * pages, scripts, search shards and thumbnails then cost no file-system call at all (an open, a stat, a
 * read and a close each go through libuv's thread pool, and bounded the server to about a quarter of what
 * Node can send). Larger files are streamed. Only the current release's (and busy ones') entries are kept.
 */
import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Entity, Release } from './release.ts';

export const FILE_CACHE_MAX_FILE = 256 * 1024;
export const FILE_CACHE_BYTES = 64 * 1024 * 1024;

/** The small files of live releases, least recently used dropped first, within one byte budget for all. */
export class FileCache {
  private bytes = 0;
  private readonly isLive: (release: Release) => boolean;

  /** `isLive` says whether a release is current or still answering a request (only those keep files). */
  constructor(isLive: (release: Release) => boolean) {
    this.isLive = isLive;
  }

  /** A file already in memory, marked most recently used; undefined when it is not. */
  recall(release: Release, file: string): Entity | undefined {
    const cached = release.files.get(file);
    if (!cached) return undefined;
    // Most recently used last.
    release.files.delete(file);
    release.files.set(file, cached);
    return { size: cached.body.length, mtimeMs: cached.mtimeMs, body: cached.body };
  }

  /** Reads a small opened file whole (closing it) and keeps it; a larger one is left open to be streamed. */
  async remember(release: Release, file: string, { handle, stats }: { handle: FileHandle; stats: Stats }): Promise<Entity> {
    if (stats.size > FILE_CACHE_MAX_FILE) return { size: stats.size, mtimeMs: stats.mtimeMs, handle };
    let body: Buffer;
    try {
      body = await handle.readFile();
    } finally {
      await handle.close().catch(() => {});
    }
    // Another request may have read it meanwhile, or the release may have been let go while this one read.
    if (!release.files.has(file) && this.isLive(release)) this.keep(release, file, body, stats.mtimeMs);
    return { size: body.length, mtimeMs: stats.mtimeMs, body };
  }

  /** Lets go of every file of a release (and what it knew to be absent). */
  forget(release: Release): void {
    for (const { body } of release.files.values()) this.bytes -= body.length;
    release.files.clear();
    release.absent.clear();
  }

  private keep(release: Release, file: string, body: Buffer, mtimeMs: number): void {
    for (const [oldest, entry] of release.files) {
      if (this.bytes + body.length <= FILE_CACHE_BYTES) break;
      release.files.delete(oldest);
      this.bytes -= entry.body.length;
    }
    if (this.bytes + body.length <= FILE_CACHE_BYTES) {
      release.files.set(file, { body, mtimeMs });
      this.bytes += body.length;
    }
  }
}
