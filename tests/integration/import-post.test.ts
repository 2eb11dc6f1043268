/**
 * A POST to an import preview (src/server/import-post.ts) without a browser: which answer each operation
 * gets, and that a refused one writes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications, users } from '#db/schema/index.ts';
import { loadStaged, stageImport } from '#server/import-staging.ts';
import { answerImportPost } from '#server/import-post.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { TMP } from '../support/paths.ts';

let database: TestDatabase;
let userId: number;
let uploads: string;
beforeAll(async () => {
  database = await createTestDatabase();
  uploads = mkdtempSync(join(TMP, 'import-post-'));
  process.env['UPLOADS_DIR'] = uploads;
  [{ id: userId }] = (await database.db
    .insert(users)
    .values([{ email: 'nhap-post@example.vn', passwordHash: 'x', role: 'editor' }])
    .returning({ id: users.id })) as [{ id: number }];
});
afterAll(async () => {
  await database.dispose();
  rmSync(uploads, { recursive: true, force: true });
  delete process.env['UPLOADS_DIR'];
});

const csv = (lines: string[]) => new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
const HEADER = 'product_name,producer,province,product_group,level,year,decision_no';
const GOOD = 'Chè Shan tuyết Suối Giàng,HTX Chè Suối Giàng,Tỉnh Yên Bái,4,cấp tỉnh,2024,1234/QĐ-UBND';
const BAD = 'Mắm tôm Hậu Lộc,Cơ sở Mắm Đồng Hải,Thanh Hoá,,cấp huyện lạ,2024,';
const post = (fields: Record<string, string>) =>
  new Request('http://localhost/admin/import/x/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
const certificationCount = async () => (await database.db.select({ n: count() }).from(certifications))[0]!.n;

describe('answerImportPost', () => {
  it('refuses an unknown operation with 400 and writes nothing', async () => {
    const staged = await stageImport(csv([HEADER, GOOD]), { userId, name: 'a.csv' });
    const before = await certificationCount();
    const answer = await answerImportPost(database, staged, post({ op: 'dance' }), userId);
    expect(answer).toMatchObject({ kind: 'refused', status: 400, error: 'Yêu cầu không hợp lệ.' });
    expect(await certificationCount()).toBe(before);
  });

  it('refuses to commit only the valid rows when the mode is missing', async () => {
    const staged = await stageImport(csv([HEADER, GOOD]), { userId, name: 'b.csv' });
    expect(await answerImportPost(database, staged, post({ op: 'commit' }), userId)).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('refuses to commit every row of a list with an error (422, with the errors), and commits the valid ones', async () => {
    const staged = await stageImport(csv([HEADER, GOOD, BAD]), { userId, name: 'c.csv' });
    const before = await certificationCount();
    const all = await answerImportPost(database, staged, post({ op: 'commit', mode: 'all' }), userId);
    expect(all).toMatchObject({ kind: 'refused', status: 422 });
    expect(all.kind === 'refused' && all.commitErrors.length).toBeGreaterThan(0);
    expect(await certificationCount()).toBe(before);
    expect(await answerImportPost(database, staged, post({ op: 'commit', mode: 'valid' }), userId)).toEqual({ kind: 'see-preview' });
    expect(await certificationCount()).toBe(before + 1);
  });

  it('sends a commit sent again back to the preview, and refuses any other operation on a committed list with 409', async () => {
    const staged = await stageImport(csv([HEADER, GOOD.replace('2024', '2023')]), { userId, name: 'd.csv' });
    expect(await answerImportPost(database, staged, post({ op: 'commit', mode: 'all' }), userId)).toEqual({ kind: 'see-preview' });
    const committed = (await loadStaged(staged.token, userId))!;
    expect(await answerImportPost(database, committed, post({ op: 'commit', mode: 'all' }), userId)).toEqual({ kind: 'see-preview' });
    expect(await answerImportPost(database, committed, post({ op: 'map' }), userId)).toMatchObject({ kind: 'refused', status: 409 });
  });
});
