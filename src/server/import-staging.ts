/**
 * Lists uploaded in the admin wait here between the preview and the commit: the bytes and a small JSON
 * note (who uploaded, the file name, the column mapping chosen, and, once committed, the outcome), under
 * `<uploads>/imports/`, never in the web root. A staged list belongs to the person who uploaded it; it is
 * forgotten after a day.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isImportColumnKey, type ImportColumnKey } from '#domain/import/columns.ts';
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
const claimPath = (token: string) => join(dir(), `${token}.claim`);

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

/**
 * Who may commit a staged list (#17.8): the process that created its claim file (link() refuses an
 * existing name, so one of any number of concurrent commits, in this process or another, wins). The file names its owner so a claim
 * left by a crash can be told from a live one: another process that is gone, or one of this process that
 * `isOwnClaimLive` does not know (a restarted server often gets the same pid), or one older than
 * CLAIM_STALE_MS, is taken over.
 */
interface Claim {
  owner: string;
  pid: number;
  host: string;
  at: string;
}

/** Longer than any commit takes (R19's 50,000 rows write in well under a minute). */
export const CLAIM_STALE_MS = 10 * 60 * 1000;
/** This process, as claims name it. */
const OWNER = randomBytes(8).toString('hex');

export type ClaimAttempt = 'claimed' | 'held';

/**
 * Tries to claim a staged list for its commit. 'held' means a live commit holds it; the caller waits for
 * that commit's outcome instead of running a second one. `isOwnClaimLive` says whether a claim of this
 * process is still being worked on (the caller's map of running commits).
 */
export async function claimStaged(
  token: string,
  isOwnClaimLive: () => boolean,
  log: (line: string) => void = console.warn,
): Promise<ClaimAttempt> {
  await mkdir(dir(), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 3; attempt++) {
    const claim: Claim = { owner: OWNER, pid: process.pid, host: hostname(), at: new Date().toISOString() };
    // Written whole under a temporary name, then linked: link() fails if the claim exists, and a reader
    // never sees a claim half written.
    const temporary = `${claimPath(token)}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, JSON.stringify(claim), { mode: 0o600 });
    try {
      await link(temporary, claimPath(token));
      return 'claimed';
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    } finally {
      await rm(temporary, { force: true });
    }
    const held = await readClaim(token);
    if (held === 'missing') continue;
    const stale = staleReason(held, isOwnClaimLive);
    if (!stale) return 'held';
    log(`import: taking over the commit claim of staged list ${token}: ${stale}`);
    await rm(claimPath(token), { force: true });
  }
  return 'held';
}

/** Lets a staged list be committed again (after a commit that wrote nothing, or once its outcome is saved). */
export async function releaseClaim(token: string): Promise<void> {
  await rm(claimPath(token), { force: true });
}

/** True while some commit, here or in another live process, holds the list. */
export async function isClaimHeld(token: string, isOwnClaimLive: () => boolean): Promise<boolean> {
  const held = await readClaim(token);
  return held !== 'missing' && !staleReason(held, isOwnClaimLive);
}

/** The note as it is on disk now (a commit elsewhere may have added its outcome). */
export async function reloadStaged(staged: StagedImport): Promise<StagedImport> {
  try {
    const note = JSON.parse(await readFile(notePath(staged.token), 'utf8')) as StagedImport;
    return note.token === staged.token && note.userId === staged.userId ? note : staged;
  } catch {
    return staged;
  }
}

async function readClaim(token: string): Promise<Claim | 'missing' | 'unreadable'> {
  try {
    const claim = JSON.parse(await readFile(claimPath(token), 'utf8')) as Partial<Claim>;
    return typeof claim.owner === 'string' && typeof claim.pid === 'number' && typeof claim.at === 'string'
      ? (claim as Claim)
      : 'unreadable';
  } catch (error) {
    // A claim appears whole (claimStaged links it into place): an unreadable one is damaged.
    return error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'missing' : 'unreadable';
  }
}

function staleReason(claim: Claim | 'unreadable', isOwnClaimLive: () => boolean): string | null {
  if (claim === 'unreadable') return 'the claim file cannot be read';
  if (Date.now() - Date.parse(claim.at) > CLAIM_STALE_MS) return `claimed at ${claim.at}, longer ago than any commit takes`;
  if (claim.owner === OWNER) return isOwnClaimLive() ? null : 'left by a commit of this process that ended';
  if (claim.host === hostname() && !isProcessAlive(claim.pid)) return `process ${claim.pid} that claimed it is gone`;
  return null;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
