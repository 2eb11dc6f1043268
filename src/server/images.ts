/**
 * The upload pipeline for product photos (R13–R17): a body read with its limit enforced while it streams,
 * at most four image jobs at once, every upload decoded with a pixel limit and re-encoded (originals are
 * never stored), EXIF and GPS gone, files named by content hash outside the web root, written before the
 * row that names them, and a sweep for what a crash leaves behind. The rules themselves are in
 * src/domain/images.ts.
 *
 * This file is the upload itself; its parts are in ./images/ (encoding, storage, sweep, HTTP answers), the
 * job gate in ./job-gate.ts and the limited body read in ./body-limit.ts. Their names are exported here too.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTransaction, type Database, type Tx } from '#db/client.ts';
import { findImageByHash, insertImageIfAbsent, type StoredImage } from '#db/queries/product-images.ts';
import {
  IMAGE_MIME,
  MAX_IMAGE_JOBS,
  MAX_QUEUED_IMAGE_JOBS,
  refuseReason,
  sniffImageType,
  UPLOAD_MESSAGES,
  UPLOAD_STATUS,
  variantsOf,
  type ImageType,
  type UploadRefusal,
} from '#domain/images.ts';
import { encodeVariants, normalise, Refused, type Normalised } from './images/encoding.ts';
import { exists, hold, letGo, removeUnlessReferenced, syncDir, uploadsDir, writeAtomically } from './images/storage.ts';
import { JobGate } from './job-gate.ts';
import { processWide } from '#db/process-wide.ts';

export { publishedVariant, publishedVariantParams, readVariant, variantResponse } from './images/http.ts';
export { syncDir, uploadsDir, writeAtomically } from './images/storage.ts';
export { sweepOrphans, type SweepOptions } from './images/sweep.ts';
export { JobGate } from './job-gate.ts';

/** R13: bodies are read under a limit enforced while they stream (moved to body-limit.ts for the forms too, #17.2). */
export { readLimited } from './body-limit.ts';

/** The process's image jobs: decoding and encoding are the memory- and CPU-heavy part of an upload. */
export const imageJobs = processWide('imageJobs', () => new JobGate(MAX_IMAGE_JOBS, MAX_QUEUED_IMAGE_JOBS));

export type IngestResult<T> =
  { ok: true; image: StoredImage; attached: T } | { ok: false; status: 413 | 415 | 422 | 503; reason: UploadRefusal; message: string };

const refused = (reason: UploadRefusal) =>
  ({ ok: false, status: UPLOAD_STATUS[reason], reason, message: UPLOAD_MESSAGES[reason] }) as const;

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

/** Decodes, encodes and writes the variants a stored image lacks, then its row and `attach`, in one transaction. */
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
  const temps = new Set<string>();
  const written: string[] = [];
  hold(image.hash);
  try {
    await mkdir(dir, { recursive: true });
    const total = await writeVariants(database, image, dir, temps, written);
    if (total === null) return refused('undecodable');
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
    letGo(image.hash);
  }
}

/**
 * Writes the variants of an image unless a stored row already has them all on disk; the bytes they take
 * (the stored row's when nothing was written), or null when they could not be encoded. Files put in
 * place are listed in `written`, temporary ones in `temps`, for the clean-up after a failure.
 */
async function writeVariants(
  database: Pick<Database, 'db'>,
  image: Normalised,
  dir: string,
  temps: Set<string>,
  written: string[],
): Promise<number | null> {
  const variants = variantsOf(image.hash, image.width);
  const known = await findImageByHash(database.db, image.hash);
  const complete = known && (await Promise.all(variants.map((v) => exists(join(dir, v.fileName))))).every(Boolean);
  if (complete) return known.bytes;
  const encoded = await encodeVariants(image, variants);
  if (!encoded) return null;
  for (const e of encoded) {
    await writeAtomically(dir, e.fileName, e.data, temps);
    written.push(e.fileName);
  }
  await syncDir(dir);
  return encoded.reduce((sum, e) => sum + e.data.byteLength, 0);
}
