/**
 * npm start — on a fresh machine: migrate, seed the real data when the database is empty, publish a
 * release when there is none or sources or data changed since the current one, and serve the current
 * release (and the admin) on http://HOST:PORT. The server follows `current`, so a later publish (the
 * admin's button or `npm run publish`) switches what it serves without a restart.
 */
import { openPreparedDatabase } from '../db/seed.ts';
import { ensureFirstAdmin } from '../server/accounts.ts';
import { sweepOrphans } from '../server/images.ts';
import { buildStamp } from '../server/build.ts';
import { publish } from '../server/publish.ts';
import { currentReleaseId, readRelease, releasesDir } from '../server/releases.ts';
import { serveReleases } from './serving.ts';

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const dir = releasesDir();

const { database, seeded } = await openPreparedDatabase();
if (seeded?.products.ok) {
  const { created } = seeded.products.summary;
  const { added, updated } = seeded.fairs;
  console.log(
    `seeded ${created.products} products, ${created.certifications} certifications, ${added} fairs (${updated} updated) (${elapsed()})`,
  );
}
const firstAdmin = await ensureFirstAdmin(database);
if (firstAdmin) console.log(firstAdmin);
// Files no image row names (an upload cut off before its row) and images no product uses any more.
const swept = await sweepOrphans(database);
if (swept.removedFiles.length > 0 || swept.removedRows > 0)
  console.log(`swept ${swept.removedFiles.length} orphan image files and ${swept.removedRows} unused images`);

const stamp = await buildStamp(database);
const current = currentReleaseId(dir);
if (current && readRelease(dir, current)?.stamp === stamp) console.log(`release ${current} in ${dir} is up to date`);
else {
  console.log(`publishing a release into ${dir} …`);
  const result = await publish(database, {
    releasesDir: dir,
    actor: { label: 'start', name: 'npm start' },
    onStep: (step, state, detail) => state === 'done' && console.log(`  ${step} ok${detail ? ` — ${detail}` : ''} (${elapsed()})`),
  });
  if (result.ok) console.log(`published ${result.release.id} (${elapsed()})`);
  else {
    const why = result.reason === 'busy' ? `another publish is running (${result.holder.who})` : `${result.step}: ${result.log.join('\n')}`;
    if (!current) {
      console.error(`could not publish the first release — ${why}`);
      process.exit(1);
    }
    console.error(`could not publish a new release — ${why}; serving ${current}`);
  }
}
database.close();

await serveReleases(dir, elapsed);
