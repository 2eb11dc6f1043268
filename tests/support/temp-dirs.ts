import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TMP } from './paths.ts';

/**
 * Temporary folders of one test file under .tmp/, removed by that file alone: the two database projects run the
 * same file at once, so a clean-up by name prefix would remove the other run's folders from under it.
 */
export function tempDirs(prefix: string): { make(): string; removeAll(): void } {
  const made: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(join(TMP, prefix));
      made.push(dir);
      return dir;
    },
    removeAll() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
