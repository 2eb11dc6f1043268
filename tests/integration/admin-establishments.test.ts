import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { writeTransaction } from '../../src/db/client.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEstablishment,
  establishmentHistory,
  getEstablishment,
  updateEstablishment,
} from '../../src/db/queries/admin-establishments.ts';
import { provinces } from '../../src/db/schema/index.ts';
import type { EstablishmentInput } from '../../src/domain/admin/establishment-form.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let provinceId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  const [p] = await database.db.select({ id: provinces.id }).from(provinces).where(eq(provinces.name, 'Thái Nguyên'));
  provinceId = p!.id;
});
afterAll(async () => database.dispose());

const input = (over: Partial<EstablishmentInput> = {}): EstablishmentInput => ({
  name: 'HTX chè Tuyết Hương',
  legalForm: 'cooperative',
  provinceId,
  address: null,
  phone: null,
  email: null,
  website: null,
  descriptionVi: null,
  descriptionEn: null,
  status: 'published',
  version: 1,
  ...over,
});

describe('optimistic locking (R28) and history (R24)', () => {
  it('lets exactly one of several editors holding the same version save; the others change nothing', async () => {
    const created = await database.db.transaction((tx) => createEstablishment(tx, input(), { label: 'test' }));
    if (!created.ok) throw new Error('not created');
    const id = created.record.id;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.stringMatching(/^0\d{9}$/), { minLength: 2, maxLength: 8 }), async (phones) => {
        const before = (await getEstablishment(database.db, id))!;
        const results = await Promise.all(
          phones.map((phone, i) =>
            writeTransaction(database, (tx) =>
              updateEstablishment(tx, id, input({ phone, version: before.version }), { label: `editor-${i}` }),
            ),
          ),
        );
        const winners = results.flatMap((r, i) => (r.ok ? [phones[i]] : []));
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'conflict')).toBe(true);
        const after = (await getEstablishment(database.db, id))!;
        expect(after.version).toBe(before.version + 1);
        expect(after.phone).toBe(winners[0]);
      }),
      { numRuns: 15 },
    );
    const history = await establishmentHistory(database.db, id);
    const [newest] = history;
    expect(history.filter((h) => h.action === 'update')).toHaveLength(15);
    expect((newest!.after as { version: number }).version).toBe((await getEstablishment(database.db, id))!.version);
  });

  it('refuses an unknown province and writes nothing', async () => {
    const result = await database.db.transaction((tx) =>
      createEstablishment(tx, input({ name: 'Cơ sở mới', provinceId: 999_999 }), { label: 'test' }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid', field: 'provinceId' });
  });
});
