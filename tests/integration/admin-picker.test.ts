import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '#db/audit.ts';
import { resolvePicked, searchPicker } from '#db/queries/admin/picker.ts';
import { issuerFor } from '#db/queries/organisations.ts';
import { listProvinceUnits } from '#db/queries/provinces.ts';
import { establishments, organisations, provinces } from '#db/schema/index.ts';
import { PICKER_KINDS, PICKER_PAGE_SIZE_MAX, PICKER_QUERY_MAX } from '#domain/admin/picker.ts';
import { adminRoute, isAllowed, ROLES } from '#domain/auth.ts';
import { pickerAnswer } from '#server/picker-endpoint.ts';
import { resolvePickerFields } from '#server/picker-data.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let thaiNguyen: number;
const names = ['HTX chè Tân Cương', 'Hợp tác xã Chè Hảo Đạt', 'Công ty TNHH Gốm Chu Đậu', 'Hộ kinh doanh Mây tre Phú Vinh'];
const ids = new Map<string, number>();

beforeAll(async () => {
  database = await createTestDatabase();
  const [tn] = await database.db.select({ id: provinces.id }).from(provinces).where(eq(provinces.slug, 'thai-nguyen'));
  thaiNguyen = tn!.id;
  for (const [i, name] of names.entries()) {
    const [row] = await database.db
      .insert(establishments)
      .values({ slug: `co-so-${i}`, name, nameKey: `key${i}`, legalForm: 'cooperative', provinceId: thaiNguyen })
      .returning({ id: establishments.id });
    ids.set(name, row!.id);
  }
  // Paging needs more rows than a page: 60 of the same trade.
  await database.db.insert(establishments).values(
    Array.from({ length: 60 }, (_, i) => ({
      slug: `gom-${i}`,
      name: `Xưởng gốm số ${i}`,
      nameKey: `gom${i}`,
      legalForm: 'other' as const,
    })),
  );
});
afterAll(async () => database.dispose());

const ask = (kind: string, query: string, headers: Record<string, string> = { 'Sec-Fetch-Site': 'same-origin' }) =>
  pickerAnswer(database.db, kind, new Headers(headers), new URL(`http://localhost/admin/pick/${kind}/?${query}`));

describe('the route × role table for the pickers (R11, #20.1)', () => {
  it.each(PICKER_KINDS)('lets editors and admins, not viewers or anonymous visitors, ask /admin/pick/%s/', (kind) => {
    const route = adminRoute('GET', `/admin/pick/${kind}/`);
    expect(route?.action).toBe('pick.search');
    expect(ROLES.filter((role) => isAllowed(route!, role))).toEqual(['editor', 'admin']);
  });

  it('names no other list and no other method: those are refused by default', () => {
    expect(adminRoute('GET', '/admin/pick/users/')).toBeNull();
    expect(adminRoute('GET', '/admin/pick/establishments')).toBeNull();
    expect(adminRoute('POST', '/admin/pick/establishments/')).toBeNull();
  });
});

