import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '#db/client.ts';
import {
  certificationKind,
  establishmentKind,
  exhibitorKind,
  fairKind,
  organisationKind,
  productKind,
  recordKind,
} from '#db/queries/admin/kinds.ts';
import { loadOptions } from '#db/queries/admin/options.ts';
import { createRecord, listRecords, recordAuditRow, recordHistory, updateRecord, type RecordKind } from '#db/queries/admin/records.ts';
import { getCertificationByCode, getProductBySlug } from '#db/queries/product-records.ts';
import { auditLog, certifications, organisationNames, organisations, products, provinces } from '#db/schema/index.ts';
import { asPosted } from '#domain/admin/form.ts';
import { parseRegistryCode } from '#domain/registry-code.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let thaiNguyen: number;
let haTay: number;
/** Issuers the levels imply (#20.1): the ministry, and Thái Nguyên's People's Committee from the seed. */
let ministry: number;
let thaiNguyenCommittee: number;
const editor = { label: 'test-editor' };

beforeAll(async () => {
  database = await createTestDatabase();
  const rows = await database.db.select({ id: provinces.id, name: provinces.name, era: provinces.era }).from(provinces);
  thaiNguyen = rows.find((p) => p.name === 'Thái Nguyên' && p.era === 'current')!.id;
  haTay = rows.find((p) => p.name === 'Bắc Giang' && p.era === 'pre2025')!.id;
  const orgs = await database.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations);
  ministry = orgs.find((o) => o.slug === 'bo-cong-thuong')!.id;
  thaiNguyenCommittee = orgs.find((o) => o.slug === 'ubnd-tinh-thai-nguyen')!.id;
});
afterAll(async () => database.dispose());

/** Reads a form through the kind's schema and creates the record, as the page does. */
async function create(kind: RecordKind, form: Record<string, unknown>) {
  const read = kind.read(form);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const result = await writeTransaction(database, (tx) => createRecord(tx, kind, read.value, editor));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

async function save(kind: RecordKind, id: number, form: Record<string, unknown>, actor: { label: string } = editor) {
  const read = kind.read(form);
  if (!read.ok) return { ok: false as const, reason: 'form' as const, errors: read.errors };
  return writeTransaction(database, (tx) => updateRecord(tx, kind, id, read.value, actor));
}

const establishmentForm = (over: Record<string, unknown> = {}) => ({
  name: 'HTX chè Tuyết Hương',
  legalForm: 'cooperative',
  provinceId: String(thaiNguyen),
  status: 'published',
  version: '1',
  ...over,
});

describe('optimistic locking (R28) and history (R24), every kind the same way', () => {
  it('lets exactly one of several editors holding the same version save; the others change nothing', async () => {
    const { id } = await create(establishmentKind, establishmentForm());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.stringMatching(/^0\d{9}$/), { minLength: 2, maxLength: 8 }), async (phones) => {
        const before = (await establishmentKind.load(database.db, id))!;
        const results = await Promise.all(
          phones.map((phone, i) =>
            save(establishmentKind, id, establishmentForm({ phone, version: String(before.version) }), { label: `editor-${i}` }),
          ),
        );
        const winners = results.flatMap((r, i) => (r.ok ? [phones[i]] : []));
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'conflict')).toBe(true);
        const after = (await establishmentKind.load(database.db, id))!;
        expect(after.version).toBe(before.version + 1);
        expect(after['phone']).toBe(winners[0]);
      }),
      { numRuns: 15 },
    );
    const history = await recordHistory(database.db, 'establishments', id);
    expect(history.filter((h) => h.action === 'update')).toHaveLength(15);
    expect((history[0]!.after as { version: number }).version).toBe((await establishmentKind.load(database.db, id))!.version);
  });

  it('20 editors × 50 saves on one record: no lost update', async () => {
    const { id } = await create(establishmentKind, establishmentForm({ name: 'Cơ sở thử tải' }));
    let applied = 0;
    for (let round = 0; round < 50; round++) {
      const { version } = (await establishmentKind.load(database.db, id))!;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, e) =>
          save(
            establishmentKind,
            id,
            establishmentForm({ name: 'Cơ sở thử tải', address: `vòng ${round} người ${e}`, version: String(version) }),
          ),
        ),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      applied++;
      const state = (await establishmentKind.load(database.db, id))!;
      expect(state['address']).toBe((winners[0] as { state: Record<string, unknown> }).state['address']);
    }
    const history = await recordHistory(database.db, 'establishments', id);
    expect(history.filter((h) => h.action === 'update')).toHaveLength(applied);
    expect((await establishmentKind.load(database.db, id))!.version).toBe(1 + applied);
  });

  it('refuses an unknown province and writes nothing, not even an audit row', async () => {
    const audits = (await database.db.select().from(auditLog)).length;
    const read = establishmentKind.read(establishmentForm({ name: 'Cơ sở mới', provinceId: '999999' }));
    expect(read.ok).toBe(true);
    const result = await writeTransaction(database, (tx) =>
      createRecord(tx, establishmentKind, read.ok ? read.value : (null as never), editor),
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid', field: 'provinceId' });
    expect((await database.db.select().from(auditLog)).length).toBe(audits);
  });

  it('rolls the change back with its audit row when the transaction fails after them (R24, R27)', async () => {
    const { id } = await create(establishmentKind, establishmentForm({ name: 'Cơ sở rollback' }));
    const before = (await establishmentKind.load(database.db, id))!;
    const audits = (await database.db.select().from(auditLog)).length;
    const read = establishmentKind.read(establishmentForm({ name: 'Cơ sở rollback', address: 'mới', version: String(before.version) }));
    await expect(
      writeTransaction(database, async (tx) => {
        await updateRecord(tx, establishmentKind, id, read.ok ? read.value : (null as never), editor);
        throw new Error('disk full (simulated)');
      }),
    ).rejects.toThrow('disk full');
    expect(await establishmentKind.load(database.db, id)).toEqual(before);
    expect((await database.db.select().from(auditLog)).length).toBe(audits);
  });
});

