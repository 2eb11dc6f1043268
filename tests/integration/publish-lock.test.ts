/**
 * The publish lock proves its owner (#17.3): a lock left by a process that is gone, or whose pid now belongs to
 * another process (a restarted server in a container gets the same pid), is taken over and the take-over
 * logged; a lock its live owner holds still refuses (the admin answers 409).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPublish } from '#server/publish-runner.ts';
import { acquirePublishLock, lockHolder, processIdentity, staleReason, type LockHolder, type StaleReason } from '#server/publish-lock.ts';
import { ROOT } from '../support/paths.ts';
import { tempDirs } from '../support/temp-dirs.ts';

const dirs = tempDirs('publish-lock-');

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = dirs.make();
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => {
  dirs.removeAll();
});

const lockFile = () => join(dir, '.publish.lock');
const writeLock = (holder: LockHolder) => writeFileSync(lockFile(), JSON.stringify(holder));
const since = '2026-01-01T00:00:00.000Z';

/** Acquires with the take-overs recorded instead of logged. */
function acquire(who = 'me') {
  const takeovers: { stale: LockHolder | null; reason: StaleReason }[] = [];
  const taken = acquirePublishLock(dir, who, { onTakeover: (stale, reason) => takeovers.push({ stale, reason }) });
  return { taken, takeovers };
}

/** A process of its own that takes the lock and holds it until killed. */
async function holdInChild(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { acquirePublishLock } = await import(${JSON.stringify(join(ROOT, 'src/server/publish-lock.ts'))});
       const taken = acquirePublishLock(process.argv[1], 'admin elsewhere');
       console.log(taken.ok ? 'held' : 'busy');
       setInterval(() => {}, 1000);`,
      dir,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('held') ? resolve() : reject(new Error(chunk.toString()))));
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}

describe('processIdentity', () => {
  it('names this process the same way each time, and another process differently', async () => {
    const mine = processIdentity(process.pid);
    expect(mine).toMatch(/^[0-9a-f-]{36}:\d+$/);
    expect(processIdentity(process.pid)).toBe(mine);
    const child = await holdInChild();
    expect(processIdentity(child.pid!)).not.toBe(mine);
  });

  it('is null for a pid no process has', () => {
    expect(processIdentity(2 ** 22 + 7)).toBeNull();
  });
});

describe('staleReason', () => {
  it('says a lock naming a live pid with another start time was left by another process', () => {
    expect(staleReason({ who: 'crashed', since, pid: process.pid, identity: `${processIdentity(process.pid)!}0` })).toBe(
      'pid reused by another process',
    );
  });

  it('says a lock naming a pid no process has is gone', () => {
    expect(staleReason({ who: 'killed', since, pid: 2 ** 22 + 7 })).toBe('process gone');
  });

  it('keeps a lock whose owner is alive and the same process', () => {
    expect(staleReason({ who: 'me', since, pid: process.pid, identity: processIdentity(process.pid)! })).toBeNull();
  });
});

describe('acquirePublishLock', () => {
  it('takes over a lock naming this live pid with a wrong start time (a crashed server whose pid was reused), and logs it', () => {
    const identity = processIdentity(process.pid)!;
    const [boot, start] = identity.split(':');
    writeLock({ who: 'crashed server', since, pid: process.pid, identity: `${boot}:${Number(start) - 1}` });
    const { taken, takeovers } = acquire();
    expect(taken.ok).toBe(true);
    expect(takeovers).toEqual([
      { stale: expect.objectContaining({ who: 'crashed server' }) as unknown, reason: 'pid reused by another process' },
    ]);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ who: 'me', pid: process.pid, identity });
    if (taken.ok) taken.lock.release();
  });

  it('takes over a lock written before identities were kept that names this very pid', () => {
    writeLock({ who: 'old server', since, pid: process.pid });
    const { taken, takeovers } = acquire();
    expect(taken.ok).toBe(true);
    expect(takeovers.map((t) => t.reason)).toEqual(['pid reused by another process']);
    if (taken.ok) taken.lock.release();
  });

  it('takes over a lock of a dead process and an unreadable lock left long ago', () => {
    writeLock({ who: 'killed', since, pid: 2 ** 22 + 7, identity: 'x:1' });
    const first = acquire();
    expect(first.taken.ok).toBe(true);
    expect(first.takeovers.map((t) => t.reason)).toEqual(['process gone']);
    if (first.taken.ok) first.taken.lock.release();
    writeFileSync(lockFile(), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(), old, old);
    const second = acquire();
    expect(second.taken.ok).toBe(true);
    expect(second.takeovers.map((t) => t.reason)).toEqual(['unreadable lock file']);
    if (second.taken.ok) second.taken.lock.release();
  });

  it('refuses while another live process holds the lock, and names it', async () => {
    const child = await holdInChild();
    const { taken, takeovers } = acquire();
    expect(taken).toEqual({ ok: false, holder: expect.objectContaining({ who: 'admin elsewhere', pid: child.pid }) as unknown });
    expect(takeovers).toEqual([]);
    expect(lockHolder(dir)).toMatchObject({ who: 'admin elsewhere', pid: child.pid });
    // Once that process is gone, its lock is taken over.
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(lockHolder(dir)).toBeNull();
    const after = acquire();
    expect(after.taken.ok).toBe(true);
    expect(after.takeovers.map((t) => t.reason)).toEqual(['process gone']);
    if (after.taken.ok) after.taken.lock.release();
  });

  it('refuses a second lock in the process that holds the first, and a release frees it', () => {
    const first = acquire('admin A');
    expect(first.taken.ok).toBe(true);
    const second = acquire('admin B');
    expect(second.taken).toMatchObject({ ok: false, holder: { who: 'admin A', pid: process.pid } });
    if (first.taken.ok) first.taken.lock.release();
    const third = acquire('admin B');
    expect(third.taken.ok).toBe(true);
    if (third.taken.ok) third.taken.lock.release();
  });
});

describe("the admin's Publish button", () => {
  it('is refused (409 in the admin) while another process genuinely holds the lock', async () => {
    await holdInChild();
    const started = startPublish({} as never, { releasesDir: dir, actor: { label: 'test', name: 'admin' } });
    expect(started).toMatchObject({ ok: false, holder: { who: 'admin elsewhere' } });
  });
});
