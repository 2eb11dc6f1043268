import { and, count, eq } from 'drizzle-orm';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '#db/client.ts';
import { saveBoothPositions, getEditablePlan } from '#db/queries/admin/floor-plan.ts';
import { certificationKind, establishmentKind, exhibitorKind, fairKind, productKind } from '#db/queries/admin/kinds.ts';
import { createRecord, updateRecord, type RecordKind } from '#db/queries/admin/records.ts';
import { auditLog, certifications, organisations, provinces } from '#db/schema/index.ts';
import { asPosted } from '#domain/admin/form.ts';
import { fillPostedProvince, prefillProvince } from '#server/certification-prefill.ts';
import { getPendingChanges, getRecordPublication, getReleaseSummaries } from '#server/pending-data.ts';
import { CURRENT, RELEASE_FILE, type ReleaseRecord } from '#server/releases.ts';
import { TMP } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let releases: string;
let bacGiang: number;
/** The ministry's department that issues regional certifications (an issuer is required at that level, #20.1). */
let regionalIssuer: number;
let thaiNguyen: number;
const editor = { label: 'test-editor' };

beforeAll(async () => {
  database = await createTestDatabase();
  releases = mkdtempSync(join(TMP, 'releases-'));
  const rows = await database.db.select({ id: provinces.id, name: provinces.name, era: provinces.era }).from(provinces);
  bacGiang = rows.find((p) => p.name === 'Bắc Giang' && p.era === 'pre2025')!.id;
  regionalIssuer = (
    await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'cuc-khuyen-cong'))
  )[0]!.id;
  thaiNguyen = rows.find((p) => p.name === 'Thái Nguyên' && p.era === 'current')!.id;
});
afterAll(async () => {
  rmSync(releases, { recursive: true, force: true });
  await database.dispose();
});

