/**
 * Releases outside the project (#17.4, decision 021). A release's server code (the build's prerender chunks, and
 * the admin's handler at run time) imports packages by bare name, which Node resolves by walking up from the
 * importing file to a `node_modules` folder. Under the project that walk reaches the project's own; a releases
 * folder elsewhere (REGISTRY_RELEASES_DIR=/srv/registry/releases) reaches none, and the build died with
 * "Cannot find package '@oslojs/encoding'". So such a folder gets a `node_modules` link to the project's: the
 * releases then resolve their packages exactly as they do inside the project.
 */
import { lstatSync, mkdirSync, readlinkSync, realpathSync, renameSync, symlinkSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ROOT } from './build.ts';

/** True when `dir` lies inside `root` (both resolved through symlinks), e.g. "/p/releases" inside "/p". */
export function isInside(dir: string, root: string): boolean {
  const rel = relative(realpathSync(root), realpathSync(dir));
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Makes the packages of `root` resolvable from the releases folder `dir`: nothing when `dir` is inside `root`;
 * else a `node_modules` symlink to root's, made or repaired (the project moved). A real folder of that name is
 * left alone (someone installed packages there on purpose). Returns what it did.
 */
export function linkModules(dir: string, root: string = ROOT): 'inside' | 'linked' | 'kept' {
  mkdirSync(dir, { recursive: true });
  if (isInside(dir, root)) return 'inside';
  const link = join(dir, 'node_modules');
  const target = join(realpathSync(root), 'node_modules');
  const existing = lstatSync(link, { throwIfNoEntry: false });
  if (existing && !existing.isSymbolicLink()) return 'kept';
  if (existing && readlinkSync(link) === target) return 'linked';
  // A new link under a temporary name, renamed over the old one: a running server never sees none.
  const temporary = `${link}.${process.pid}`;
  symlinkSync(target, temporary, 'dir');
  renameSync(temporary, link);
  return 'linked';
}
