/**
 * npm start — on a fresh machine: migrate, seed the real data when the database is empty, publish the
 * first release, and serve the current release (and the admin) on http://HOST:PORT. After a restart with
 * changed sources or data, the last release is served at once and the new one published in the background.
 * The server follows `current`, so a publish (that one, the admin's button or `npm run publish`) switches
 * what it serves without a restart.
 */
import { openPreparedDatabase } from '#server/seed.ts';
import { ensureFirstAdmin } from '#server/accounts.ts';
import { sweepOrphans } from '#server/images.ts';
import { releasesDir } from '#server/releases.ts';
import { prepareReleases } from '#server/start-up.ts';
import { serveReleases } from './serve-current-release.ts';

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

// A release older than the sources or data is served at once and replaced in the background (no downtime after
// a restart); only a fresh clone builds before serving (src/server/start-up.ts).
let startUp;
try {
  startUp = await prepareReleases(database, { releasesDir: dir, log: (line) => console.log(`${line} (${elapsed()})`) });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (startUp.plan !== 'background') database.close();

await serveReleases(dir, elapsed);
if (startUp.plan === 'background') {
  await startUp.afterServing();
  database.close();
}
