import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '#db/audit.ts';
import { auditLog } from '#db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.dispose());

const pragma = async (name: string) => Object.values((await database.client.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0];

describe('the connection settings', () => {
  // On sqld the server owns its connections and their settings.
  it.skipIf(process.env['TEST_DATABASE'] === 'sqld')(
    'enforces foreign keys, full sync, WAL and a busy timeout, also after a transaction',
    async () => {
      for (let round = 0; round < 2; round++) {
        expect(await pragma('foreign_keys')).toBe(1);
        expect(await pragma('synchronous')).toBe(2);
        expect(Number(await pragma('busy_timeout'))).toBeGreaterThanOrEqual(5000);
        expect(await pragma('journal_mode')).toBe('wal');
        const tx = await database.client.transaction('write');
        await tx.execute('SELECT 1');
        await tx.commit();
      }
    },
  );

  it('refuses a certification that points at a product that does not exist', async () => {
    const orphan = database.client.execute(
      "INSERT INTO certifications (product_id, level, round_year, registry_code, province_id) VALUES (999999, 'national', 2023, 'X', 1)",
    );
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
  });

  it('refuses a regional certification without a region', async () => {
    const violation = database.client.execute(
      "INSERT INTO certifications (product_id, level, round_year, registry_code, province_id) VALUES (1, 'regional', 2024, 'Y', 1)",
    );
    await expect(violation).rejects.toThrow(/certifications_region_iff_regional|CHECK/);
  });
});

describe('the audit log', () => {
  it('accepts new rows but refuses to change or delete them', async () => {
    await recordAudit(database.db, { label: 'test' }, { action: 'create', entity: 'tests', entityId: 1, after: { a: 1 } });
    const [row] = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entity} = 'tests'`);
    expect(row?.after).toEqual({ a: 1 });
    await expect(database.client.execute("UPDATE audit_log SET entity = 'x'")).rejects.toThrow(/append-only/);
    await expect(database.client.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
