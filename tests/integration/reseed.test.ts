import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedCsv } from '#db/reference.ts';
import { auditLog, certifications, decisions, fairs, slugRedirects, users } from '#db/schema/index.ts';
import { lastSeedChecksum, seedChecksum } from '#db/seed.ts';
import { seedDatabase } from '#server/seed.ts';
import { slugify } from '#domain/slug.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** The seed as it was before issue #16 (56 rows, 7 fairs whose names carried editing notes). */
const OLD_SEED = `${ROOT}tests/fixtures/seed-before-16/`;
const oldFairs = readSeedCsv('fairs.csv', OLD_SEED);
const newFairs = readSeedCsv('fairs.csv');
const newRows = readSeedCsv('certified-products.csv');
let database: TestDatabase;

const fairRows = () => database.db.select().from(fairs);
const certificationCount = async () => (await database.db.select({ n: count() }).from(certifications))[0]!.n;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database, OLD_SEED);
});
afterAll(async () => database.dispose());

describe('re-seeding a database seeded from the older files', () => {
  it('adds the new rows, duplicates nothing and updates renamed fairs in place', async () => {
    const before = await fairRows();
    const result = await seedDatabase(database);
    expect(result.products.ok).toBe(true);
    expect(await certificationCount()).toBe(newRows.length);
    const after = await fairRows();
    expect(after).toHaveLength(newFairs.length);
    // Every fair of the old seed kept its id (matched by name or source address), none was added twice.
    expect(before.every((old) => after.some((f) => f.id === old.id && f.sourceUrl === old.sourceUrl))).toBe(true);
    expect(result.fairs.added).toBe(newFairs.length - oldFairs.length);
  });

  it('links the certifications the old seed held to the decisions the new seed brings, by their numbers', async () => {
    const cited = await database.db
      .select({ decisionNo: certifications.decisionNo, decisionId: certifications.decisionId })
      .from(certifications)
      .where(isNotNull(certifications.decisionNo));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((c) => c.decisionId === null)).toEqual([]);
    const numbers = new Set(readSeedCsv('decisions.csv').map((d) => d['decision_no']));
    const [national2023] = await database.db.select({ id: decisions.id }).from(decisions).where(eq(decisions.number, '3116/QĐ-BCT'));
    expect(numbers.has('3116/QĐ-BCT')).toBe(true);
    const linked = cited.filter((c) => c.decisionNo === '3116/QĐ-BCT');
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((c) => c.decisionId === national2023!.id)).toBe(true);
  });

  it('shows the clean names, with the editing notes moved to the note', async () => {
    const byName = new Map((await fairRows()).map((f) => [f.name, f]));
    for (const row of newFairs) expect(byName.get(row['name']!)?.note ?? '').toBe(row['note']);
    for (const fair of byName.values()) expect(fair.name).not.toMatch(/\(|chưa xác minh/);
  });

  it('keeps each changed slug as a redirect to the renamed fair', async () => {
    const redirects = await database.db.select().from(slugRedirects).where(eq(slugRedirects.entity, 'fair'));
    const changed = oldFairs.filter((row) => {
      const renamed = newFairs.find((n) => n['source_url'] === row['source_url'])!;
      return slugify(renamed['name']!) !== slugify(row['name']!);
    });
    expect(changed.length).toBeGreaterThan(0);
    expect(redirects.map((r) => r.oldSlug).sort()).toEqual(changed.map((row) => slugify(row['name']!)).sort());
    const current = new Map((await fairRows()).map((f) => [f.id, f.slug]));
    for (const redirect of redirects) expect(current.get(redirect.entityId)).not.toBe(redirect.oldSlug);
  });

  it('takes a date from the corrected seed (the Hải Phòng fair opened on the date the old seed gave as its end)', async () => {
    const [haiPhong] = (await fairRows()).filter((f) => f.city === 'Hải Phòng');
    expect(haiPhong).toMatchObject({ startDate: '2013-12-11', endDate: null });
  });

  it('records the seed it applied, once: seeding again changes nothing, not even the audit log', async () => {
    expect(await lastSeedChecksum(database)).toBe(seedChecksum());
    const auditRows = (await database.db.select({ n: count() }).from(auditLog))[0]!.n;
    const again = await seedDatabase(database);
    expect(again.fairs).toEqual({ added: 0, updated: 0 });
    expect(again.products.ok && again.products.summary.unchanged).toBe(newRows.length);
    expect((await database.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditRows);
  });

  it('leaves a fair staff have edited as they left it', async () => {
    const [fair] = await fairRows();
    await database.db.update(fairs).set({ note: 'Ghi chú của cán bộ' }).where(eq(fairs.id, fair!.id));
    const [editor] = await database.db.insert(users).values({ email: 'editor@example.vn', passwordHash: 'x', role: 'editor' }).returning();
    await database.db.insert(auditLog).values({ actorUserId: editor!.id, action: 'update', entity: 'fairs', entityId: fair!.id });
    await seedDatabase(database);
    const [kept] = await database.db.select().from(fairs).where(eq(fairs.id, fair!.id));
    expect(kept?.note).toBe('Ghi chú của cán bộ');
  });
});