describe('products, singles and sets', () => {
  it('stores a set’s items in order, records them in the history, and restores an earlier list', async () => {
    const producer = await create(establishmentKind, establishmentForm({ name: 'Công ty Gốm Bát Tràng' }));
    const created = await create(productKind, {
      name: 'Bộ sản phẩm gốm men lam',
      kind: 'set',
      establishmentId: String(producer.id),
      setItems: 'Bình hút lộc\r\n  Lọ hoa  \n\nĐĩa trang trí',
      status: 'draft',
      version: '1',
    });
    expect(created.state['setItems']).toEqual(['Bình hút lộc', 'Lọ hoa', 'Đĩa trang trí']);
    const [row] = await database.db.select().from(products).where(eq(products.id, created.id));
    expect(row).toMatchObject({ slug: 'bo-san-pham-gom-men-lam', nameKey: 'bosanphamgommenlam', status: 'draft' });

    const saved = await save(productKind, created.id, {
      ...asPosted(productKind.fields, created.state, 1),
      setItems: 'Lọ hoa\nBình hút lộc',
    });
    expect(saved.ok).toBe(true);
    const history = await recordHistory(database.db, 'products', created.id);
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect((history[0]!.before as Record<string, unknown>)['setItems']).toEqual(['Bình hút lộc', 'Lọ hoa', 'Đĩa trang trí']);

    // Restoring the created state through the same schema, as the history page does.
    const audit = await recordAuditRow(database.db, 'products', created.id, history[1]!.id);
    const restored = await save(productKind, created.id, asPosted(productKind.fields, audit!.after as Record<string, unknown>, 2));
    expect(restored.ok && restored.state['setItems']).toEqual(['Bình hút lộc', 'Lọ hoa', 'Đĩa trang trí']);
    expect(restored.ok && restored.state.version).toBe(3);
  });

  it('keeps drafts off the public site until they are published', async () => {
    const created = await create(productKind, { name: 'Nước mắm Cát Hải thử', kind: 'single', status: 'draft', version: '1' });
    const [row] = await database.db.select({ slug: products.slug }).from(products).where(eq(products.id, created.id));
    expect(await getProductBySlug(database.db, row!.slug)).toBeNull();
    await save(productKind, created.id, { ...asPosted(productKind.fields, created.state, 1), status: 'published' });
    expect(await getProductBySlug(database.db, row!.slug)).not.toBeNull();
  });
});

