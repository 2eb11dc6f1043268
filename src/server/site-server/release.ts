/** What the site server keeps per release folder, and what it sends: shared by the modules of ../site-server.ts. */
import type { FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import type { Encoding } from '#domain/content-coding.ts';

/**
 * The adapter's middleware-mode handler (node_modules/@astrojs/node/dist/types.d.ts, RequestHandler). Its
 * `next` is typed void there, but serve-app.js does `return next()` and middleware.js awaits it, so a
 * promise returned by ours is waited for (and a rejection becomes the adapter's 500).
 */
export type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => Promise<void>,
  locals?: object,
) => void | Promise<void>;

export interface CachedFile {
  body: Buffer;
  mtimeMs: number;
}

export interface Release {
  id: string;
  /** Real path of the release folder: the key of the handler cache. */
  dir: string;
  client: string;
  handler?: Promise<AstroHandler>;
  /** Requests that started on this release and have not closed yet. */
  inFlight: number;
  /**
   * The `unhandledRejection` listeners the release's entry added when imported (the adapter adds one per
   * import). Kept on the process only while the release is current or busy, so a server that lives through
   * many publishes does not pile them up (Node warns from the 11th).
   */
  listeners: NodeJS.UnhandledRejectionListener[];
  attached: boolean;
  /** Small files already read from this release, least recently used first (./file-cache.ts). */
  files: Map<string, CachedFile>;
  /** The release's permanent redirects (client/_redirects), read on first use. */
  moves?: Promise<Map<string, string>>;
  /** Brotli/gzip forms looked for and not found (a file too small to gain from one), so not looked for again. */
  absent: Set<string>;
}

/** A release folder seen for the first time: nothing loaded, nothing cached. */
export function newRelease(dir: string): Release {
  return {
    id: basename(dir),
    dir,
    client: join(dir, 'client'),
    inFlight: 0,
    listeners: [],
    attached: true,
    files: new Map(),
    absent: new Set(),
  };
}

/** What sendFile sends: a file still open (streamed, then closed) or bytes already in memory. */
export type Entity = { size: number; mtimeMs: number } & ({ handle: FileHandle; body?: undefined } | { body: Buffer; handle?: undefined });

/** How sendFile sends it: status, caching, and the content coding chosen (#19.5). */
export interface SendOptions {
  status: 200 | 404;
  file: string;
  cacheControl: string;
  encoding?: Encoding;
  /** A page's CSP header, read from the page itself when the entity is one of its compressed forms. */
  policy?: string;
}

/** One line per event worth an operator's eye. */
export type Log = (line: string) => void;

export const errorCode = (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : '');
export const errorText = (error: unknown) => (error instanceof Error ? error.stack || error.message : String(error));
