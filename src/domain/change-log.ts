/**
 * The change log of published certifications (issue #9): what each release added, changed, expired,
 * revoked or withdrew, found by comparing the certifications a release publishes with those of the
 * release before it. Pure: the publish pipeline reads the records and the previous log, this decides.
 *
 * A certification is known by its registry code, which never changes. "Expired" needs no edit: a
 * certificate valid in the previous release whose end date has passed by this release's date.
 */
import type { CertificationStatus } from './validity.ts';

/** The fields of a published certification the change log compares (what the public can see). */
export interface CertificationFacts {
  product: string;
  productSlug: string;
  level: string;
  region: string | null;
  roundYear: number;
  province: string;
  currentProvince: string;
  decisionNo: string | null;
  /** The decision record it points to (its slug), when the registry holds one. */
  decision: string | null;
  decisionDate: string | null;
  certificateNo: string | null;
  issuer: string | null;
  score: number | null;
  awardTier: string | null;
  validUntil: string | null;
  revokedAt: string | null;
  sourceUrl: string | null;
}

/** The fields whose change is reported by name (everything but the status, which has its own events). */
export const COMPARED_FIELDS = [
  'product',
  'productSlug',
  'level',
  'region',
  'roundYear',
  'province',
  'currentProvince',
  'decisionNo',
  'decision',
  'decisionDate',
  'certificateNo',
  'issuer',
  'score',
  'awardTier',
  'validUntil',
  'sourceUrl',
] as const satisfies readonly (keyof CertificationFacts)[];
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** One certification as one release published it: its facts and its status on the release's date. */
export interface CertificationState extends CertificationFacts {
  status: CertificationStatus;
}

export type ChangeKind = 'added' | 'changed' | 'expired' | 'revoked' | 'reinstated' | 'withdrawn';
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'changed', 'expired', 'revoked', 'reinstated', 'withdrawn'];

export interface FieldChange {
  field: ComparedField;
  from: string | number | null;
  to: string | number | null;
}

/** One change of one certification in one release. */
export interface ChangeEvent {
  kind: ChangeKind;
  code: string;
  /** The certification as this release publishes it (as the previous one did, for a withdrawn one). */
  certification: CertificationState;
  /** What changed, for "changed" (and for a revoked or reinstated one whose other fields changed too). */
  fields: FieldChange[];
}

/** A published recognition decision as the log keeps it: what a feed entry for a new one says. */
export interface DecisionState {
  slug: string;
  number: string;
  level: string;
  region: string | null;
  roundYear: number;
}

export interface ReleaseChanges {
  release: string;
  date: string;
  /** Decisions this release publishes that the previous one did not (absent in logs made before decisions). */
  decisionsAdded?: DecisionState[];
  /** The first release of the log: nothing to compare with, so no events, only the count. */
  baseline: boolean;
  certifications: number;
  counts: Record<ChangeKind, number>;
  events: ChangeEvent[];
}

/** The log a release carries forward: its releases newest first, and the state the next one compares with. */
export interface ChangeLog {
  version: 1;
  releases: ReleaseChanges[];
  state: Record<string, CertificationState>;
  /** The published decisions by slug (absent in logs made before decisions: then none is reported as new). */
  decisions?: Record<string, DecisionState>;
}

/** How many releases the log keeps (the feed shows the newest events of these). */
export const KEPT_RELEASES = 100;

const ORDER: Record<ChangeKind, number> = { revoked: 0, withdrawn: 1, reinstated: 2, expired: 3, added: 4, changed: 5 };

/** The compared fields that differ; a field the previous log did not record yet (an older log) is not a change. */
function fieldChanges(before: CertificationFacts, after: CertificationFacts): FieldChange[] {
  return COMPARED_FIELDS.filter((f) => f in before && before[f] !== after[f]).map((f) => ({ field: f, from: before[f], to: after[f] }));
}

/** The decisions of `current` that `previous` did not hold, by slug; none against a log without decisions. */
export function addedDecisions(
  previous: Readonly<Record<string, DecisionState>> | undefined,
  current: ReadonlyMap<string, DecisionState>,
): DecisionState[] {
  if (!previous) return [];
  return [...current.values()].filter((d) => !(d.slug in previous)).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** The status change between two releases, if it is one the log names. */
function statusKind(before: CertificationStatus, after: CertificationStatus): ChangeKind | null {
  if (before === after) return null;
  if (after === 'revoked') return 'revoked';
  if (before === 'revoked') return 'reinstated';
  if (after === 'expired') return 'expired';
  // Expired → valid: the end date was corrected (a field change says so) or the certificate renewed.
  return null;
}

/**
 * What changed between the state of the previous release and this one's certifications (by registry code).
 * compareReleases(null, …) is a baseline: no events. Events are ordered by kind (revocations first), then code.
 */
export function compareReleases(
  previous: Readonly<Record<string, CertificationState>> | null,
  current: ReadonlyMap<string, CertificationState>,
): ChangeEvent[] {
  if (!previous) return [];
  const events: ChangeEvent[] = [];
  for (const [code, now] of current) {
    const before = previous[code];
    if (!before) {
      events.push({ kind: 'added', code, certification: now, fields: [] });
      continue;
    }
    const fields = fieldChanges(before, now);
    const status = statusKind(before.status, now.status);
    // An expiry is the end date passing; when the end date itself was edited it is a change, not an expiry.
    const expiredByTime = status === 'expired' && !fields.some((f) => f.field === 'validUntil');
    if (status && (status !== 'expired' || expiredByTime)) events.push({ kind: status, code, certification: now, fields });
    else if (fields.length > 0 || before.status !== now.status) events.push({ kind: 'changed', code, certification: now, fields });
  }
  for (const [code, before] of Object.entries(previous))
    if (!current.has(code)) events.push({ kind: 'withdrawn', code, certification: before, fields: [] });
  return events.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const zeroCounts = (): Record<ChangeKind, number> => ({ added: 0, changed: 0, expired: 0, revoked: 0, reinstated: 0, withdrawn: 0 });

/**
 * The log after a release: its changes against the previous log's state put first, the state replaced,
 * the oldest releases beyond `keep` dropped. A previous log of another version (or none) starts afresh.
 */
export function nextChangeLog(
  previous: ChangeLog | null,
  release: { id: string; date: string },
  current: ReadonlyMap<string, CertificationState>,
  keep = KEPT_RELEASES,
  decisions: ReadonlyMap<string, DecisionState> = new Map(),
): ChangeLog {
  const usable = previous?.version === 1 ? previous : null;
  const events = compareReleases(usable?.state ?? null, current);
  const decisionsAdded = addedDecisions(usable?.decisions, decisions);
  const counts = zeroCounts();
  for (const e of events) counts[e.kind] += 1;
  const entry: ReleaseChanges = {
    release: release.id,
    date: release.date,
    baseline: !usable,
    certifications: current.size,
    counts,
    events,
    ...(decisionsAdded.length > 0 ? { decisionsAdded } : {}),
  };
  return {
    version: 1,
    releases: [entry, ...(usable?.releases ?? []).filter((r) => r.release !== release.id)].slice(0, keep),
    state: Object.fromEntries(current),
    decisions: Object.fromEntries(decisions),
  };
}

/** Reads a stored log, or null when the text is not one (a release made before the log existed). */
export function parseChangeLog(text: string): ChangeLog | null {
  try {
    const value = JSON.parse(text) as Partial<ChangeLog>;
    if (value.version !== 1 || !Array.isArray(value.releases) || typeof value.state !== 'object' || value.state === null) return null;
    return value as ChangeLog;
  } catch {
    return null;
  }
}
