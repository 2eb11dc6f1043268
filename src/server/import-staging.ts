/**
 * Lists uploaded in the admin wait here between the preview and the commit: the bytes and a small JSON
 * note (who uploaded, the file name, the column mapping chosen, and, once committed, the outcome), under
 * `<uploads>/imports/`, never in the web root. A staged list belongs to the person who uploaded it; it is
 * forgotten after a day.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isImportColumnKey, type ImportColumnKey } from '../domain/import/columns.ts';
import { uploadsDir } from './images.ts';

export interface StagedImport {
  token: string;
  userId: number;
  /** The file name as uploaded (shown, never used as a path). */
  name: string;
  size: number;
  uploadedAt: string;
  /** The mapping chosen for this file, when its headers are not the documented ones. */
  columns?: (ImportColumnKey | null)[];
  /** Set once committed: what was written. */
  result?: StagedResult;
}

export interface StagedResult {
  at: string;
  mode: 'all' | 'valid';
  rows: number;
  created: { establishments: number; products: number; certifications: number };
  updatedCertifications: number;
  unchanged: number;
  rejected: number;
  backup: string | null;
  /** The products the import created or reached, for links on the outcome page (at most 200). */
  products: { id: number; name: string }[];
}

export const STAGED_TTL_MS = 24 * 60 * 60 * 1000;
const TOKEN = /^[0-9a-f]{32}$/;

export const isStagingToken = (token: string | undefined): token is string => !!token && TOKEN.test(token);

const dir = () => join(uploadsDir(), 'imports');
const bytesPath = (token: string) => join(dir(), `${token}.bin`);
const notePath = (token: string) => join(dir(), `${token}.json`);

/** Atomic write: a crash leaves the old file or the new one, never half of one. */
async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, data, { mode: 0o600 });
  await rename(temporary, path);
}

/** Keeps an uploaded list for its preview; old ones are swept first. */
export async function stageImport(bytes: Uint8Array, meta: { userId: number; name: string }): Promise<StagedImport> {
  await mkdir(dir(), { recursive: true, mode: 0o700 });
  await sweepStaged();
  const staged: StagedImport = {
    token: randomBytes(16).toString('hex'),
    userId: meta.userId,
    name: meta.name.slice(0, 200),
    size: bytes.length,
    uploadedAt: new Date().toISOString(),
  };
  await writeAtomic(bytesPath(staged.token), bytes);
  await writeAtomic(notePath(staged.token), JSON.stringify(staged));
  return staged;
}

/** The staged list of this token, if it exists, belongs to the user and has not expired. */
export async function loadStaged(token: string, userId: number): Promise<StagedImport | null> {
  if (!isStagingToken(token)) return null;
  let staged: StagedImport;
  try {
    staged = JSON.parse(await readFile(notePath(token), 'utf8')) as StagedImport;
  } catch {
    return null;
  }
  if (staged.token !== token || staged.userId !== userId) return null;
  if (Date.now() - Date.parse(staged.uploadedAt) > STAGED_TTL_MS) return null;
  if (staged.columns && !staged.columns.every((c) => c === null || isImportColumnKey(c))) delete staged.columns;
  return staged;
}

/** The uploaded bytes (gone once the list is committed). */
export async function stagedBytes(staged: StagedImport): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(bytesPath(staged.token)));
  } catch {
    return null;
  }
}

export async function saveStaged(staged: StagedImport): Promise<void> {
  await writeAtomic(notePath(staged.token), JSON.stringify(staged));
}

/** After a commit the bytes are dropped; the note stays (with the outcome) until it expires. */
export async function dropStagedBytes(staged: StagedImport): Promise<void> {
  await rm(bytesPath(staged.token), { force: true });
}

/** Removes staged lists older than a day (and temporary files a crash left). */
export async function sweepStaged(now = Date.now()): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir());
  } catch {
    return;
  }
  await Promise.all(
    names.map(async (name) => {
      const path = join(dir(), name);
      try {
        if (now - (await stat(path)).mtimeMs > STAGED_TTL_MS) await rm(path, { force: true });
      } catch {
        // Gone meanwhile.
      }
    }),
  );
}
