/**
 * The last step of `npm start` and of `serve.ts`: serve the current release (and the admin) until a signal.
 *
 * The admin's code runs from inside a release (`releases/<id>/server/…`), where paths computed from its own
 * module point into that release. So the real project root, the releases folder and the uploads folder are
 * pinned as absolute paths in the environment first; the bundled code reads them from there.
 */
import { ROOT } from '#server/build.ts';
import { uploadsDir } from '#server/images.ts';
import { startSiteServer } from '#server/site-server.ts';

export async function serveReleases(dir: string, elapsed: () => string = () => ''): Promise<void> {
  process.env['REGISTRY_ROOT'] = ROOT;
  process.env['REGISTRY_RELEASES_DIR'] = dir;
  process.env['UPLOADS_DIR'] = uploadsDir();
  const site = await startSiteServer({
    releasesDir: dir,
    host: process.env['HOST'] || '127.0.0.1',
    port: Number(process.env['PORT'] || 4321),
    ...(process.env['SITE_URL'] ? { siteUrl: process.env['SITE_URL'] } : {}),
  });
  const took = elapsed();
  console.log(`serving ${site.url} from ${dir}/current${took ? ` (${took})` : ''}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void site.close().then(() => process.exit(0));
    });
}
