/**
 * Decisions as records staff edit (issue #16): create, edit, conflicts, history and restore through the
 * record kind; certifications pointing to them; and the decision's PDF through its route handlers —
 * refused when it is not a clean PDF or too large, stored by hash, replaced and removed with audit rows,
 * and served publicly only while a published decision names it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIContext } from 'astro';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '#db/client.ts';
import { certificationKind, recordKind } from '#db/queries/admin/kinds.ts';
import { decisionKind } from '#db/queries/admin/decision-kind.ts';
import { loadOptions } from '#db/queries/admin/options.ts';
import { createRecord, listRecords, recordAuditRow, recordHistory, updateRecord, type RecordKind } from '#db/queries/admin/records.ts';
import { auditLog, decisions, organisations, products, provinces, users } from '#db/schema/index.ts';
import { asPosted } from '#domain/admin/form.ts';
import { MAX_DOCUMENT_BYTES } from '#domain/pdf-check.ts';
import { POST as postDocument } from '#pages/admin/decisions/[id]/document.ts';
import { GET as adminDownload } from '#pages/admin/decisions/[id]/document.pdf.ts';
import { GET as publicDocument } from '#pages/documents/[file].pdf.ts';
import { documentsDir } from '#server/documents.ts';
import { cleanPdf, hiddenJsPdf, openActionPdf } from '../support/pdf-factory.ts';
import { TMP } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let userId: number;
let productId: number;
let provinceId: number;
/** The ministry: a national certificate's issuer, required since #20.1. */
let ministryId: number;
const editor = { label: 'test-editor' };

beforeAll(async () => {
  process.env['UPLOADS_DIR'] = join(TMP, `documents-${randomBytes(4).toString('hex')}`);
  mkdirSync(process.env['UPLOADS_DIR'], { recursive: true });
  database = await createTestDatabase();
  // The route handlers open the process-wide database from the environment: point it at this one.
  process.env['DATABASE_URL'] = database.url;
  const [user] = await database.db
    .insert(users)
    .values({ email: 'editor@example.vn', passwordHash: 'x', role: 'editor' })
    .returning({ id: users.id });
  userId = user!.id;
  const [product] = await database.db
    .insert(products)
    .values({ slug: 'che-tan-cuong', name: 'Chè Tân Cương', nameKey: 'chetancuong' })
    .returning({ id: products.id });
  productId = product!.id;
  provinceId = (await database.db.select({ id: provinces.id }).from(provinces).where(eq(provinces.name, 'Thái Nguyên')))[0]!.id;
  ministryId = (await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'bo-cong-thuong')))[0]!
    .id;
});
afterAll(async () => database.dispose());

async function create(kind: RecordKind, form: Record<string, unknown>) {
  const read = kind.read(form);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return writeTransaction(database, (tx) => createRecord(tx, kind, read.value, editor));
}
async function created(kind: RecordKind, form: Record<string, unknown>) {
  const result = await create(kind, form);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}
async function save(kind: RecordKind, id: number, form: Record<string, unknown>) {
  const read = kind.read(form);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return writeTransaction(database, (tx) => updateRecord(tx, kind, id, read.value, editor));
}

const decisionForm = (over: Record<string, unknown> = {}) => ({
  number: '3116/QĐ-BCT',
  decisionDate: '2023-12-01',
  issuerText: 'Bộ Công Thương',
  level: 'national',
  roundYear: '2023',
  productsCertified: '173',
  sourceUrl: 'http://khuyencongonline.gov.vn/qd-3116',
  status: 'published',
  version: '1',
  ...over,
});
const certificationForm = (over: Record<string, unknown> = {}) => ({
  productId: String(productId),
  level: 'national',
  roundYear: '2023',
  provinceId: String(provinceId),
  issuerId: String(ministryId),
  status: 'published',
  version: '1',
  ...over,
});

