/**
 * Serves the current release of REGISTRY_RELEASES_DIR (and the admin) without publishing first: for
 * machines that publish elsewhere, and for the benchmarks. `npm start` is the usual way in.
 */
import { releasesDir } from '../server/releases.ts';
import { startSiteServer } from '../server/site-server.ts';

const dir = releasesDir();
const site = await startSiteServer({
  releasesDir: dir,
  host: process.env['HOST'] || '127.0.0.1',
  port: Number(process.env['PORT'] || 4321),
  ...(process.env['SITE_URL'] ? { siteUrl: process.env['SITE_URL'] } : {}),
});
console.log(`serving ${site.url} from ${dir}/current`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void site.close().then(() => process.exit(0));
  });
