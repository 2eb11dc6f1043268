/**
 * The change log between releases (issue #9), kept as `changes.json` in each release folder, beside
 * `client/` (never served: it holds the state the next release compares with). The publish pipeline
 * makes the new log before the build, from the snapshot the build reads and the log of the release being
 * served, and hands it to the build in REGISTRY_CHANGES_FILE; the feed and /data/changes.json are made
 * from it. A build outside a publish has no previous release: its log is a baseline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDatabase, type Database, type DbOrTx } from '#db/client.ts';
import { selectCertifications } from '#db/queries/product-records.ts';
import { listPublishedDecisions } from '#db/queries/decision-pages.ts';
import { nextChangeLog, parseChangeLog, type CertificationState, type ChangeLog, type DecisionState } from '#domain/change-log.ts';
import { certificationStatus, todayIso } from '#domain/validity.ts';
import { oncePerBuild } from './build-memo.ts';
import { currentReleaseInfo, type ReleaseInfo } from './release-info.ts';

/** The log's file name in a release folder. */
export const CHANGE_LOG_FILE = 'changes.json';

/** Every published certification by registry code, with its status on the release's day (Vietnam time). */
export async function certificationStates(db: DbOrTx, releaseDate: string): Promise<Map<string, CertificationState>> {
  const day = todayIso(new Date(releaseDate));
  const rows = await selectCertifications(db, undefined);
  return new Map(
    rows.map((c) => [
      c.registryCode,
      {
        product: c.productName,
        productSlug: c.productSlug,
        level: c.level,
        region: c.region,
        roundYear: c.roundYear,
        province: c.provinceName,
        currentProvince: c.currentProvinceName,
        decisionNo: c.decisionNo,
        decision: c.decision?.slug ?? null,
        decisionDate: c.decisionDate,
        certificateNo: c.certificateNo,
        issuer: c.issuerName,
        score: c.score,
        awardTier: c.awardTier,
        validUntil: c.validUntil,
        revokedAt: c.revokedAt,
        sourceUrl: c.sourceUrl,
        status: certificationStatus(c, day),
      },
    ]),
  );
}

/** Every published decision by slug, as the log keeps it. */
export async function decisionStates(db: DbOrTx): Promise<Map<string, DecisionState>> {
  const rows = await listPublishedDecisions(db);
  return new Map(rows.map((d) => [d.slug, { slug: d.slug, number: d.number, level: d.level, region: d.region, roundYear: d.roundYear }]));
}

/** The log a release folder holds, or null (no such release, or one made before the log existed). */
export function readReleaseChangeLog(releasesDir: string, releaseId: string | null): ChangeLog | null {
  if (!releaseId) return null;
  const file = join(releasesDir, releaseId, CHANGE_LOG_FILE);
  return existsSync(file) ? parseChangeLog(readFileSync(file, 'utf8')) : null;
}

/** The new release's log: its certifications compared with the previous release's log. */
export async function makeChangeLog(snapshot: Database, previous: ChangeLog | null, release: ReleaseInfo): Promise<ChangeLog> {
  return nextChangeLog(
    previous,
    release,
    await certificationStates(snapshot.db, release.date),
    undefined,
    await decisionStates(snapshot.db),
  );
}

/** The log of the release being built: the pipeline's file, or a baseline from the database. */
export function buildChangeLog(prerendering: boolean): Promise<ChangeLog> {
  return oncePerBuild(prerendering, 'change-log', async () => {
    const file = process.env['REGISTRY_CHANGES_FILE'];
    const given = file && existsSync(file) ? parseChangeLog(readFileSync(file, 'utf8')) : null;
    if (given) return given;
    const { db } = await getDatabase();
    const release = currentReleaseInfo();
    return nextChangeLog(null, release, await certificationStates(db, release.date), undefined, await decisionStates(db));
  });
}

/** The log as /data/changes.json publishes it: the releases and their events, without the stored state. */
export function publicChangeLog(log: ChangeLog) {
  return { version: log.version, releases: log.releases };
}
