import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedCsv } from '#db/reference.ts';
import { certifications, decisions } from '#db/schema/index.ts';
import { seedDatabase } from '#server/seed.ts';
import { decisionNumberKey } from '#domain/decision-number.ts';
import { classifyVerifyInput } from '#domain/verify-match.ts';
import { findVerifyMatches } from '#server/verify-data.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database);
});
afterAll(async () => database.dispose());

describe('the seed as verification reads it', () => {
  it('holds every decision of decisions.csv once, also after seeding again', async () => {
    const rows = readSeedCsv('decisions.csv');
    await seedDatabase(database);
    const [held] = await database.db.select({ n: count() }).from(decisions);
    expect(held!.n).toBe(rows.length);
  });

  it('links the certifications whose decision number reads as 3116/QĐ-BCT, and "3116 QD BCT" finds them all', async () => {
    const linked = await database.db
      .select({ decisionNo: certifications.decisionNo, number: decisions.number })
      .from(certifications)
      .innerJoin(decisions, eq(certifications.decisionId, decisions.id))
      .where(isNotNull(certifications.decisionId));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((c) => decisionNumberKey(c.decisionNo!) === decisionNumberKey(c.number))).toBe(true);
    const wanted = linked.filter((c) => c.number === '3116/QĐ-BCT').length;
    const [found] = (await findVerifyMatches(database.db, classifyVerifyInput('3116 QD BCT'))).decisions;
    expect(found!.certifications).toHaveLength(wanted);
    expect(found!.productsCertified).toBe(173);
  });
});
