/**
 * Publishing against the faults a machine really has (R29, R30, R32): a publish process killed with
 * SIGKILL at any moment, and a disk that fills up under it. Each time the live site is byte-identical to
 * before (or, when the kill came after the switch, wholly the new release), the database is sound, and
 * the next publish runs and clears what the dead one left.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importCsv } from '#server/importer.ts';
import { publish, type PublishOptions } from '#server/publish.ts';
import { currentReleaseId, readRelease } from '#server/releases.ts';
import { fakeBuild } from '../support/fake-build.ts';
import { ROOT, TMP } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { tempDirs } from '../support/temp-dirs.ts';

const dirs = tempDirs('releases-faults-');

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await importCsv(database, readFileSync(join(ROOT, 'db/seed/certified-products.csv')), { actor: { label: 'seed' } });
  if (!outcome.ok) throw new Error('seed did not import');
});
afterAll(async () => database.dispose());
beforeEach(() => {
  dir = dirs.make();
});

const options = (over: Partial<PublishOptions> = {}): PublishOptions => ({
  releasesDir: dir,
  actor: { label: 'test', name: 'test' },
  build: fakeBuild(),
  ...over,
});

/** Every file of the release `current` names, with its hash. */
function tree(release: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(join(dir, release), '');
  return files;
}
const liveTree = () => tree('current');
const leftovers = () => readdirSync(dir).filter((n) => n.startsWith('.'));
const integrity = async () => (await database.client.execute('PRAGMA integrity_check')).rows[0]![0];

/** Starts tests/support/publish-child.ts; resolves with its lines so far at each call of `lines()`. */
function publishInChild(pauseMs = 5) {
  const child = spawn(process.execPath, [join(ROOT, 'tests/support/publish-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url, RELEASES_DIR: dir, PAUSE_MS: String(pauseMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    lines: () => out.split('\n').filter(Boolean),
    stderr: () => err,
    async until(line: string, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!out.split('\n').includes(line)) {
        if (Date.now() > deadline) throw new Error(`child never printed "${line}": ${out} ${err}`);
        if (child.exitCode !== null) throw new Error(`child exited before "${line}": ${out} ${err}`);
        await sleep(10);
      }
    },
  };
}

describe('a publish killed with SIGKILL (R29, R32)', () => {
  it('halfway through the build leaves the live site byte-identical; the next publish takes over', async () => {
    expect((await publish(database, options())).ok).toBe(true);
    const id = currentReleaseId(dir);
    const before = liveTree();
    const run = publishInChild(20);
    await run.until('start build');
    await sleep(300);
    run.child.kill('SIGKILL');
    await run.exited;
    // It died mid-build: its staging folder and its lock are still there, the live site is untouched.
    expect(leftovers().some((n) => n.startsWith('.staging-'))).toBe(true);
    expect(leftovers()).toContain('.publish.lock');
    expect(currentReleaseId(dir)).toBe(id);
    expect(liveTree()).toEqual(before);
    expect(await integrity()).toBe('ok');
    // The dead process's lock is taken over and its leftovers swept.
    const next = await publish(database, options());
    expect(next.ok).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  // Twenty-one publishes and ten kills, each planning and sharing a release (decision 032) on sqld too: room on a busy machine.
  it('at ten random moments: the site is always the old release or the whole new one', { timeout: 420_000 }, async () => {
    expect((await publish(database, options())).ok).toBe(true);
    // How long an uninterrupted publish takes in a child, so the kills spread over all of it.
    const timed = publishInChild();
    const started = Date.now();
    await timed.exited;
    expect(timed.lines().at(-1), timed.stderr()).toBe('published');
    const span = Date.now() - started;
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const id = currentReleaseId(dir)!;
      const before = liveTree();
      const run = publishInChild();
      await sleep(Math.floor(((i + Math.random()) / 10) * span));
      run.child.kill('SIGKILL');
      await run.exited;
      seen.add(
        run
          .lines()
          .filter((l) => l.startsWith('start '))
          .at(-1) ?? 'before backup',
      );
      const now = currentReleaseId(dir)!;
      if (now === id) expect(liveTree()).toEqual(before);
      else {
        // Killed after the switch: the new release is complete and recorded.
        expect(readRelease(dir, now)).not.toBeNull();
        expect(Object.keys(liveTree()).length).toBeGreaterThanOrEqual(Object.keys(before).length - 1);
      }
      expect(await integrity()).toBe('ok');
      expect((await publish(database, options())).ok).toBe(true);
      expect(leftovers()).toEqual([]);
    }
    // The kills landed in more than one step (what they hit is printed if this ever fails).
    expect(seen.size, [...seen].join(', ')).toBeGreaterThan(1);
  });
});

/** Mounts a tmpfs of `size` at `path` (root only; false when this machine does not allow it). */
function mountTmpfs(path: string, size: string): boolean {
  mkdirSync(path, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]).status === 0;
}

const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(TMP, 'mount-probe-'));
  const ok = mountTmpfs(probe, '64k');
  if (ok) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
})();

