/**
 * The publish lock (R32, #17.3, decision 021): one publish or rollback at a time across processes (the CLI, the
 * admin's button, `npm start`'s background publish). A lock file in the releases folder names its owner by
 * pid *and* by the process's identity — the kernel's boot id and the process's start time from /proc — so a
 * lock left by a crashed server is not mistaken for one held by the restarted server that got the same pid
 * (as happens in containers). A lock whose owner is gone is taken over, and the take-over is logged.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = '.publish.lock';
/** A lock file still empty this long after it was made belongs to a process that died between creating and writing it. */
const EMPTY_GRACE_MS = 10_000;

export interface PublishLock {
  release(): void;
}
export interface LockHolder {
  who: string;
  since: string;
  pid: number;
  /** "<boot id>:<start time in clock ticks>" of the owning process; absent where /proc is not (and in old locks). */
  identity?: string;
}

/** Why a lock found on disk is not held any more. */
export type StaleReason = 'process gone' | 'pid reused by another process' | 'unreadable lock file';

export interface LockOptions {
  /** Told when a stale lock is taken over (default: one JSON line on stderr). */
  onTakeover?: (stale: LockHolder | null, reason: StaleReason) => void;
  /** The identity of a process (tests inject one); default: read from /proc. */
  identityOf?: (pid: number) => string | null;
}

/**
 * The identity of a running process on Linux: the boot id and the process's start time (field 22 of
 * /proc/PID/stat, after the command name, which may hold spaces and parentheses). Null without /proc.
 */
export function processIdentity(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const start = fields[19];
    return start ? `${boot}:${start}` : null;
  } catch {
    return null;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Whether the process a lock names still owns it: alive, and (where the lock and the machine say who it is)
 * the same process that wrote it, not a later one given the same pid. Null when it does; the reason when not.
 */
export function staleReason(holder: LockHolder, identityOf: (pid: number) => string | null = processIdentity): StaleReason | null {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || !alive(holder.pid)) return 'process gone';
  const now = identityOf(holder.pid);
  if (holder.identity !== undefined && now !== null) return holder.identity === now ? null : 'pid reused by another process';
  // A lock from before identities were recorded, naming this very process: this process does not hold it (its own
  // locks carry an identity), so it was left by a process that had the same pid.
  if (holder.identity === undefined && holder.pid === process.pid && now !== null) return 'pid reused by another process';
  return null;
}

const logTakeover = (stale: LockHolder | null, reason: StaleReason) =>
  console.warn(JSON.stringify({ at: new Date().toISOString(), event: 'publish.lock_taken_over', reason, stale }));

type Found = { text: string; holder: LockHolder | null; ageMs: number } | null;

function readLock(file: string): Found {
  try {
    const text = readFileSync(file, 'utf8');
    const ageMs = Date.now() - statSync(file).mtimeMs;
    let holder: LockHolder | null = null;
    try {
      const parsed = JSON.parse(text) as LockHolder;
      if (typeof parsed.pid === 'number' && typeof parsed.who === 'string') holder = parsed;
    } catch {
      holder = null;
    }
    return { text, holder, ageMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Moves a stale lock aside and removes it, unless another process replaced it in between (then it is put back):
 * two processes that both find the same stale lock cannot remove each other's fresh one.
 */
function removeStale(file: string, seen: string): void {
  const aside = `${file}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== seen) linkSync(aside, file);
  } catch {
    // Another lock appeared meanwhile (EEXIST): it wins.
  } finally {
    rmSync(aside, { force: true });
  }
}

/** Whether a lock found on disk is stale, and why; an empty file is held for a moment (its writer may be mid-write). */
function judge(found: NonNullable<Found>, identityOf: (pid: number) => string | null): StaleReason | null {
  if (found.holder) return staleReason(found.holder, identityOf);
  return found.ageMs > EMPTY_GRACE_MS ? 'unreadable lock file' : null;
}

const unknownHolder = (): LockHolder => ({ who: 'unknown', since: new Date().toISOString(), pid: 0 });

/** Takes the publish lock, or says who holds it. A stale lock (see staleReason) is taken over and logged. */
export function acquirePublishLock(
  dir: string,
  who: string,
  options: LockOptions = {},
): { ok: true; lock: PublishLock } | { ok: false; holder: LockHolder } {
  const identityOf = options.identityOf ?? processIdentity;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const identity = identityOf(process.pid);
  const holder: LockHolder = { who, since: new Date().toISOString(), pid: process.pid, ...(identity ? { identity } : {}) };
  const text = JSON.stringify(holder);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, text, { flag: 'wx' });
      let released = false;
      return {
        ok: true,
        lock: {
          release() {
            if (released) return;
            released = true;
            // Only our own lock: never one that another process took over meanwhile.
            if (readLock(file)?.text === text) rmSync(file, { force: true });
          },
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const found = readLock(file);
      if (!found) continue;
      const reason = judge(found, identityOf);
      if (reason === null) return { ok: false, holder: found.holder ?? unknownHolder() };
      removeStale(file, found.text);
      (options.onTakeover ?? logTakeover)(found.holder, reason);
    }
  }
  return { ok: false, holder: readLock(file)?.holder ?? unknownHolder() };
}

/** Who holds the publish lock now (its process alive and the same one), or null. */
export function lockHolder(dir: string, identityOf: (pid: number) => string | null = processIdentity): LockHolder | null {
  const found = readLock(join(dir, LOCK_FILE));
  if (!found) return null;
  return judge(found, identityOf) === null ? (found.holder ?? unknownHolder()) : null;
}
