/**
 * The upload pipeline for product photos (R13–R17): a body read with its limit enforced while it streams,
 * at most four image jobs at once, every upload decoded with a pixel limit and re-encoded (originals are
 * never stored), EXIF and GPS gone, files named by content hash outside the web root, written before the
 * row that names them, and a sweep for what a crash leaves behind. The rules themselves are in
 * src/domain/images.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { writeTransaction, type Database, type Tx } from '../db/client.ts';
import {
  deleteUnusedImages,
  findImageByHash,
  insertImageIfAbsent,
  listImageHashes,
  listPublishedImages,
  type StoredImage,
} from '../db/queries/product-images.ts';
import {
  dimensionsRefusal,
  IMAGE_MIME,
  MAX_IMAGE_JOBS,
  MAX_INPUT_PIXELS,
  MAX_QUEUED_IMAGE_JOBS,
  MAX_STORED_SIDE,
  parseVariantFileName,
  refuseReason,
  sniffImageType,
  UPLOAD_MESSAGES,
  UPLOAD_STATUS,
  VARIANT_MIME,
  variantFileName,
  variantsOf,
  type ImageType,
  type UploadRefusal,
  type VariantFormat,
} from '../domain/images.ts';
import { processWide } from './process-wide.ts';

/**
 * Where variants are stored: UPLOADS_DIR, or `uploads/` (git-ignored, outside the web root), resolved
 * from the working directory like DATABASE_URL's default (npm scripts and builds run from the repository
 * root). Read on every call so tests and tools can point it elsewhere.
 */
export function uploadsDir(): string {
  return resolve(process.env['UPLOADS_DIR'] || 'uploads');
}

/** Temporary files start with this; nothing else in the folder does (variant names start with a hash). */
const TEMP_PREFIX = '.tmp-';

/** R13: bodies are read under a limit enforced while they stream (moved to body-limit.ts for the forms too, #17.2). */
export { readLimited } from './body-limit.ts';

/**
 * A counting semaphore with a bounded queue (R13): at most `limit` jobs run, up to `queueLimit` wait in
 * order, and past that a job is refused at once (the caller answers 503) instead of piling up bodies.
 */
export class JobGate {
  readonly limit: number;
  readonly queueLimit: number;
  /** The most jobs seen running at once since creation (or the last reset): tests check it. */
  peak = 0;
  #running = 0;
  #queue: (() => void)[] = [];

  constructor(limit: number, queueLimit: number) {
    this.limit = limit;
    this.queueLimit = queueLimit;
  }

  get running(): number {
    return this.#running;
  }
  get waiting(): number {
    return this.#queue.length;
  }
  /** True when a new job would be refused. */
  get isFull(): boolean {
    return this.#running >= this.limit && this.#queue.length >= this.queueLimit;
  }

