/**
 * Serves the current release of REGISTRY_RELEASES_DIR (and the admin) without publishing first: for
 * machines that publish elsewhere, and for the benchmarks. `npm start` is the usual way in.
 */
import { releasesDir } from '#server/releases.ts';
import { serveReleases } from './serve-current-release.ts';

const dir = releasesDir();
await serveReleases(dir);
