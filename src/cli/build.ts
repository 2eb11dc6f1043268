/** npm run build — builds the public site from the database (migrated, and seeded if empty) into dist/. */
import { resolve } from 'node:path';
import { openPreparedDatabase } from '#server/seed.ts';
import { buildSite, buildStamp, ROOT } from '#server/build.ts';

const outDir = resolve(ROOT, process.env['REGISTRY_OUT_DIR'] || 'dist');
const { database } = await openPreparedDatabase();
const stamp = await buildStamp(database);
database.close();
await buildSite(outDir, process.env, stamp);