describe('a full disk (R30, R32)', () => {
  // For every developer: the publishing process may write no file larger than the database (`ulimit -f`), so
  // its backup meets EFBIG on the real VACUUM INTO path, as it would meet ENOSPC on a full disk.
  it.skipIf(process.env['TEST_DATABASE'] === 'sqld')(
    'at the backup, in a process that may not write a file that large, leaves the live site byte-identical and nothing behind',
    { timeout: 300_000 },
    async () => {
      expect((await publish(database, options())).ok).toBe(true);
      const before = liveTree();
      const id = currentReleaseId(dir);
      const limitKb = Math.max(1, Math.floor(statSync(database.url.slice('file:'.length)).size / 1024 / 2));
      const run = spawnSync(
        'bash',
        ['-c', `ulimit -f ${limitKb} && exec "$0" "$@"`, process.execPath, join(ROOT, 'tests/support/publish-child.ts')],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: database.url, RELEASES_DIR: dir, PAUSE_MS: '0' },
          encoding: 'utf8',
        },
      );
      expect(run.stdout.trim().split('\n'), run.stderr).toEqual(['start backup', 'failed']);
      expect(currentReleaseId(dir)).toBe(id);
      expect(liveTree()).toEqual(before);
      expect(leftovers()).toEqual([]);
      expect(await integrity()).toBe('ok');
      expect((await publish(database, options())).ok).toBe(true);
    },
  );

  // A real filesystem that fills up: a small tmpfs holds the releases (needs root, as CI has).
  it.runIf(canMount)('at the backup and during the build leaves the live site byte-identical and nothing behind', async () => {
    dir = join(TMP, `releases-full-${process.pid}`);
    expect(mountTmpfs(dir, '16m')).toBe(true);
    try {
      const first = await publish(database, options());
      expect(first.ok).toBe(true);
      const before = liveTree();
      const backupBytes = existsSync(join(dir, 'current', 'backup.db')) ? statSync(join(dir, 'current', 'backup.db')).size : 0;
      // Leave too little room for a backup, then room for a backup (and its temporary copy) but not the pages.
      for (const room of [64 * 1024, ...(backupBytes ? [backupBytes * 2 + 256 * 1024] : [])]) {
        const { bavail, bsize } = statfsSync(dir);
        const fill = bavail * bsize - room;
        writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, fill)));
        const result = await publish(database, options());
        expect(result.ok).toBe(false);
        expect(!result.ok && result.reason === 'failed' && result.message).toMatch(/ENOSPC|no space|SQLITE_FULL|full/i);
        expect(liveTree()).toEqual(before);
        expect(leftovers()).toEqual([]);
        rmSync(join(dir, 'filler'));
      }
      expect(await integrity()).toBe('ok');
      // With room again, publishing works.
      expect((await publish(database, options())).ok).toBe(true);
    } finally {
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

afterAll(() => {
  dirs.removeAll();
});