describe('certifications', () => {
  it('get a registry code that verifies, the import identity, and the rule’s end of validity unless staff set one', async () => {
    const producer = await create(establishmentKind, establishmentForm({ name: 'HTX trà Tân Cương' }));
    const product = await create(productKind, {
      name: 'Trà móc câu Tân Cương',
      kind: 'single',
      establishmentId: String(producer.id),
      status: 'published',
      version: '1',
    });
    const cert = await create(certificationKind, {
      productId: String(product.id),
      level: 'provincial',
      roundYear: '2024',
      provinceId: String(thaiNguyen),
      issuerId: String(thaiNguyenCommittee),
      decisionNo: '1234/QĐ-UBND',
      status: 'published',
      version: '1',
    });
    const [row] = await database.db.select().from(certifications).where(eq(certifications.id, cert.id));
    expect(parseRegistryCode(row!.registryCode)).toMatchObject({ ok: true });
    expect(row).toMatchObject({
      validUntil: '2027-12-31',
      validUntilSource: 'rule',
    });
    expect(row!.importKey).toMatch(/\|provincial\|2024$/);
    expect((await getCertificationByCode(database.db, row!.registryCode))?.decisionNo).toBe('1234/QĐ-UBND');
    expect(cert.state['validUntil']).toBeNull();

    const manual = await save(certificationKind, cert.id, {
      ...asPosted(certificationKind.fields, cert.state, 1),
      validUntil: '2026-06-30',
    });
    expect(manual.ok).toBe(true);
    const [after] = await database.db.select().from(certifications).where(eq(certifications.id, cert.id));
    expect(after).toMatchObject({ validUntil: '2026-06-30', validUntilSource: 'manual', registryCode: row!.registryCode });

    // The product is fixed once chosen: a posted productId on an update does not move the certificate.
    const other = await create(productKind, { name: 'Trà búp', kind: 'single', status: 'published', version: '1' });
    const moved = await save(certificationKind, cert.id, {
      ...asPosted(certificationKind.fields, (await certificationKind.load(database.db, cert.id))!, 2),
      productId: String(other.id),
    });
    expect(moved.ok).toBe(true);
    expect((await certificationKind.load(database.db, cert.id))!['productId']).toBe(product.id);
  });

  it('refuses a second certification of the same product at the same level in the same year', async () => {
    const product = await create(productKind, { name: 'Mật ong bạc hà', kind: 'single', status: 'published', version: '1' });
    const form = {
      productId: String(product.id),
      level: 'national',
      roundYear: '2023',
      provinceId: String(haTay),
      issuerId: String(ministry),
      status: 'published',
      version: '1',
    };
    await create(certificationKind, form);
    const read = certificationKind.read(form);
    const again = await writeTransaction(database, (tx) =>
      createRecord(tx, certificationKind, read.ok ? read.value : (null as never), editor),
    );
    expect(again).toMatchObject({ ok: false, reason: 'invalid', field: 'roundYear' });
  });
});

