import { and, count, desc, eq, lt } from 'drizzle-orm';
import type { ReportInput } from '#domain/report/form.ts';
import { COUNTER_RETENTION_MS, nextCount, PER_SOURCE, SITE_WIDE, type CounterLimit } from '#domain/report/throttle.ts';
import { recordAudit } from '#db/audit.ts';
import { writeTransaction, type Database, type DbOrTx } from '#db/client.ts';
import { errorReports, throttleCounters, users } from '#db/schema/index.ts';

export type SubmitOutcome =
  { ok: true; id: number } | { ok: false; reason: 'rate-limited-source' | 'rate-limited-site'; retryAfterMs: number };

const SITE_KEY = 'report:site';

/** One counter: may it count one more now? Writes the new count when it may. */
async function take(tx: DbOrTx, key: string, limit: CounterLimit, now: Date) {
  const [row] = await tx.select().from(throttleCounters).where(eq(throttleCounters.key, key));
  const verdict = nextCount(row ?? null, now, limit);
  if (!verdict.allowed) return verdict;
  const values = { ...verdict.next, updatedAt: now.toISOString() };
  await tx
    .insert(throttleCounters)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: throttleCounters.key, set: values });
  return verdict;
}

/**
 * Stores a visitor's report unless a limit is reached (decision 027): 5 an hour per source (a keyed hash of
 * the address, never the address), 200 a day in all. Counters untouched for a day are deleted first.
 */
export async function submitReport(
  database: Database,
  report: ReportInput & { locale: 'vi' | 'en' },
  source: { key: string; now?: Date },
): Promise<SubmitOutcome> {
  const now = source.now ?? new Date();
  return writeTransaction(database, async (tx) => {
    await tx.delete(throttleCounters).where(lt(throttleCounters.updatedAt, new Date(now.getTime() - COUNTER_RETENTION_MS).toISOString()));
    // The site-wide counter is read before the source's is written, so a refused report counts nowhere.
    const [site] = await tx.select().from(throttleCounters).where(eq(throttleCounters.key, SITE_KEY));
    const siteVerdict = nextCount(site ?? null, now, SITE_WIDE);
    if (!siteVerdict.allowed) return { ok: false, reason: 'rate-limited-site', retryAfterMs: siteVerdict.retryAfterMs };
    const perSource = await take(tx, `report:source:${source.key}`, PER_SOURCE, now);
    if (!perSource.allowed) return { ok: false, reason: 'rate-limited-source', retryAfterMs: perSource.retryAfterMs };
    await take(tx, SITE_KEY, SITE_WIDE, now);
    const [row] = await tx.insert(errorReports).values(report).returning({ id: errorReports.id });
    return { ok: true, id: row!.id };
  });
}

/** Reports for the admin list, newest first: the open ones, or the closed ones. */
export function listReports(db: DbOrTx, status: 'open' | 'closed', limit = 200) {
  return db
    .select({ report: errorReports, closedBy: users.email })
    .from(errorReports)
    .leftJoin(users, eq(errorReports.closedByUserId, users.id))
    .where(eq(errorReports.status, status))
    .orderBy(desc(errorReports.createdAt), desc(errorReports.id))
    .limit(limit);
}

/** How many reports wait for staff (the dashboard's figure). */
export async function countOpenReports(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(errorReports).where(eq(errorReports.status, 'open'));
  return row?.n ?? 0;
}

/** Closes an open report with the staff member's note; false when it is not open (closed meanwhile, or unknown). */
export async function closeReport(database: Database, id: number, note: string, userId: number): Promise<boolean> {
  return writeTransaction(database, async (tx) => {
    const [before] = await tx
      .select()
      .from(errorReports)
      .where(and(eq(errorReports.id, id), eq(errorReports.status, 'open')));
    if (!before) return false;
    const [after] = await tx
      .update(errorReports)
      .set({ status: 'closed', staffNote: note === '' ? null : note, closedAt: new Date().toISOString(), closedByUserId: userId })
      .where(eq(errorReports.id, id))
      .returning();
    await recordAudit(tx, { userId }, { action: 'update', entity: 'error_reports', entityId: id, before, after });
    return true;
  });
}
