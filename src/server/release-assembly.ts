/**
 * Releases share what did not change (#19.4, decision 032). After the build, a new release's client folder is
 * completed and deduplicated against the served release's:
 *  - the record pages the plan reuses are hard links to the served release's files;
 *  - every file the build wrote that is byte-for-byte the served release's file of the same path becomes a
 *    hard link to it as well;
 *  - a shared file's precompressed siblings (`.br`, `.gz`), when the served release has them, are linked too.
 * A hard link is the file itself, not a pointer: deleting any release leaves the others complete, and rollback
 * stays a link switch. What is left — the files new in this release — is handed to the new-file steps
 * (precompression, #19.5), so work on files follows the change as well.
 */
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RECORD_KINDS, recordPageFiles, type RecordKind } from '#domain/render-plan.ts';

/** Siblings a later step may write beside a file (precompressed copies): shared with the file. */
export const SIBLING_SUFFIXES = ['.br', '.gz'] as const;

const PARALLEL = 16;

async function eachLimited<T>(list: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) await work(list[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, list.length) }, worker));
}

/** Every file under `dir`, relative and `/`-separated, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string, prefix: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(d, entry.name), `${prefix}${entry.name}/`);
      else found.push(`${prefix}${entry.name}`);
    }
  };
  if (existsSync(dir)) await walk(dir, '');
  return found.sort();
}

/** Makes `to` the same file as `from` (a hard link), replacing what is there atomically; a copy across file systems. */
async function linkOver(from: string, to: string): Promise<void> {
  // Already the same file: rename() between two links of one inode does nothing and would leave the temporary.
  const [a, b] = await Promise.all([stat(from), stat(to).catch(() => null)]);
  if (b && a.ino === b.ino && a.dev === b.dev) return;
  const temporary = `${to}.link-${process.pid}`;
  try {
    await link(from, temporary);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, temporary);
  }
  await rename(temporary, to);
}

async function linkSiblings(previous: string, client: string, file: string): Promise<void> {
  for (const suffix of SIBLING_SUFFIXES) {
    const sibling = `${file}${suffix}`;
    if (existsSync(join(previous, sibling)) && !existsSync(join(client, sibling)))
      await linkOver(join(previous, sibling), join(client, sibling));
  }
}

/**
 * Links the reused record pages (both languages) from the served release's client folder into the new one.
 * A page the served release lacks means its record cannot vouch for it: that throws, and the publish fails.
 */
export async function reuseRecordPages(previous: string, client: string, reused: Record<RecordKind, string[]>): Promise<string[]> {
  const files = RECORD_KINDS.flatMap((kind) => reused[kind].flatMap((key) => recordPageFiles(kind, key)));
  await eachLimited(files, async (file) => {
    const from = join(previous, file);
    if (!existsSync(from)) throw new Error(`the served release lacks ${file}, which its dependency record lists`);
    await mkdir(dirname(join(client, file)), { recursive: true });
    await linkOver(from, join(client, file));
    await linkSiblings(previous, client, file);
  });
  return files;
}

async function sameBytes(a: string, b: string, size: number): Promise<boolean> {
  const [fa, fb] = await Promise.all([open(a), open(b)]);
  try {
    const chunk = 1 << 16;
    const ba = Buffer.alloc(Math.min(chunk, size));
    const bb = Buffer.alloc(Math.min(chunk, size));
    for (let at = 0; at < size; at += chunk) {
      const n = Math.min(chunk, size - at);
      await Promise.all([fa.read(ba, 0, n, at), fb.read(bb, 0, n, at)]);
      if (!ba.subarray(0, n).equals(bb.subarray(0, n))) return false;
    }
    return true;
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}

/**
 * Replaces each file of `client` (but those in `skip`, already linked) that is byte-identical to the same path in
 * `previous` by a hard link to it. Returns the files shared and the files new in this release.
 */
export async function shareUnchanged(
  previous: string | null,
  client: string,
  skip: ReadonlySet<string> = new Set(),
): Promise<{ shared: number; newFiles: string[] }> {
  // A file's precompressed forms travel with it (linkSiblings): they are never compared on their own.
  const files = (await listFiles(client)).filter((f) => !skip.has(f) && !SIBLING_SUFFIXES.some((suffix) => f.endsWith(suffix)));
  if (previous === null || !existsSync(previous)) return { shared: 0, newFiles: files };
  const fresh: string[] = [];
  let shared = 0;
  await eachLimited(files, async (file) => {
    const before = await stat(join(previous, file)).catch(() => null);
    const now = await stat(join(client, file));
    if (before?.isFile() && before.size === now.size && (await sameBytes(join(previous, file), join(client, file), now.size))) {
      await linkOver(join(previous, file), join(client, file));
      await linkSiblings(previous, client, file);
      shared++;
    } else fresh.push(file);
  });
  return { shared, newFiles: fresh.sort() };
}
