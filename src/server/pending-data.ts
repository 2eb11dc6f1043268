/**
 * Loaders for what is waiting to be published (#20.3): the served release's place in the audit log, the
 * records changed since it (with their names and admin links), one record's standing, and the summaries of
 * the kept releases, all derived by src/domain/admin/pending.ts from the audit rows.
 */
import type { DbOrTx } from '#db/client.ts';
import { RECORD_KINDS } from '#db/queries/admin/kinds.ts';
import { lastPublishAtOrBefore, listAuditRange, listImportsAfter, listRecordAuditActions } from '#db/queries/admin/pending.ts';
import { derivePending, publicationOf, type PendingRecord, type PendingSummary, type Publication } from '#domain/admin/pending.ts';
import { currentReleaseId, readRelease, type ReleaseRecord } from './releases.ts';

/** How many pending records the dashboard and the publish page name; the counts cover them all. */
export const PENDING_LIST_LIMIT = 50;

const KIND_OF_ENTITY = new Map(Object.values(RECORD_KINDS).map((k) => [k.entity, k]));

/** The served release's id and the newest audit row it holds; null when nothing is served. */
export function servedRelease(releasesDir: string): { id: string; lastAuditId: number } | null {
  const id = currentReleaseId(releasesDir);
  const release = id ? readRelease(releasesDir, id) : null;
  return release ? { id: release.id, lastAuditId: release.lastAuditId } : null;
}

export interface PendingItem extends PendingRecord {
  /** The admin page of the record; null for a deleted one. */
  href: string | null;
  title: string;
  noun: string;
}

export interface PendingChanges {
  served: { id: string; lastAuditId: number } | null;
  summary: PendingSummary;
  /** The newest PENDING_LIST_LIMIT records, named and linked. */
  items: PendingItem[];
}

/** What changed since the served release (everything, when none is served yet). */
export async function getPendingChanges(db: DbOrTx, releasesDir: string): Promise<PendingChanges> {
  const served = servedRelease(releasesDir);
  const summary = derivePending(await listAuditRange(db, served?.lastAuditId ?? 0));
  const items = await Promise.all(
    summary.records.slice(0, PENDING_LIST_LIMIT).map(async (r): Promise<PendingItem> => {
      const kind = KIND_OF_ENTITY.get(r.entity);
      const title = (r.change !== 'deleted' ? await kind?.title(db, r.id) : null) ?? r.name ?? `#${r.id}`;
      const href = kind && r.change !== 'deleted' ? `/admin/${kind.section}/${r.id}/` : null;
      return { ...r, title, href, noun: kind?.noun.one ?? r.entity };
    }),
  );
  return { served, summary, items };
}

/** Where one record stands against the served release: 'live', 'changed' or 'never'. */
export async function getRecordPublication(db: DbOrTx, entity: string, id: number, releasesDir: string): Promise<Publication> {
  const served = servedRelease(releasesDir);
  const own = await listRecordAuditActions(db, entity, id);
  // A record an import created has no row of its own: the import's row lists its id.
  const imports = served === null ? [] : await listImportsAfter(db, served.lastAuditId);
  const createdBy = imports.filter((row) => {
    const ids = (row.after as { createdIds?: Record<string, unknown> } | null)?.createdIds?.[entity];
    return Array.isArray(ids) && ids.includes(id);
  });
  return publicationOf([...own, ...createdBy], served?.lastAuditId ?? null);
}

/**
 * Each kept release's changes by record, public apart from staff-only: the audit rows after the release
 * before it (or, when that one is gone, after the publish row before it) up to its own last row.
 */
export async function getReleaseSummaries(db: DbOrTx, releases: readonly ReleaseRecord[]): Promise<Map<string, PendingSummary>> {
  const oldestFirst = [...releases].sort((a, b) => a.id.localeCompare(b.id));
  const summaries = new Map<string, PendingSummary>();
  for (const [i, release] of oldestFirst.entries()) {
    const before = oldestFirst[i - 1];
    const from = before ? before.lastAuditId : await lastPublishAtOrBefore(db, release.lastAuditId);
    summaries.set(release.id, derivePending(await listAuditRange(db, Math.min(from, release.lastAuditId), release.lastAuditId)));
  }
  return summaries;
}