async function create(kind: RecordKind, form: Record<string, unknown>) {
  const read = kind.read(form);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const result = await writeTransaction(database, (tx) => createRecord(tx, kind, read.value, editor));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

/** A release folder served as `current`, holding the audit log up to `lastAuditId`. */
function serve(id: string, lastAuditId: number): ReleaseRecord {
  const record = {
    id,
    stamp: 'x',
    publishedAt: new Date().toISOString(),
    actor: 'test',
    durationMs: 1,
    pages: 1,
    bytes: 1,
    lastAuditId,
    changes: { total: 0, byEntity: {}, list: [] },
    backup: null,
  };
  mkdirSync(join(releases, id), { recursive: true });
  writeFileSync(join(releases, id, RELEASE_FILE), JSON.stringify(record));
  rmSync(join(releases, CURRENT), { force: true });
  symlinkSync(id, join(releases, CURRENT));
  return record;
}
const lastAuditId = async () => (await database.db.select({ n: count() }).from(auditLog))[0]!.n;

async function producerWithProduct(name: string) {
  const producer = await create(establishmentKind, {
    name,
    legalForm: 'cooperative',
    provinceId: String(bacGiang),
    status: 'published',
    version: '1',
  });
  const product = await create(productKind, {
    name: `Sản phẩm của ${name}`,
    kind: 'single',
    establishmentId: String(producer.id),
    status: 'published',
    version: '1',
  });
  return { producer, product };
}

describe('province when certified (#20.4)', () => {
  it('is prefilled from the establishment of the product, on the form and on a post that left it empty', async () => {
    const { product } = await producerWithProduct('HTX vải thiều Lục Ngạn');
    expect(await prefillProvince(database.db, 'certifications', { productId: String(product.id) })).toEqual({
      productId: String(product.id),
      provinceId: String(bacGiang),
    });
    expect(await prefillProvince(database.db, 'certifications', { productId: String(product.id), provinceId: '7' })).toMatchObject({
      provinceId: '7',
    });
    expect(await prefillProvince(database.db, 'products', { productId: String(product.id) })).not.toHaveProperty('provinceId');
    const form = new FormData();
    form.set('productId', String(product.id));
    form.set('provinceId', '');
    await fillPostedProvince(database.db, 'certifications', form);
    expect(form.get('provinceId')).toBe(String(bacGiang));
  });

  it('refuses a regional certification whose province is outside the region, and saves nothing', async () => {
    const { product } = await producerWithProduct('HTX mây tre Bắc Giang');
    const before = (await database.db.select({ n: count() }).from(certifications))[0]!.n;
    const form = {
      productId: String(product.id),
      level: 'regional',
      regionCode: 'south',
      roundYear: '2024',
      provinceId: String(bacGiang),
      issuerId: String(regionalIssuer),
      status: 'published',
      version: '1',
    };
    const read = certificationKind.read(form);
    if (!read.ok) throw new Error('form');
    const refused = await writeTransaction(database, (tx) => createRecord(tx, certificationKind, read.value, editor));
    expect(refused).toEqual({
      ok: false,
      reason: 'invalid',
      field: 'provinceId',
      message: expect.stringContaining('Bắc Giang không thuộc Khu vực phía Nam') as unknown,
    });
    expect((await database.db.select({ n: count() }).from(certifications))[0]!.n).toBe(before);
    expect((await create(certificationKind, { ...form, regionCode: 'north' })).ok).toBe(true);
  });

  it('accepts a current province by the regions of the old provinces it took in (Lâm Đồng: centre and south)', async () => {
    const { product } = await producerWithProduct('HTX cà phê Lâm Đồng');
    const [lamDong] = await database.db
      .select({ id: provinces.id })
      .from(provinces)
      .where(and(eq(provinces.name, 'Lâm Đồng'), eq(provinces.era, 'current')));
    const cert = await create(certificationKind, {
      productId: String(product.id),
      level: 'regional',
      regionCode: 'south',
      roundYear: '2026',
      provinceId: String(lamDong!.id),
      issuerId: String(regionalIssuer),
      status: 'published',
      version: '1',
    });
    expect(cert.ok).toBe(true);
  });
});

describe('pending changes and a record’s standing (#20.3)', () => {
  it('says never published, then live once served, then changed after an edit, and lists the record once', async () => {
    const producer = await create(establishmentKind, {
      name: 'HTX chè Tân Cương thử',
      legalForm: 'cooperative',
      provinceId: String(thaiNguyen),
      status: 'published',
      version: '1',
    });
    expect(await getRecordPublication(database.db, 'establishments', producer.id, releases)).toBe('never');
    serve('20261207T010000000Z-aaaa', await lastAuditId());
    expect(await getRecordPublication(database.db, 'establishments', producer.id, releases)).toBe('live');
    let state = producer.state;
    for (const phone of ['0208 3855 001', '0208 3855 002']) {
      const read = establishmentKind.read({ ...asPosted(establishmentKind.fields, state, state.version), phone });
      if (!read.ok) throw new Error('form');
      const saved = await writeTransaction(database, (tx) => updateRecord(tx, establishmentKind, producer.id, read.value, editor));
      if (!saved.ok) throw new Error('save');
      state = saved.state;
    }
    expect(await getRecordPublication(database.db, 'establishments', producer.id, releases)).toBe('changed');
    const pending = await getPendingChanges(database.db, releases);
    expect(pending.items).toEqual([
      expect.objectContaining({
        entity: 'establishments',
        id: producer.id,
        change: 'changed',
        edits: 2,
        title: 'HTX chè Tân Cương thử',
        href: `/admin/establishments/${producer.id}/`,
      }),
    ]);
  });

  it('summarises each release by records between it and the release before', async () => {
    const first = serve('20261207T020000000Z-bbbb', await lastAuditId());
    const fair = await create(fairKind, { name: 'Hội chợ tóm tắt', country: 'VN', status: 'published', version: '1' });
    await database.db.insert(auditLog).values({ action: 'login', entity: 'users', entityId: 1 });
    const second = serve('20261207T030000000Z-cccc', await lastAuditId());
    const summaries = await getReleaseSummaries(database.db, [second, first]);
    expect(summaries.get(second.id)).toMatchObject({ byEntity: { fairs: 1 }, staffOnly: { 'sign-ins': 1 } });
    expect(summaries.get(second.id)!.records.map((r) => r.id)).toEqual([fair.id]);
  });
});

describe('saving a floor plan (#20.2)', () => {
  it('saves moved booths with their audit rows, and on a stale version saves nothing and returns both', async () => {
    const fair = await create(fairKind, {
      name: 'Hội chợ sơ đồ',
      country: 'VN',
      planWidth: '600',
      planHeight: '400',
      status: 'published',
      version: '1',
    });
    const producer = await create(establishmentKind, {
      name: 'HTX dệt Vạn Phúc thử',
      legalForm: 'cooperative',
      provinceId: String(thaiNguyen),
      status: 'published',
      version: '1',
    });
    const booth = await create(exhibitorKind, {
      fairId: String(fair.id),
      establishmentId: String(producer.id),
      boothCode: 'a1',
      status: 'published',
      version: '1',
    });
    const moved = await writeTransaction(database, (tx) =>
      saveBoothPositions(tx, fair.id, [{ id: booth.id, version: 1, x: 40, y: 60, w: 60, h: 40 }], editor),
    );
    expect(moved).toEqual({ ok: true, saved: 1 });
    const plan = (await getEditablePlan(database.db, fair.id))!;
    expect(plan.booths).toEqual([expect.objectContaining({ id: booth.id, booth: 'A1', rect: { x: 40, y: 60, w: 60, h: 40 }, version: 2 })]);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'fair_exhibitors'), eq(auditLog.entityId, booth.id)))
      .orderBy(auditLog.id)
      .limit(1)
      .offset(1);
    expect(audit).toMatchObject({
      action: 'update',
      entity: 'fair_exhibitors',
      before: expect.objectContaining({ planX: null }) as unknown,
      after: expect.objectContaining({ planX: 40 }) as unknown,
    });

    const stale = await writeTransaction(database, (tx) =>
      saveBoothPositions(tx, fair.id, [{ id: booth.id, version: 1, x: 100, y: 60, w: 60, h: 40 }], editor),
    );
    expect(stale).toEqual({
      ok: false,
      reason: 'conflict',
      conflicts: [
        {
          id: booth.id,
          mine: expect.objectContaining({ x: 100 }) as unknown,
          theirs: expect.objectContaining({ rect: { x: 40, y: 60, w: 60, h: 40 }, version: 2 }) as unknown,
        },
      ],
    });
    expect((await getEditablePlan(database.db, fair.id))!.booths[0]!.rect).toEqual({ x: 40, y: 60, w: 60, h: 40 });

    const elsewhere = await writeTransaction(database, (tx) =>
      saveBoothPositions(tx, fair.id + 1000, [{ id: booth.id, version: 2, x: 0, y: 0, w: 10, h: 10 }], editor),
    );
    expect(elsewhere).toMatchObject({ ok: false, reason: 'not-found' });
  });
});
