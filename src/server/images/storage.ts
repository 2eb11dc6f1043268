/**
 * Where photo variants live and how they get there (R17): files named by content hash in a folder
 * outside the web root, each written under a temporary name, synced and renamed, before the row that
 * names it; the hashes a job of this process is storing, which the sweep and the clean-up leave alone.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database } from '#db/client.ts';
import { findImageByHash } from '#db/queries/product-images.ts';
import { processWide } from '#db/process-wide.ts';

/**
 * Where variants are stored: UPLOADS_DIR, or `uploads/` (git-ignored, outside the web root), resolved
 * from the working directory like DATABASE_URL's default (npm scripts and builds run from the repository
 * root). Read on every call so tests and tools can point it elsewhere.
 */
export function uploadsDir(): string {
  return resolve(process.env['UPLOADS_DIR'] || 'uploads');
}

/** Temporary files start with this; nothing else in the folder does (variant names start with a hash). */
export const TEMP_PREFIX = '.tmp-';

/** Hashes being stored by a job of this process: the sweep and the clean-up leave their files alone. */
export const inFlight = processWide('imagesInFlight', () => new Map<string, number>());
/** Marks a hash as being stored by one more job. */
export const hold = (hash: string) => inFlight.set(hash, (inFlight.get(hash) ?? 0) + 1);
/** Marks a hash as being stored by one job fewer. */
export const letGo = (hash: string) => {
  const n = (inFlight.get(hash) ?? 1) - 1;
  if (n > 0) inFlight.set(hash, n);
  else inFlight.delete(hash);
};

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

/** Whether a path exists. */
export const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** After a failure: the files this job put in place go, unless a row (or another job) still needs them. */
export async function removeUnlessReferenced(database: Pick<Database, 'db'>, hash: string, dir: string, files: string[]): Promise<void> {
  if ((inFlight.get(hash) ?? 0) > 1) return;
  // If the database cannot answer, keep the files: the sweep decides later, with the row in view.
  const row = await findImageByHash(database.db, hash).catch(() => 'unknown' as const);
  if (row) return;
  await Promise.all(files.map((f) => rm(join(dir, f), { force: true })));
}
