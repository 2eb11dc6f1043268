/**
 * npm run publish — builds a new release from the database, checks it, and switches the site to it
 * (the admin's Publish button runs the same pipeline). Exit 0 when published; 1 when a step failed
 * (the live site is unchanged); 2 when another publish is running. `--verbose` shows Astro's own output;
 * otherwise its last lines are shown only when the build fails.
 */
import { openPreparedDatabase } from '#server/seed.ts';
import { publish } from '#server/publish.ts';
import { releasesDir } from '#server/releases.ts';

const { database } = await openPreparedDatabase();
const started = performance.now();
const dir = releasesDir();
const result = await publish(database, {
  releasesDir: dir,
  actor: { label: 'publish:cli', name: 'npm run publish' },
  onStep: (step, state, detail) => {
    if (state === 'done') console.log(`✓ ${step}${detail ? ` — ${detail}` : ''} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    else console.log(`… ${step}`);
  },
  ...(process.argv.includes('--verbose') ? { onBuildLine: (line: string) => console.log(`  | ${line}`) } : {}),
});
database.close();
if (result.ok) {
  console.log(
    `published release ${result.release.id} into ${dir}: ${result.release.pages} pages, ${result.release.changes.total} changes since the last release`,
  );
} else if (result.reason === 'busy') {
  console.error(`another publish is running (${result.holder.who}, since ${result.holder.since}); nothing was done`);
  process.exit(2);
} else {
  console.error(`publish failed at ${result.step}; the live site is unchanged\n${result.log.join('\n')}`);
  process.exit(1);
}
