/**
 * Which release a build makes (issue #9): the open data, the change feed and the statistics name it. The
 * publish pipeline passes the new release's id and the moment its data was taken (the backup) in
 * REGISTRY_RELEASE_ID and REGISTRY_RELEASE_DATE; a build made outside a publish (`npm run build`,
 * `astro dev`) is "unpublished", dated when the process first asked.
 */
export interface ReleaseInfo {
  /** The release id (20261203T104512345Z-ab12), or "unpublished" outside a publish. */
  id: string;
  /** When the release's data was taken, ISO 8601 UTC. */
  date: string;
}

let fallbackDate: string | null = null;

export function currentReleaseInfo(env: NodeJS.ProcessEnv = process.env): ReleaseInfo {
  const id = env['REGISTRY_RELEASE_ID'];
  const date = env['REGISTRY_RELEASE_DATE'];
  if (id && date && !Number.isNaN(Date.parse(date))) return { id, date: new Date(date).toISOString() };
  fallbackDate ??= new Date().toISOString();
  return { id: 'unpublished', date: fallbackDate };
}