describe('fairs and exhibitors', () => {
  it('canonicalises booth codes, shows only the establishment’s own products, and refuses a second booth for it', async () => {
    const fair = await create(fairKind, {
      name: 'Hội chợ triển lãm hàng thủ công mỹ nghệ 2026',
      level: 'provincial',
      startDate: '2026-12-01',
      endDate: '2026-12-05',
      status: 'draft',
      version: '1',
    });
    expect(fair.state['country']).toBe('VN');
    const producer = await create(establishmentKind, establishmentForm({ name: 'Làng nghề mây tre đan Phú Vinh' }));
    const basket = await create(productKind, {
      name: 'Giỏ mây',
      kind: 'single',
      establishmentId: String(producer.id),
      status: 'published',
      version: '1',
    });
    const stranger = await create(productKind, { name: 'Chiếu cói', kind: 'single', status: 'published', version: '1' });
    const exhibitor = await create(exhibitorKind, {
      fairId: String(fair.id),
      establishmentId: String(producer.id),
      boothCode: 'gian a 012',
      status: 'published',
      version: '1',
      productIds: [String(basket.id)],
    });
    expect(exhibitor.state).toMatchObject({ boothCode: 'A12', productIds: [basket.id] });
    expect((await loadOptions(database.db, exhibitorKind.fields, { establishmentId: producer.id })).exhibitorProducts).toEqual([
      { value: String(basket.id), label: 'Giỏ mây' },
    ]);

    const foreign = await save(exhibitorKind, exhibitor.id, {
      ...asPosted(exhibitorKind.fields, exhibitor.state, 1),
      productIds: [String(basket.id), String(stranger.id)],
    });
    expect(foreign).toMatchObject({ ok: false, reason: 'invalid', field: 'productIds' });

    const listed = await listRecords(database.db, exhibitorKind, { q: 'gio may a12' });
    expect(listed.rows.map((r) => r.cells)).toEqual([[fair.state['name'], 'A12', null, 'Giỏ mây']]);

    const read = exhibitorKind.read({
      fairId: String(fair.id),
      establishmentId: String(producer.id),
      status: 'published',
      version: '1',
      productIds: [],
    });
    const twice = await writeTransaction(database, (tx) => createRecord(tx, exhibitorKind, read.ok ? read.value : (null as never), editor));
    expect(twice).toMatchObject({ ok: false, reason: 'invalid', field: 'establishmentId' });
  });
});

describe('organisations', () => {
  it('keeps a name’s note when its dates are corrected, and lists names oldest first', async () => {
    const org = await create(organisationKind, {
      names: 'Sở Công nghiệp Hà Tây | | 2008-07-31',
      kind: 'provincial_department',
      provinceId: String(haTay),
      status: 'published',
      version: '1',
    });
    const [first] = await database.db.select().from(organisationNames).where(eq(organisationNames.organisationId, org.id));
    await database.db.update(organisationNames).set({ note: 'Sáp nhập vào Hà Nội' }).where(eq(organisationNames.id, first!.id));
    const saved = await save(organisationKind, org.id, {
      ...asPosted(organisationKind.fields, org.state, 1),
      names: 'Sở Công nghiệp Hà Tây | 2000 | 2008-07-31\nSở Công Thương Hà Nội | 2008-08-01 |',
    });
    expect(saved.ok && saved.state['names']).toEqual(['Sở Công nghiệp Hà Tây | 2000 | 2008-07-31', 'Sở Công Thương Hà Nội | 2008-08-01 |']);
    const names = await database.db.select().from(organisationNames).where(eq(organisationNames.organisationId, org.id));
    expect(names.map((n) => [n.name, n.note])).toEqual([
      ['Sở Công nghiệp Hà Tây', 'Sáp nhập vào Hà Nội'],
      ['Sở Công Thương Hà Nội', null],
    ]);
    expect(await organisationKind.title(database.db, org.id)).toBe('Sở Công Thương Hà Nội');
  });
});

describe('lists', () => {
  it('search without marks, filter by status, and page', async () => {
    const kind = recordKind('establishments')!;
    const found = await listRecords(database.db, kind, { q: 'tuyet huong' });
    expect(found.rows.map((r) => r.title)).toContain('HTX chè Tuyết Hương');
    const drafts = await listRecords(database.db, recordKind('products')!, { filters: { status: 'draft' } });
    expect(drafts.rows.every((r) => r.status === 'draft')).toBe(true);
    expect(drafts.total).toBeGreaterThan(0);
    expect(recordKind('users')).toBeNull();
    expect(recordKind('__proto__')).toBeNull();
  });
});
