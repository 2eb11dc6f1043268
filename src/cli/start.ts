/**
 * npm start — on a fresh machine: migrate, seed the real data when the database is empty, build the
 * site when sources or data changed since the last build, and serve it on http://HOST:PORT.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPreparedDatabase } from '../db/seed.ts';
import { ensureFirstAdmin } from '../server/accounts.ts';
import { sweepOrphans } from '../server/images.ts';
import { buildSite, buildStamp, isBuildCurrent, ROOT } from '../server/build.ts';

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const outDir = resolve(ROOT, process.env['REGISTRY_OUT_DIR'] || 'dist');

const { database, seeded } = await openPreparedDatabase();
if (seeded?.products.ok) {
  const { created } = seeded.products.summary;
  console.log(`seeded ${created.products} products, ${created.certifications} certifications and ${seeded.fairs} fairs (${elapsed()})`);
}
const firstAdmin = await ensureFirstAdmin(database);
if (firstAdmin) console.log(firstAdmin);
// Files no image row names (an upload cut off before its row) and images no product uses any more.
const swept = await sweepOrphans(database);
if (swept.removedFiles.length > 0 || swept.removedRows > 0)
  console.log(`swept ${swept.removedFiles.length} orphan image files and ${swept.removedRows} unused images`);
const stamp = await buildStamp(database);
database.close();

if (isBuildCurrent(outDir, stamp)) {
  console.log(`the built site in ${outDir} is up to date`);
} else {
  console.log(`building the site into ${outDir} …`);
  await buildSite(outDir, process.env, stamp);
  console.log(`built (${elapsed()})`);
}

process.env['HOST'] ||= '127.0.0.1';
process.env['PORT'] ||= '4321';
await import(pathToFileURL(resolve(outDir, 'server', 'entry.mjs')).href);
console.log(`serving http://${process.env['HOST']}:${process.env['PORT']}/ (${elapsed()})`);