describe('decisions as a record kind', () => {
  it('is the kind of the /admin/decisions/ section', () => {
    expect(recordKind('decisions')).toBe(decisionKind);
  });

  it('creates a decision with its number key and slug, and records it', async () => {
    const { id, state } = await created(decisionKind, decisionForm());
    const [row] = await database.db.select().from(decisions).where(eq(decisions.id, id));
    expect(row).toMatchObject({ number: '3116/QĐ-BCT', numberKey: '3116/QD-BCT', slug: '3116-qd-bct-2023', productsCertified: 173 });
    expect(state).toMatchObject({ number: '3116/QĐ-BCT', documentHash: null, version: 1 });
    const [audit] = await recordHistory(database.db, 'decisions', id);
    expect(audit).toMatchObject({ action: 'create', actorLabel: 'test-editor' });
  });

  it('refuses the same number of the same issuer in the same year, in any spelling, and writes nothing', async () => {
    const before = (await database.db.select({ n: count() }).from(decisions))[0]!.n;
    const result = await create(decisionKind, decisionForm({ number: '3116/QD-BCT' }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid', field: 'number' });
    expect((await database.db.select({ n: count() }).from(decisions))[0]!.n).toBe(before);
  });

  it('gives two provinces’ "1493/QĐ-UBND" of one year their own slugs', async () => {
    const form = { level: 'provincial', roundYear: '2022', productsCertified: '', sourceUrl: '' };
    const a = await created(
      decisionKind,
      decisionForm({ ...form, number: '1493/QĐ-UBND', decisionDate: '2022-07-07', issuerText: 'UBND tỉnh Bình Thuận' }),
    );
    const b = await created(
      decisionKind,
      decisionForm({ ...form, number: '1493/QĐ-UBND', decisionDate: '2022-03-01', issuerText: 'UBND tỉnh Ninh Bình' }),
    );
    const c = await created(
      decisionKind,
      decisionForm({ ...form, number: '1493/QĐ-UBND', decisionDate: '2022-05-05', issuerText: 'UBND' }),
    );
    const d = await created(decisionKind, decisionForm({ ...form, number: '1493/QĐ-UBND', decisionDate: '2022-06-06', issuerText: '' }));
    const slugs = await database.db.select({ id: decisions.id, slug: decisions.slug }).from(decisions);
    const slug = (id: number) => slugs.find((s) => s.id === id)!.slug;
    expect([a, b, c, d].map((r) => slug(r.id))).toEqual([
      '1493-qd-ubnd-2022-binh-thuan',
      '1493-qd-ubnd-2022-ninh-binh',
      '1493-qd-ubnd-2022',
      '1493-qd-ubnd-2022-2',
    ]);
  });

  it('saves an edit, refuses a stale one with 409 and nothing changed, and restores an earlier state', async () => {
    const { id } = await created(decisionKind, decisionForm({ number: '1997/QĐ-BCT', decisionDate: '2021-08-23', roundYear: '2021' }));
    const base = decisionForm({ number: '1997/QĐ-BCT', decisionDate: '2021-08-23', roundYear: '2021' });
    expect(await save(decisionKind, id, { ...base, productsCertified: '200', version: '1' })).toMatchObject({ ok: true });
    const stale = await save(decisionKind, id, { ...base, productsCertified: '5', version: '1' });
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { productsCertified: 200, version: 2 } });
    expect((await decisionKind.load(database.db, id))!['productsCertified']).toBe(200);

    const history = await recordHistory(database.db, 'decisions', id);
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    const first = await recordAuditRow(database.db, 'decisions', id, history[1]!.id);
    const read = decisionKind.read(asPosted(decisionKind.fields, first!.after as Record<string, unknown>, 2));
    expect(read.ok).toBe(true);
    if (read.ok) await writeTransaction(database, (tx) => updateRecord(tx, decisionKind, id, read.value, editor, 'restore'));
    expect(await decisionKind.load(database.db, id)).toMatchObject({ productsCertified: 173, version: 3 });
  });

  it('finds decisions without marks or separators, and filters them by level', async () => {
    const byNumber = await listRecords(database.db, decisionKind, { q: '3116 qd bct' });
    expect(byNumber.rows.map((r) => r.title)).toEqual(['3116/QĐ-BCT']);
    expect((await listRecords(database.db, decisionKind, { q: '3116qdbct' })).rows.map((r) => r.title)).toEqual(['3116/QĐ-BCT']);
    expect((await listRecords(database.db, decisionKind, { q: 'binh thuan' })).rows.map((r) => r.title)).toEqual(['1493/QĐ-UBND']);
    const provincial = await listRecords(database.db, decisionKind, { filters: { level: 'provincial' } });
    const all = await database.db.select({ level: decisions.level }).from(decisions);
    expect(provincial.total).toBe(all.filter((d) => d.level === 'provincial').length);
  });
});