describe('the picker endpoint', () => {
  it('finds "hop tac xa che" without marks, whether the name is written HTX or in full, with province and level beside it', async () => {
    const response = await ask('establishments', 'q=hop+tac+xa+che');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { label: string; detail: string }[]; total: number };
    expect(body.items.map((i) => i.label).sort()).toEqual(['HTX chè Tân Cương', 'Hợp tác xã Chè Hảo Đạt'].sort());
    expect(body.items[0]!.detail).toContain('Thái Nguyên');
    expect(body.items[0]!.detail).toContain('Hợp tác xã');
  });

  it('pages through the answers without repeating one', async () => {
    const first = (await (await ask('establishments', 'q=gom&size=25')).json()) as { items: { id: number }[]; total: number };
    const second = (await (await ask('establishments', 'q=gom&size=25&page=2')).json()) as { items: { id: number }[] };
    const third = (await (await ask('establishments', 'q=gom&size=25&page=3')).json()) as { items: { id: number }[] };
    expect(first.total).toBe(61);
    const seen = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(seen).toHaveLength(61);
    expect(new Set(seen).size).toBe(61);
  });

  it.each([
    [`q=${'a'.repeat(PICKER_QUERY_MAX + 1)}`, 'query-too-long'],
    ['page=0', 'bad-page'],
    [`size=${PICKER_PAGE_SIZE_MAX + 1}`, 'bad-size'],
  ])('refuses %s with a 400 and the problem in Vietnamese and English', async (query, problem) => {
    const response = await ask('products', query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: { vi: string; en: string } };
    expect(body.error).toBe(problem);
    expect(body.message.vi).not.toBe('');
    expect(body.message.en).not.toBe('');
  });

  it('refuses a request another site made (Sec-Fetch-Site), and answers one without the header', async () => {
    expect((await ask('fairs', 'q=a', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await ask('fairs', 'q=a', { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await ask('fairs', 'q=a', {})).status).toBe(200);
  });

  it('answers 404 for a list that is not a picker', async () => {
    expect((await ask('users', 'q=a')).status).toBe(404);
  });

  it('sees a rename at once (the held list follows the table)', async () => {
    const id = ids.get('Công ty TNHH Gốm Chu Đậu')!;
    expect((await searchPicker(database.db, 'establishments', { q: 'chu dau', page: 1, size: 10 })).total).toBe(1);
    await database.db
      .update(establishments)
      .set({ name: 'Công ty TNHH Gốm Sứ Chu Đậu Hải Dương', updatedAt: new Date().toISOString() })
      .where(eq(establishments.id, id));
    // Every write the admin or an import makes is audited (R24): that is what the held list watches.
    await recordAudit(database.db, { label: 'test' }, { action: 'update', entity: 'establishments', entityId: id, after: {} });
    const after = await searchPicker(database.db, 'establishments', { q: 'gom su chu dau', page: 1, size: 10 });
    expect(after.items.map((i) => i.id)).toEqual([id]);
  });
});

describe('resolving what a plain input carries (no JavaScript)', () => {
  it('takes an id, a key (slug) or a name without marks that one record bears', async () => {
    const id = ids.get('HTX chè Tân Cương')!;
    expect(await resolvePicked(database.db, 'establishments', String(id))).toEqual({ ok: true, id });
    expect(await resolvePicked(database.db, 'establishments', 'co-so-0')).toEqual({ ok: true, id });
    expect(await resolvePicked(database.db, 'establishments', 'htx che tan cuong')).toEqual({ ok: true, id });
  });

  it('says a name is ambiguous and lists the candidates with their keys', async () => {
    const found = await resolvePicked(database.db, 'provinces', 'Hà Nội');
    expect(found).toMatchObject({ ok: false, problem: 'ambiguous' });
    expect(found.ok === false && found.problem === 'ambiguous' && found.candidates.map((c) => c.key).sort()).toEqual([
      'ha-noi',
      'ha-noi-truoc-2025',
    ]);
    expect(await resolvePicked(database.db, 'provinces', 'ha-noi-truoc-2025')).toMatchObject({ ok: true });
  });

  it('turns a posted form’s picker text into ids, and explains what it cannot', async () => {
    const form = new FormData();
    form.set('name', 'Trà xanh');
    form.set('establishmentId', 'Hợp tác xã Chè Hảo Đạt');
    const ok = await resolvePickerFields(
      database.db,
      [{ name: 'establishmentId', label: 'Cơ sở', kind: 'select', picker: 'establishments' }],
      form,
    );
    expect(ok.errors).toEqual({});
    expect(ok.form.get('establishmentId')).toBe(String(ids.get('Hợp tác xã Chè Hảo Đạt')));
    expect(ok.form.get('name')).toBe('Trà xanh');

    form.set('establishmentId', 'HTX không có');
    const unknown = await resolvePickerFields(
      database.db,
      [{ name: 'establishmentId', label: 'Cơ sở', kind: 'select', picker: 'establishments' }],
      form,
    );
    expect(unknown.errors['establishmentId']).toBe(
      'Không tìm thấy “HTX không có” trong danh mục cơ sở; hãy gõ đúng tên đầy đủ hoặc mã của bản ghi.',
    );
  });
});

describe('issuers in the seed (#20.1)', () => {
  it('holds a People’s Committee for every province of both eras, with its dates of validity', async () => {
    const all = await database.db.select({ id: provinces.id }).from(provinces);
    const committees = await database.db
      .select({ provinceId: organisations.provinceId })
      .from(organisations)
      .where(eq(organisations.kind, 'provincial_committee'));
    expect(new Set(committees.map((c) => c.provinceId))).toEqual(new Set(all.map((p) => p.id)));
  });

  it('finds the issuer of a provincial certificate instead of making one', async () => {
    const before = (await database.db.select({ id: organisations.id }).from(organisations)).length;
    const rows = await listProvinceUnits(database.db);
    expect(rows.length).toBeGreaterThan(0);
    for (const province of rows) expect(await issuerFor(database.db, 'provincial', province)).not.toBeNull();
    expect((await database.db.select({ id: organisations.id }).from(organisations)).length).toBe(before);
  });
});
