/**
 * The batched import writer (src/db/queries/import-writer.ts) against what writing row by row guaranteed
 * (R24, R28): every record's audit history starts with its creation and ends in the row as stored, each
 * update's before is the previous state, and a dry run says exactly what the import then does.
 */
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, certifications, establishments, products } from '#db/schema/index.ts';
import { importList } from '#server/importer.ts';
import { listCsv, syntheticList, type ListRow } from '../support/synthetic.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const actor = { label: 'test' };
const currentYear = 2026;
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.dispose());

const first: ListRow[] = [
  ...syntheticList(400, 7),
  // One name, two producers: two products, the second slugged "-2".
  ['Chè Shan tuyết', 'HTX chè Suối Giàng', 'Yên Bái', '', 'provincial', '2024', '', '', ''],
  ['Chè Shan tuyết', 'HTX chè Tà Xùa', 'Sơn La', '', 'provincial', '2024', '', '', ''],
];
/** The same list a round later: some decision numbers changed, some groups given, some rows new. */
const second: ListRow[] = [
  ...first.map((row, i) => row.map((cell, c) => (c === 6 && i % 4 === 0 ? `${i}/QĐ-SỬA` : c === 3 && i % 3 === 0 ? 'Cơ khí' : cell))),
  ...syntheticList(100, 8),
];

describe('the batched import writer', () => {
  it('says in a dry run exactly what the import then does, row by row', async () => {
    for (const list of [first, second]) {
      const bytes = listCsv(list);
      const dry = await importList(database, bytes, { actor, dryRun: true, currentYear });
      const done = await importList(database, bytes, { actor, currentYear });
      expect(dry.ok && done.ok).toBe(true);
      if (!dry.ok || !done.ok) return;
      const shape = (o: (typeof done.summary.outcomes)[number]) => [o.line, o.outcome, o.createdEstablishment, o.createdProduct];
      expect(dry.summary.outcomes.map(shape)).toEqual(done.summary.outcomes.map(shape));
      expect(dry.summary.created).toEqual(done.summary.created);
    }
  });

  it('leaves every record with an audit history from its creation to its row as stored', async () => {
    const entries = await database.db.select().from(auditLog).orderBy(asc(auditLog.id));
    const history = new Map<string, typeof entries>();
    for (const e of entries)
      if (e.entityId !== null) history.set(`${e.entity} ${e.entityId}`, [...(history.get(`${e.entity} ${e.entityId}`) ?? []), e]);
    const tables = { establishments, products, certifications } as const;
    let updates = 0;
    for (const [entity, table] of Object.entries(tables)) {
      const rows: { id: number }[] = await database.db.select().from(table);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const [created, ...changes] = history.get(`${entity} ${row.id}`) ?? [];
        expect(created?.action, `${entity} ${row.id}`).toBe('create');
        // A product's creation also lists its set items, which are not columns of the row.
        let state: Record<string, unknown> = { ...(created!.after as Record<string, unknown>) };
        delete state['setItems'];
        for (const change of changes) {
          expect(change.action).toBe('update');
          expect(change.before).toEqual(state);
          state = change.after as Record<string, unknown>;
          expect(state['version']).toBe((change.before as { version: number }).version + 1);
          updates++;
        }
        expect(state).toEqual(row);
        // Key for key in the order drizzle reads them: what the audit log shows is the row as stored.
        expect(JSON.stringify(state)).toBe(JSON.stringify(row));
      }
    }
    // The second list changed decision numbers and gave groups to products that had none.
    expect(updates).toBeGreaterThan(50);
  });

  it('gives names that slug alike their own slugs, and keeps registry codes unique', async () => {
    const slugs = (await database.db.select({ slug: products.slug }).from(products)).map((r) => r.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual(expect.arrayContaining(['che-shan-tuyet', 'che-shan-tuyet-2']));
    const codes = (await database.db.select({ code: certifications.registryCode }).from(certifications)).map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