describe('a certification points to its decision', () => {
  let decisionId: number;
  beforeAll(async () => {
    decisionId = (await database.db.select({ id: decisions.id }).from(decisions).where(eq(decisions.slug, '3116-qd-bct-2023')))[0]!.id;
  });

  it('offers the decisions of its level and year first', async () => {
    const options = await loadOptions(database.db, certificationKind.fields, { level: 'national', roundYear: 2023 });
    expect(options.decisions![0]).toMatchObject({ value: String(decisionId), group: 'Cùng cấp và năm' });
    expect(options.decisions!.filter((o) => o.group === 'Cùng cấp và năm')).toHaveLength(1);
  });

  it('copies the decision’s number when the number is left empty, and keeps a number typed by staff', async () => {
    const { id } = await created(certificationKind, certificationForm({ decisionId: String(decisionId) }));
    expect(await certificationKind.load(database.db, id)).toMatchObject({ decisionId, decisionNo: '3116/QĐ-BCT' });
    const typed = await save(
      certificationKind,
      id,
      certificationForm({ decisionId: String(decisionId), decisionNo: 'Số 3116/QĐ-BCT', version: '1' }),
    );
    expect(typed).toMatchObject({ ok: true, state: { decisionNo: 'Số 3116/QĐ-BCT' } });
  });

  it('refuses a decision of another level, and an unknown one, changing nothing', async () => {
    const provincial = (await database.db.select({ id: decisions.id }).from(decisions).where(eq(decisions.level, 'provincial')))[0]!.id;
    const other = await create(certificationKind, certificationForm({ roundYear: '2022', decisionId: String(provincial) }));
    expect(other).toMatchObject({ ok: false, reason: 'invalid', field: 'decisionId' });
    expect(other.ok ? '' : 'message' in other ? other.message : '').toContain('khác cấp');
    const unknown = await create(certificationKind, certificationForm({ roundYear: '2022', decisionId: '999999' }));
    expect(unknown).toMatchObject({ ok: false, reason: 'invalid', field: 'decisionId' });
  });
});

const documentRoute = (id: number) => `http://localhost/admin/decisions/${id}/document/`;
const callPost = (id: number | string, request: Request) =>
  postDocument({ params: { id: String(id) }, request, locals: { user: { id: userId } } } as unknown as APIContext);
function upload(id: number, fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return callPost(id, new Request(documentRoute(id), { method: 'POST', body: form }));
}
const pdfFile = (bytes: Uint8Array, name = 'Quyết định 3116.pdf') => new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const getPublic = (file: string, headers: Record<string, string> = {}) =>
  publicDocument({
    params: { file },
    request: new Request(`http://localhost/documents/${file}.pdf`, { headers }),
  } as unknown as APIContext);
const decisionAudits = async (id: number) =>
  (
    await database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'decisions'), eq(auditLog.entityId, id)))
  )[0]!.n;
const version = async (id: number) => String((await decisionKind.load(database.db, id))!.version);

