import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeReport, countOpenReports, listReports, submitReport } from '#db/queries/reports.ts';
import { errorReports, throttleCounters, users } from '#db/schema/index.ts';
import { PER_SOURCE, SITE_WIDE } from '#domain/report/throttle.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
const report = (message: string) => ({ pagePath: '/products/tra-o-long/', message, contact: null, locale: 'vi' as const });
const reportCount = async () => (await database.db.select({ n: count() }).from(errorReports))[0]!.n;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.dispose());

describe('submitReport', () => {
  it('stores a report as open, and refuses a source past its hourly limit without storing it', async () => {
    const now = new Date('2026-12-07T08:00:00Z');
    for (let i = 0; i < PER_SOURCE.limit; i++)
      expect(await submitReport(database, report(`báo lỗi ${i}`), { key: 'source-a', now })).toMatchObject({ ok: true });
    const refused = await submitReport(database, report('một lần nữa'), { key: 'source-a', now: new Date('2026-12-07T08:30:00Z') });
    expect(refused).toEqual({ ok: false, reason: 'rate-limited-source', retryAfterMs: 30 * 60_000 });
    expect(await reportCount()).toBe(PER_SOURCE.limit);
    // Another source is not held back by the first one.
    expect(await submitReport(database, report('nguồn khác'), { key: 'source-b', now })).toMatchObject({ ok: true });
    // An hour later the first source may send again.
    expect(await submitReport(database, report('giờ sau'), { key: 'source-a', now: new Date('2026-12-07T09:00:01Z') })).toMatchObject({
      ok: true,
    });
  });

  it('refuses everyone once the site has had its daily number, and counts the refused nowhere', async () => {
    const now = new Date('2026-12-07T10:00:00Z');
    await database.db
      .insert(throttleCounters)
      .values({ key: 'report:site', count: SITE_WIDE.limit, windowStartedAt: now.toISOString(), updatedAt: now.toISOString() })
      .onConflictDoUpdate({ target: throttleCounters.key, set: { count: SITE_WIDE.limit, windowStartedAt: now.toISOString() } });
    const before = await reportCount();
    const outcome = await submitReport(database, report('quá nhiều'), { key: 'source-c', now });
    expect(outcome).toMatchObject({ ok: false, reason: 'rate-limited-site' });
    expect(await reportCount()).toBe(before);
    expect(await database.db.select().from(throttleCounters).where(eq(throttleCounters.key, 'report:source:source-c'))).toEqual([]);
  });

  it('deletes counters untouched for a day, so no source hash outlives it', async () => {
    await submitReport(database, report('ngày sau'), { key: 'source-d', now: new Date('2026-12-09T10:00:00Z') });
    const keys = (await database.db.select({ key: throttleCounters.key }).from(throttleCounters)).map((r) => r.key).sort();
    expect(keys).toEqual(['report:site', 'report:source:source-d']);
  });
});

describe('closing a report', () => {
  it('closes an open report with the note and who closed it, once', async () => {
    const [editor] = await database.db
      .insert(users)
      .values({ email: 'bien.tap@example.vn', passwordHash: 'x', role: 'editor' })
      .returning();
    const open = await countOpenReports(database.db);
    const [first] = await listReports(database.db, 'open');
    expect(await closeReport(database, first!.report.id, 'Đã sửa', editor!.id)).toBe(true);
    expect(await closeReport(database, first!.report.id, 'lần hai', editor!.id)).toBe(false);
    expect(await countOpenReports(database.db)).toBe(open - 1);
    const closed = await listReports(database.db, 'closed');
    expect(closed[0]).toMatchObject({
      report: { id: first!.report.id, status: 'closed', staffNote: 'Đã sửa' },
      closedBy: 'bien.tap@example.vn',
    });
  });
});
