/**
 * Precompression at publish (#19.5, decision 033): every text file of a release gets its brotli and gzip
 * forms written once beside it (`index.html.br`, `index.html.gz`), so the site server sends them as they
 * are, by Accept-Encoding, and never compresses per request.
 *
 * `precompressFiles` takes any list of files: a full publish passes every file of the release
 * (`precompressRelease`), an incremental one only the files it rendered anew. For each file it is given,
 * the forms beside it afterwards are those of its current bytes: an older form is unlinked first, never
 * written through (a form hard-linked from an earlier release must stay that release's), and a form that
 * would not be smaller than the file is not kept (the server then sends the file itself).
 */
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { CODING_SUFFIX, isCompressible, type Coding } from '#domain/content-coding.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Brotli quality 6: within 10 % of quality 11 on the site's pages, 20× faster (decision 033 has the
 * figures); a full publish compresses every page, so the level is paid once per page per publish.
 */
export const BROTLI_QUALITY = 6;
/** Gzip level 6 (zlib's default): within 1 % of level 9 on the site's pages, at a fraction of its time. */
export const GZIP_LEVEL = 6;
/** Below this a coding saves less than its headers cost. */
export const MIN_BYTES = 256;

export interface PrecompressSummary {
  /** Files looked at (compressible and big enough). */
  files: number;
  /** Their bytes as they are, in brotli and in gzip (a form not kept counts as the file itself). */
  identity: number;
  br: number;
  gzip: number;
}

const compressors: Record<Coding, (data: Buffer) => Promise<Buffer>> = {
  br: (data) =>
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
  gzip: (data) => gzipAsync(data, { level: GZIP_LEVEL }),
};

const removeIfPresent = (path: string) =>
  unlink(path).catch((error: unknown) => {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  });

/** Writes (or removes) the brotli and gzip forms of one file; returns its sizes, or null when it is not compressible. */
async function precompressFile(path: string): Promise<{ identity: number; br: number; gzip: number } | null> {
  if (!isCompressible(path)) return null;
  // Whatever happens next, no form of an older content may survive beside the new file.
  await Promise.all((Object.keys(CODING_SUFFIX) as Coding[]).map((coding) => removeIfPresent(path + CODING_SUFFIX[coding])));
  const data = await readFile(path);
  if (data.length < MIN_BYTES) return null;
  const sizes = { identity: data.length, br: data.length, gzip: data.length };
  for (const coding of Object.keys(CODING_SUFFIX) as Coding[]) {
    const packed = await compressors[coding](data);
    if (packed.length >= data.length) continue;
    // flag 'wx': a new inode, so a link shared with another release can never be written through.
    await writeFile(path + CODING_SUFFIX[coding], packed, { flag: 'wx' });
    sizes[coding] = packed.length;
  }
  return sizes;
}

/**
 * Writes the brotli and gzip forms beside each of `files` (absolute paths) that is text; the incremental
 * publisher calls it with the files it rendered, a full publish through precompressRelease. Zlib works on
 * libuv's thread pool, so a few files at a time keep both cores busy.
 */
export async function precompressFiles(files: readonly string[], concurrency = 2 * availableParallelism()): Promise<PrecompressSummary> {
  const summary: PrecompressSummary = { files: 0, identity: 0, br: 0, gzip: 0 };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const sizes = await precompressFile(files[next++]!);
      if (!sizes) continue;
      summary.files++;
      summary.identity += sizes.identity;
      summary.br += sizes.br;
      summary.gzip += sizes.gzip;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return summary;
}

/** Every file of a folder (a release's client folder), forms of a coding left out. */
export async function releaseFiles(dir: string): Promise<string[]> {
  const suffixes = Object.values(CODING_SUFFIX);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !suffixes.some((suffix) => entry.name.endsWith(suffix)))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The compressible files of a release's client folder that have neither form beside them: after an
 * incremental publish shared the unchanged files with their forms, the files still to compress.
 */
export async function filesWithoutForms(clientDir: string): Promise<string[]> {
  // One walk of the folder: the files, and the forms beside them.
  const present = new Set(
    (await readdir(clientDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)),
  );
  const suffixes = Object.values(CODING_SUFFIX);
  return [...present].filter(
    (file) => isCompressible(file) && !suffixes.some((suffix) => file.endsWith(suffix) || present.has(file + suffix)),
  );
}

/** Precompresses every text file of a release's client folder (a full publish). */
export async function precompressRelease(clientDir: string): Promise<PrecompressSummary> {
  return precompressFiles(await releaseFiles(clientDir));
}