describe('the decision’s PDF', () => {
  let id: number;
  beforeAll(async () => {
    ({ id } = await created(
      decisionKind,
      decisionForm({ number: '76/QĐ-CTĐP', level: 'regional', regionCode: 'north', roundYear: '2022', decisionDate: '2022-09-20' }),
    ));
  });

  it.each([
    ['an HTML page named .pdf', () => Buffer.from('<!doctype html><script>alert(1)</script>'), 415, 'không phải PDF'],
    ['a PDF that runs JavaScript on opening', openActionPdf, 422, 'JavaScript'],
    ['a PDF with /JS in a compressed object stream', hiddenJsPdf, 422, 'JavaScript'],
    ['a PDF cut in half', () => cleanPdf().subarray(0, 200), 422, 'cắt cụt'],
    ['an empty file', () => new Uint8Array(0), 422, 'Chưa chọn tệp'],
  ])('refuses %s, stores nothing and changes nothing', async (_name, bytes, status, message) => {
    const audits = await decisionAudits(id);
    const response = await upload(id, { op: 'upload', version: await version(id), file: pdfFile(bytes()) });
    expect(response.status).toBe(status);
    const html = await response.text();
    expect(html).toContain(message);
    expect(html).toContain(`href="/admin/decisions/${id}/#document"`);
    expect(await decisionAudits(id)).toBe(audits);
    expect((await decisionKind.load(database.db, id))!['documentHash']).toBeNull();
    expect(existsSync(documentsDir()) ? readdirSync(documentsDir()) : []).toEqual([]);
  });

  it('stops reading a body over the limit as it streams, and answers 413', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(256 * 1024);
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= MAX_DOCUMENT_BYTES * 2) return controller.close();
          pulled += chunk.length;
          controller.enqueue(chunk.slice());
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(documentRoute(id), {
      method: 'POST',
      body,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      duplex: 'half',
    } as RequestInit);
    const response = await callPost(id, request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(MAX_DOCUMENT_BYTES * 2);
    expect((await decisionKind.load(database.db, id))!['documentHash']).toBeNull();
  });

  it('refuses a file over 20 MB sent as a whole form with 413', async () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(cleanPdf());
    const response = await upload(id, { op: 'upload', version: await version(id), file: pdfFile(big) });
    expect(response.status).toBe(413);
  });

  it('stores a clean PDF by its SHA-256, file first, and records the change', async () => {
    const pdf = cleanPdf();
    const audits = await decisionAudits(id);
    const response = await upload(id, { op: 'upload', version: await version(id), file: pdfFile(pdf) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/decisions/${id}/?document=added#document`);
    const state = (await decisionKind.load(database.db, id))!;
    expect(state).toMatchObject({ documentHash: sha256(pdf), documentName: 'Quyết định 3116.pdf' });
    expect(readdirSync(documentsDir())).toEqual([`${sha256(pdf)}.pdf`]);
    expect(await decisionAudits(id)).toBe(audits + 1);
    const [last] = await recordHistory(database.db, 'decisions', id);
    expect(last).toMatchObject({ action: 'update', before: { documentHash: null }, after: { documentHash: sha256(pdf) } });
  });

  it('serves it publicly with a safe name, a sandboxing policy and no type guessing', async () => {
    const hash = sha256(cleanPdf());
    const response = await getPublic(hash);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="quyet-dinh-3116.pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%203116.pdf`,
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
      etag: `"${hash}"`,
    });
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(cleanPdf());
    expect((await getPublic(hash, { 'if-none-match': `"${hash}"` })).status).toBe(304);
  });

  it('answers 404 for any other name, and for a document no decision keeps', async () => {
    for (const name of ['0'.repeat(64), sha256(cleanPdf()).toUpperCase(), '../../etc/passwd', `${sha256(cleanPdf())}.pdf`, ''])
      expect((await getPublic(name)).status, name).toBe(404);
  });

  it('lets staff download it, also while the decision is a draft, where the public gets 404', async () => {
    const hash = sha256(cleanPdf());
    const current = (await decisionKind.load(database.db, id))!;
    await save(decisionKind, id, {
      ...asPosted(decisionKind.fields, current, current.version),
      status: 'draft',
    });
    expect((await getPublic(hash)).status).toBe(404);
    const staff = await adminDownload({ params: { id: String(id) }, request: new Request('http://localhost/x') } as unknown as APIContext);
    expect(staff.status).toBe(200);
    expect(staff.headers.get('content-type')).toBe('application/pdf');
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    await staff.body?.cancel();
  });

  it('refuses a change against a stale version with 409 and keeps the document', async () => {
    const hash = sha256(cleanPdf());
    const stale = String(Number(await version(id)) - 1);
    const response = await upload(id, { op: 'remove', version: stale });
    expect(response.status).toBe(409);
    expect((await decisionKind.load(database.db, id))!['documentHash']).toBe(hash);
  });

  it('replaces the document, removing the old file no decision keeps', async () => {
    const old = sha256(cleanPdf());
    const other = new Uint8Array(Buffer.concat([Buffer.from(cleanPdf()), Buffer.from('% một bản khác\n')]));
    // Still a valid PDF: the comment sits after %%EOF within the last kilobyte.
    const response = await upload(id, { op: 'upload', version: await version(id), file: pdfFile(other, 'QĐ 76.pdf') });
    expect(response.status).toBe(303);
    expect((await decisionKind.load(database.db, id))!['documentHash']).toBe(sha256(other));
    expect(readdirSync(documentsDir())).toEqual([`${sha256(other)}.pdf`]);
    expect(existsSync(join(documentsDir(), `${old}.pdf`))).toBe(false);
  });

  it('removes the document: row first, then the file, with an audit row', async () => {
    const audits = await decisionAudits(id);
    const response = await upload(id, { op: 'remove', version: await version(id) });
    expect(response.headers.get('location')).toBe(`/admin/decisions/${id}/?document=removed#document`);
    expect(await decisionKind.load(database.db, id)).toMatchObject({ documentHash: null, documentName: null });
    expect(readdirSync(documentsDir())).toEqual([]);
    expect(await decisionAudits(id)).toBe(audits + 1);
  });

  it.each([
    ['an unknown operation', { op: 'rotate', version: '1' }, 400],
    ['a file with a removal', { op: 'remove', version: '1', file: new File(['x'], 'x.pdf') }, 400],
  ])('refuses %s and changes nothing', async (_name, fields, status) => {
    const audits = await decisionAudits(id);
    expect((await upload(id, fields)).status).toBe(status);
    expect(await decisionAudits(id)).toBe(audits);
  });

  it('answers 404 for an unknown decision', async () => {
    expect((await upload(999_999, { op: 'remove', version: '1' })).status).toBe(404);
  });
});
