import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, max, ne, notInArray } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { auditLog } from '#db/schema/index.ts';

/** The project folder. Code bundled into a release finds it in REGISTRY_ROOT (set by `npm start`). */
export const ROOT = process.env['REGISTRY_ROOT'] || fileURLToPath(new URL('../../', import.meta.url));
const STAMP_FILE = '.build-stamp';
const INPUTS = ['src', 'public', 'config', 'astro.config.mjs', 'package-lock.json'];

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

function hashSources(hash: ReturnType<typeof createHash>): void {
  for (const input of INPUTS) {
    for (const file of files(join(ROOT, input))) hash.update(relative(ROOT, file)).update(readFileSync(file));
  }
}

/** What the code of a build is: its sources, configuration and lockfile, without the data (decision 032). */
export function sourceStamp(): string {
  const hash = createHash('sha256');
  hashSources(hash);
  return hash.digest('hex');
}

/** Audit rows that change nothing a release shows: sign-ins, and publishes themselves (#17.10). */
const NOT_DATA = ['login', 'publish'] as const;

/**
 * What a build depends on: the source files and the data (every change writes an audit row, so
 * the newest audit id of a change stands for the data). Equal stamps mean the built site is current. A
 * publish's own audit row, written after its stamp, and sign-ins do not count: else every restart of
 * `npm start` would publish again with nothing changed.
 */
export async function buildStamp(database: Database): Promise<string> {
  const hash = createHash('sha256');
  hashSources(hash);
  const [row] = await database.db
    .select({ last: max(auditLog.id) })
    .from(auditLog)
    .where(and(notInArray(auditLog.action, [...NOT_DATA]), ne(auditLog.entity, 'sessions')));
  hash.update(`audit:${row?.last ?? 0}|db:${database.url}`);
  return hash.digest('hex');
}

export interface BuildHooks {
  /** Each line the build prints (stdout and stderr); without it the build prints to this process's output. */
  onLine?: (line: string) => void;
  /** The build process's id, once started (the benchmarks read its memory). */
  onSpawn?: (pid: number) => void;
}

/** Runs `astro build` into outDir with the given environment; resolves when done, rejects on failure. */
export async function buildSite(outDir: string, env: NodeJS.ProcessEnv, stamp: string, hooks: BuildHooks = {}): Promise<void> {
  const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const { onLine } = hooks;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: ROOT,
      env: { ...env, REGISTRY_OUT_DIR: outDir },
      stdio: onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (child.pid !== undefined) hooks.onSpawn?.(child.pid);
    if (onLine)
      for (const stream of [child.stdout, child.stderr]) {
        let rest = '';
        stream?.setEncoding('utf8');
        stream?.on('data', (chunk: string) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) onLine(line);
        });
        stream?.on('end', () => rest && onLine(rest));
      }
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited with ${code}`))));
  });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(outDir, STAMP_FILE), stamp);
}