  async run<T>(job: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    if (this.#running < this.limit) this.#running++;
    else if (this.#queue.length < this.queueLimit) await new Promise<void>((wake) => this.#queue.push(wake));
    else return { ok: false };
    this.peak = Math.max(this.peak, this.#running);
    try {
      return { ok: true, value: await job() };
    } finally {
      // A finished job hands its slot straight to the next in line, so the count never dips and rises.
      const next = this.#queue.shift();
      if (next) next();
      else this.#running--;
    }
  }
}

/** The process's image jobs: decoding and encoding are the memory- and CPU-heavy part of an upload. */
export const imageJobs = processWide('imageJobs', () => new JobGate(MAX_IMAGE_JOBS, MAX_QUEUED_IMAGE_JOBS));

export type IngestResult<T> =
  { ok: true; image: StoredImage; attached: T } | { ok: false; status: 413 | 415 | 422 | 503; reason: UploadRefusal; message: string };

const refused = (reason: UploadRefusal) =>
  ({ ok: false, status: UPLOAD_STATUS[reason], reason, message: UPLOAD_MESSAGES[reason] }) as const;

/** What sharp reports as the format of each type we accept (AVIF is read by the HEIF loader). */
const SHARP_FORMAT: Record<ImageType, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif' };

/**
 * R15: decoding stops past 40 megapixels and at the first damaged or truncated pixel data
 * ('error' also implies 'truncated'), instead of producing a half-grey picture.
 */
const DECODE = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true } as const;

/** Hashes being stored by a job of this process: the sweep and the clean-up leave their files alone. */
const inFlight = processWide('imagesInFlight', () => new Map<string, number>());
const hold = (hash: string) => inFlight.set(hash, (inFlight.get(hash) ?? 0) + 1);
const release = (hash: string) => {
  const n = (inFlight.get(hash) ?? 1) - 1;
  if (n > 0) inFlight.set(hash, n);
  else inFlight.delete(hash);
};

class Refused extends Error {
  readonly reason: UploadRefusal;
  constructor(reason: UploadRefusal) {
    super(reason);
    this.reason = reason;
  }
}

interface Normalised {
  pixels: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  hash: string;
}

/**
 * Decodes once, applies the EXIF orientation, fits the picture in 1600×1600 and converts it to 8-bit
 * sRGB raw pixels. Every variant is encoded from these pixels, which carry no metadata at all: EXIF, GPS,
 * XMP and ICC cannot reach an output (R16), whatever sharp's defaults become.
 *
 * The content hash is the SHA-256 of these normalised pixels rather than of the uploaded bytes: the same
 * photo sent again with different metadata (a phone that stripped GPS, an edited date) is stored once,
 * and the name describes what is stored, not what a client sent.
 */
async function normalise(bytes: Uint8Array, type: ImageType): Promise<Normalised> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, DECODE).metadata();
  } catch {
    throw new Refused('undecodable');
  }
  if (meta.format !== SHARP_FORMAT[type] || (type === 'avif' && meta.compression !== 'av1')) throw new Refused('unsupported-type');
  const refusal = dimensionsRefusal(meta.autoOrient.width, meta.autoOrient.height);
  if (refusal) throw new Refused(refusal);
  try {
    const { data, info } = await sharp(bytes, DECODE)
      .autoOrient()
      .resize({ width: MAX_STORED_SIDE, height: MAX_STORED_SIDE, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const hash = createHash('sha256').update(`${info.width}x${info.height}x${info.channels}\n`).update(data).digest('hex');
    return { pixels: data, width: info.width, height: info.height, channels: info.channels, hash };
  } catch (error) {
    throw new Refused(error instanceof Error && /pixel limit/i.test(error.message) ? 'too-many-pixels' : 'undecodable');
  }
}

/**
 * AVIF at sharp's default effort (4): on this kind of machine about 3× slower to encode than effort 3
 * but often less than half the bytes, and uploads are rare while every visitor downloads the result.
 */
function encode(base: Sharp, width: number, format: VariantFormat): Promise<Buffer> {
  const resized = base.clone().resize({ width });
  if (format === 'avif') return resized.avif({ quality: 50, effort: 4 }).toBuffer();
  if (format === 'webp') return resized.webp({ quality: 78 }).toBuffer();
  return resized.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}

/** Writes a file durably under a temporary name in the same folder, then renames it into place. */
export async function writeAtomically(dir: string, fileName: string, data: Uint8Array, temps: Set<string>): Promise<void> {
  const temp = join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}-${fileName}`);
  temps.add(temp);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(dir, fileName));
  temps.delete(temp);
}

/** Makes the renames durable before the row that names the files is committed (R17: file first). */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Checks, re-encodes and stores one uploaded image, then (in the same transaction as its `images` row)
 * runs `attach`, e.g. to add it to a product. Refusals come back as 413/415/422/503 with a Vietnamese
 * message; only a failing disk or database throws. On any failure, temporary files and files that no
 * row names are removed. An image already stored under the same hash is reused, not stored twice.
 */
export async function ingestImage<T = undefined>(
  database: Pick<Database, 'client' | 'db'>,
  bytes: Uint8Array,
  attach?: (tx: Tx, image: StoredImage) => Promise<T>,
): Promise<IngestResult<T>> {
  const early = refuseReason(bytes);
  if (early) return refused(early);
  const type = sniffImageType(bytes)!;
  const outcome = await imageJobs.run(() => store(database, bytes, type, attach));
  return outcome.ok ? outcome.value : refused('busy');
}

async function store<T>(
  database: Pick<Database, 'client' | 'db'>,
  bytes: Uint8Array,
  type: ImageType,
  attach: ((tx: Tx, image: StoredImage) => Promise<T>) | undefined,
): Promise<IngestResult<T>> {
  let image: Normalised;
  try {
    image = await normalise(bytes, type);
  } catch (error) {
    if (error instanceof Refused) return refused(error.reason);
    throw error;
  }
  const dir = uploadsDir();
  const variants = variantsOf(image.hash, image.width);
  const temps = new Set<string>();
  const written: string[] = [];
  hold(image.hash);
  try {
    await mkdir(dir, { recursive: true });
    const known = await findImageByHash(database.db, image.hash);
    const complete = known && (await Promise.all(variants.map((v) => exists(join(dir, v.fileName))))).every(Boolean);
    let total = known?.bytes ?? 0;
    if (!complete) {
      const base = sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: image.channels } });
      const encoded: { fileName: string; data: Buffer }[] = [];
      try {
        // One at a time: a job holds one libuv thread, so four jobs leave the server its other threads.
        for (const v of variants) encoded.push({ fileName: v.fileName, data: await encode(base, v.width, v.format) });
      } catch {
        return refused('undecodable');
      }
      total = encoded.reduce((sum, e) => sum + e.data.byteLength, 0);
      for (const e of encoded) {
        await writeAtomically(dir, e.fileName, e.data, temps);
        written.push(e.fileName);
      }
      await syncDir(dir);
    }
    const result = await writeTransaction(database, async (tx) => {
      const row = await insertImageIfAbsent(tx, {
        contentHash: image.hash,
        mime: IMAGE_MIME[type],
        width: image.width,
        height: image.height,
        bytes: total,
      });
      return { row, attached: attach ? await attach(tx, row) : (undefined as T) };
    });
    written.length = 0;
    return { ok: true, image: result.row, attached: result.attached };
  } finally {
    await Promise.all([...temps].map((t) => rm(t, { force: true })));
    if (written.length > 0) await removeUnlessReferenced(database, image.hash, dir, written);
    release(image.hash);
  }
}

/** After a failure: the files this job put in place go, unless a row (or another job) still needs them. */
async function removeUnlessReferenced(database: Pick<Database, 'db'>, hash: string, dir: string, files: string[]): Promise<void> {
  if ((inFlight.get(hash) ?? 0) > 1) return;
  // If the database cannot answer, keep the files: the sweep decides later, with the row in view.
  const row = await findImageByHash(database.db, hash).catch(() => 'unknown' as const);
  if (row) return;
  await Promise.all(files.map((f) => rm(join(dir, f), { force: true })));
}

export interface SweepOptions {
  now?: number;
  /** Temporary files older than this are left by a crash (default 5 minutes). */
  tempAgeMs?: number;
  /** Files younger than this may belong to an upload whose row is not committed yet (default 10 minutes). */
  fileGraceMs?: number;
  /** Images no product shows for this long lose their row and files (default a day); null keeps them. */
  unusedRowAgeMs?: number | null;
}

/**
 * R17: removes what a crash or a removed photo leaves behind: temporary files, variant files no `images`
 * row names, and images no product has shown for a day (row and audit first, files after). Names of any
 * other shape are left alone. Safe to run while the server takes uploads. Returns what it removed.
 */
export async function sweepOrphans(
  database: Pick<Database, 'client' | 'db'>,
  options: SweepOptions = {},
): Promise<{ removedFiles: string[]; removedRows: number }> {
  const now = options.now ?? Date.now();
  const tempAgeMs = options.tempAgeMs ?? 5 * 60_000;
  const fileGraceMs = options.fileGraceMs ?? 10 * 60_000;
  const rowAge = options.unusedRowAgeMs === undefined ? 24 * 3_600_000 : options.unusedRowAgeMs;
  let removedRows = 0;
  if (rowAge !== null) {
    const cutoff = new Date(now - rowAge).toISOString();
    const rows = await writeTransaction(database, (tx) => deleteUnusedImages(tx, cutoff, [...inFlight.keys()], { label: 'sweep:images' }));
    removedRows = rows.length;
  }
  const dir = uploadsDir();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { removedFiles: [], removedRows };
  }
  const hashes = new Set(await listImageHashes(database.db));
  const removedFiles: string[] = [];
  for (const name of names) {
    const isTemp = name.startsWith(TEMP_PREFIX);
    const parsed = isTemp ? null : parseVariantFileName(name);
    if (!isTemp && (!parsed || hashes.has(parsed.hash) || inFlight.has(parsed.hash))) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < (isTemp ? tempAgeMs : fileGraceMs)) continue;
    await rm(join(dir, name), { force: true });
    removedFiles.push(name);
  }
  return { removedFiles, removedRows };
}

/** A stored variant's bytes and type, or null; only names of the stored shape ever reach the disk. */
export async function readVariant(hash: string, width: number, format: VariantFormat): Promise<{ bytes: Buffer; mime: string } | null> {
  const name = variantFileName(hash, width, format);
  if (!parseVariantFileName(name)) return null;
  try {
    return { bytes: await readFile(join(uploadsDir(), name)), mime: VARIANT_MIME[format] };
  } catch {
    return null;
  }
}

/** The variant named `<hash>-<width>` in `format` as an HTTP response (404 for any other name). */
export async function variantResponse(name: string, format: VariantFormat, cacheControl: string): Promise<Response> {
  const parsed = parseVariantFileName(`${name}.${format}`);
  const found = parsed && (await readVariant(parsed.hash, parsed.width, parsed.format));
  if (!found) return new Response('Không tìm thấy / Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(found.bytes), {
    headers: { 'Content-Type': found.mime, 'Cache-Control': cacheControl, 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The `[file]` params of every variant in `format` of an image on a published product (for the build). */
export async function publishedVariantParams(
  database: Pick<Database, 'db'>,
  format: VariantFormat,
): Promise<{ params: { file: string } }[]> {
  return (await listPublishedImages(database.db)).flatMap(({ hash, width }) =>
    variantsOf(hash, width)
      .filter((v) => v.format === format)
      .map((v) => ({ params: { file: v.fileName.slice(0, -(format.length + 1)) } })),
  );
}

/**
 * A published variant for the build: its bytes, or an error that fails the build, because a release
 * with a missing photo must not replace one that has it (R32).
 */
export async function publishedVariant(name: string, format: VariantFormat): Promise<Response> {
  const parsed = parseVariantFileName(`${name}.${format}`);
  const found = parsed && (await readVariant(parsed.hash, parsed.width, parsed.format));
  if (!found) throw new Error(`image variant ${name}.${format} is missing from ${uploadsDir()}; upload the photo again`);
  return new Response(new Uint8Array(found.bytes), { headers: { 'Content-Type': found.mime } });
}
