/**
 * The releases folder (R32): one folder per published build, `current` a symlink to the one served,
 * switched by renaming a new link over it (atomic on POSIX), the newest five kept. A lock file makes
 * publishing one at a time across processes (the CLI and the admin's button): see publish-lock.ts.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ROOT } from './build.ts';

export const KEEP_RELEASES = 5;
export const CURRENT = 'current';
/** A release's own record, written last: a folder without it is not a release. */
export const RELEASE_FILE = 'release.json';
const ID = /^\d{8}T\d{9}Z-[0-9a-f]{4}$/;

/** Where releases live: REGISTRY_RELEASES_DIR, else REGISTRY_OUT_DIR (older setups), else ./releases. */
export function releasesDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(ROOT, env['REGISTRY_RELEASES_DIR'] || env['REGISTRY_OUT_DIR'] || 'releases');
}

/** A new release id that sorts by time, to the millisecond: 20261203T104512345Z-ab12. */
export function newReleaseId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(2).toString('hex')}`;
}

export const isReleaseId = (id: string) => ID.test(id);

/** The id the `current` link points at, or null when there is none yet. */
export function currentReleaseId(dir: string): string | null {
  try {
    const target = readlinkSync(join(dir, CURRENT));
    return isReleaseId(target) ? target : null;
  } catch {
    return null;
  }
}

export interface ReleaseRecord {
  id: string;
  /** The build stamp (sources and data) it was built from. */
  stamp: string;
  publishedAt: string;
  actor: string;
  durationMs: number;
  pages: number;
  bytes: number;
  /** The newest audit row it includes: the next release's changes start after it. */
  lastAuditId: number;
  changes: {
    total: number;
    byEntity: Record<string, number>;
    list: { at: string; action: string; entity: string; entityId: number | null; by: string }[];
  };
  backup: string | null;
}

export function readRelease(dir: string, id: string): ReleaseRecord | null {
  try {
    return JSON.parse(readFileSync(join(dir, id, RELEASE_FILE), 'utf8')) as ReleaseRecord;
  } catch {
    return null;
  }
}

/** Complete releases, newest first. */
export function listReleases(dir: string): ReleaseRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(isReleaseId)
    .sort()
    .reverse()
    .flatMap((id) => readRelease(dir, id) ?? []);
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Points `current` at a release: a new link under a temporary name, renamed over the old one. */
export function switchCurrent(dir: string, id: string): void {
  if (!isReleaseId(id) || !readRelease(dir, id)) throw new Error(`no complete release ${id}`);
  const temporary = join(dir, `.current-${randomBytes(4).toString('hex')}`);
  symlinkSync(id, temporary);
  try {
    renameSync(temporary, join(dir, CURRENT));
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
  syncDir(dir);
}

/** Removes the oldest releases beyond `keep`, never the current one; returns the ids removed. */
export async function pruneReleases(dir: string, keep = KEEP_RELEASES): Promise<string[]> {
  const current = currentReleaseId(dir);
  const old = listReleases(dir)
    .map((r) => r.id)
    .filter((id) => id !== current)
    .slice(Math.max(0, keep - 1));
  // Asynchronously: a release of thousands of pages takes seconds to delete, and an admin's publish runs in
  // the process that serves the site.
  for (const id of old) await rm(join(dir, id), { recursive: true, force: true });
  return old;
}

/** Staging folders and temporary links left by a publish that was killed. */
export function sweepStaging(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const left = readdirSync(dir).filter((name) =>
    ['.staging-', '.current-', '.backup-', '.changes-', '.plan-'].some((prefix) => name.startsWith(prefix)),
  );
  for (const name of left) rmSync(join(dir, name), { recursive: true, force: true });
  return left;
}

export { acquirePublishLock, lockHolder, type LockHolder } from './publish-lock.ts';
