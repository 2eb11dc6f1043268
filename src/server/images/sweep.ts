/** R17: the sweep of what a crash or a removed photo leaves in the uploads folder and the database. */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTransaction, type Database } from '#db/client.ts';
import { deleteUnusedImages, listImageHashes } from '#db/queries/product-images.ts';
import { parseVariantFileName } from '#domain/images.ts';
import { inFlight, TEMP_PREFIX, uploadsDir } from './storage.ts';

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
