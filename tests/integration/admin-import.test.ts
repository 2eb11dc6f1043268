/**
 * The admin's import (issue #8) without a browser: a staged upload is previewed row by row, a mapping is
 * chosen and remembered for its headers, the rejected rows can be downloaded, and the commit is all or
 * nothing by default, or the valid rows only when asked, after a checked backup, audited with what it created.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, certifications, products, users } from '#db/schema/index.ts';
import { parseCsv } from '#domain/import/csv.ts';
import { describePreview } from '#domain/import/preview.ts';
import { previewImport } from '#server/importer.ts';
import { chooseColumns, commitStaged, previewStaged, rejectedOfStaged } from '#server/admin-import.ts';
import { backupsDirOf } from '#server/backup.ts';
import { loadStaged, stageImport, sweepStaged } from '#server/import-staging.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { TMP } from '../support/paths.ts';

let database: TestDatabase;
let userId: number;
let otherId: number;
let uploads: string;
beforeAll(async () => {
  database = await createTestDatabase();
  uploads = mkdtempSync(join(TMP, 'import-uploads-'));
  process.env['UPLOADS_DIR'] = uploads;
  [{ id: userId }, { id: otherId }] = (await database.db
    .insert(users)
    .values([
      { email: 'nhap@example.vn', passwordHash: 'x', role: 'editor' },
      { email: 'khac@example.vn', passwordHash: 'x', role: 'editor' },
    ])
    .returning({ id: users.id })) as [{ id: number }, { id: number }];
});
afterAll(async () => {
  await database.dispose();
  rmSync(uploads, { recursive: true, force: true });
  delete process.env['UPLOADS_DIR'];
});

const csv = (lines: string[]) => new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
const HEADER = 'product_name,producer,province,product_group,level,year,decision_no';
const GOOD = [
  'Chè Shan tuyết Suối Giàng,HTX Chè Suối Giàng,Tỉnh Yên Bái,4,cấp tỉnh,2024,1234/QĐ-UBND',
  'Nón lá Chuông,Cơ sở Nón lá Chuông,TP. Hà Nội,,khu vực phía Bắc,2024,',
  'Bộ sản phẩm gốm Bát Tràng: Bình; Đĩa,Công ty TNHH Gốm Bát Tràng,Hà Nội,,quốc gia,2023,3116/QĐ-BCT',
];
const BAD = ['Mắm tôm Hậu Lộc,Cơ sở Mắm Đồng Hải,Thanh Hoá,,cấp huyện lạ,2024,', ',Cơ sở không tên,Nghệ An,,cấp tỉnh,2023,'];
const certificationCount = async () => (await database.db.select({ n: count() }).from(certifications))[0]!.n;
const importEntries = () => database.db.select().from(auditLog).where(eq(auditLog.action, 'import')).orderBy(desc(auditLog.id));

describe('the preview', () => {
  it('marks every row new, duplicate or error with its reasons, and writes nothing', async () => {
    const staged = await stageImport(csv([HEADER, ...GOOD, BAD[0]!, GOOD[0]!, BAD[1]!]), { userId, name: 'đợt 2024.csv' });
    const before = await certificationCount();
    const previewed = (await previewStaged(database, staged))!;
    const { rows, counts, fileErrors, needsMapping } = previewed.preview;
    expect(fileErrors).toEqual([]);
    expect(needsMapping).toBe(false);
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'new'],
      [5, 'error'],
      [6, 'duplicate'],
      [7, 'error'],
    ]);
    expect(counts).toEqual({ new: 3, update: 0, duplicate: 1, error: 2 });
    expect(rows[0]).toMatchObject({
      createsProduct: true,
      createsEstablishment: true,
      values: { productName: 'Chè Shan tuyết Suối Giàng', level: 'cấp tỉnh' },
    });
    expect(rows[3]!.reasons.join(' ')).toContain('unknown level "cấp huyện lạ"');
    expect(rows[3]!.reasonsVi.join(' ')).toContain('không rõ cấp “cấp huyện lạ”');
    expect(rows[4]!.reasonsVi).toEqual(['trùng chứng nhận ở dòng 2; dòng này được bỏ qua']);
    expect(rows[4]!.reasons.join(' ')).toContain('same certification as line 2');
    expect(rows[5]!.reasons.join(' ')).toContain('product name is required');
    expect(await certificationCount()).toBe(before);
  });

  it('offers the rejected rows as CSV with their reasons, which reads back as the same rows', async () => {
    const staged = await stageImport(csv([HEADER, ...GOOD, ...BAD]), { userId, name: 'x.csv' });
    const file = (await rejectedOfStaged(database, staged))!;
    expect(file.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.records.map((r) => r.cells[0])).toEqual(['product_name', 'Mắm tôm Hậu Lộc', '']);
    expect(parsed.records[0]!.cells.at(-1)).toBe('Lý do / Reason');
    expect(parsed.records[1]!.cells.at(-1)).toContain('cột level: không rõ cấp “cấp huyện lạ”');
    expect(parsed.records[2]!.cells.at(-1)).toBe('cột product_name: thiếu tên sản phẩm');
    // Uploading the fixed file again: the reason column is ignored, no mapping is asked for.
    const fixed = file.replace('cấp huyện lạ', 'cấp tỉnh').replace('\r\n,Cơ sở không tên', '\r\nNước mắm Cửa Lò,Cơ sở không tên');
    const again = (await previewStaged(database, await stageImport(new TextEncoder().encode(fixed), { userId, name: 'x-sua.csv' })))!;
    expect(again.preview.needsMapping).toBe(false);
    expect(again.preview.rows.map((r) => r.status)).toEqual(['new', 'new']);
  });

  it('prints the same classification for the command line’s dry run', async () => {
    const preview = await previewImport(database, csv([HEADER, GOOD[0]!, BAD[0]!, GOOD[0]!]));
    expect(describePreview(preview)).toEqual([
      'line 2: new certification, with a new product and a new establishment',
      expect.stringMatching(/^line 3: error — column level: unknown level "cấp huyện lạ"/) as unknown as string,
      'line 4: duplicate — same certification as line 2; this row is skipped',
      '3 row(s): 1 new, 0 update(s), 1 duplicate(s), 1 error(s).',
      'Dry run: nothing was written. As it is, the file would be refused (with --valid-rows, 1 row(s) would be left out).',
    ]);
  });

  it('reads a file it cannot parse as one clear problem', async () => {
    const staged = await stageImport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { userId, name: 'hỏng.xlsx' });
    const { preview } = (await previewStaged(database, staged))!;
    expect(preview.rows).toEqual([]);
    expect(preview.fileErrors).toHaveLength(1);
    expect(preview.fileErrors[0]!.reason).toMatch(/workbook|archive|zip/i);
  });
});

describe('Vietnamese lists as they come', () => {
  it('reads decomposed marks, province prefixes, old province names, Vietnamese levels and groups, and finds duplicates by folded name', async () => {
    const rows = [
      'Tên sản phẩm,Cơ sở sản xuất,Tỉnh/Thành phố,Nhóm sản phẩm,Cấp,Năm',
      // Decomposed (NFD) marks, as some Mac exports write them; "Thành phố" prefix.
      `${'Bánh pía Sóc Trăng mẫu'.normalize('NFD')},Cơ sở Bánh pía mẫu,Thành phố Cần Thơ,Chế biến nông lâm thủy sản,Cấp tỉnh,2025`,
      // An old province name, certified before the 2025 merger; "Tỉnh" prefix; the level in words.
      'Mật ong bạc hà mẫu,HTX Ong mẫu,Tỉnh Hà Giang,,Cấp khu vực phía Bắc,2023',
      // "TP." prefix, capital Đ, a product set.
      'Bộ sản phẩm Đồ gỗ mỹ nghệ mẫu,Công ty Đồ gỗ mẫu,TP. Hồ Chí Minh,Thủ công mỹ nghệ,quốc gia,2024',
      // The first row again, in capitals without marks: the same certification.
      'BANH PIA SOC TRANG MAU,CO SO BANH PIA MAU,Cần Thơ,,cap tinh,2025',
    ];
    const { rows: previewRows } = await previewImport(database, csv(rows));
    expect(previewRows.map((r) => [r.line, r.status])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'new'],
      [5, 'duplicate'],
    ]);
    expect(previewRows[0]!.values.productName).toBe('Bánh pía Sóc Trăng mẫu');
    expect(previewRows[0]!.values.productName!.normalize('NFC')).toBe(previewRows[0]!.values.productName);
    const staged = await stageImport(csv(rows), { userId, name: 'nhu-the.csv' });
    const outcome = await commitStaged(database, staged, { mode: 'all', actor: { userId } });
    expect(outcome.ok).toBe(true);
    const [honey] = await database.db.select().from(products).where(eq(products.name, 'Mật ong bạc hà mẫu'));
    const [certification] = await database.db.select().from(certifications).where(eq(certifications.productId, honey!.id));
    expect(certification).toMatchObject({ level: 'regional', regionCode: 'north', roundYear: 2023 });
    const [set] = await database.db.select().from(products).where(eq(products.name, 'Bộ sản phẩm Đồ gỗ mỹ nghệ mẫu'));
    expect(set?.kind).toBe('set');
  });
});

describe('column mapping', () => {
  const ODD = 'Sản phẩm,Đơn vị,Địa phương,Hạng,Năm công nhận,Ghi chú';
  const ODD_ROW = 'Miến dong Bình Liêu,HTX Miến dong Bình Liêu,Quảng Ninh,cấp tỉnh,2023,tốt';

  it('asks for a mapping when the headers are not the documented ones, and remembers it for the same headers', async () => {
    const first = await stageImport(csv([ODD, ODD_ROW]), { userId, name: 'la.csv' });
    const previewed = (await previewStaged(database, first))!;
    expect(previewed.preview.needsMapping).toBe(true);
    expect(previewed.preview.fileErrors.map((e) => e.reason).join(' ')).toContain('required column missing');
    await chooseColumns(database, first, previewed.preview.header, ['productName', 'producer', 'province', 'level', 'year', null], userId);
    const mapped = (await previewStaged(database, (await loadStaged(first.token, userId))!))!;
    expect(mapped.mapping).toBe('chosen');
    expect(mapped.preview.fileErrors).toEqual([]);
    expect(mapped.preview.rows.map((r) => r.status)).toEqual(['new']);

    // Another file with the same headers (spelt without marks): read with the remembered mapping.
    const second = await stageImport(csv(['san pham,don vi,dia phuong,HANG,nam cong nhan,ghi chu', ODD_ROW]), { userId, name: 'la-2.csv' });
    const remembered = (await previewStaged(database, second))!;
    expect(remembered.mapping).toBe('remembered');
    expect(remembered.preview.rows[0]).toMatchObject({ status: 'new', values: { productName: 'Miến dong Bình Liêu', year: '2023' } });
  });
});

describe('the commit', () => {
  it('refuses a list with errors as a whole by default, and writes nothing', async () => {
    const staged = await stageImport(csv([HEADER, ...GOOD, ...BAD]), { userId, name: 'a.csv' });
    const before = await certificationCount();
    const entries = (await importEntries()).length;
    const outcome = await commitStaged(database, staged, { mode: 'all', actor: { userId } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toContain('2 dòng có lỗi');
    expect(outcome.errors.map((e) => e.line)).toEqual([5, 6]);
    expect(await certificationCount()).toBe(before);
    expect(await importEntries()).toHaveLength(entries);
    // Still staged: it can be committed the other way.
    expect(await previewStaged(database, staged)).not.toBeNull();
  });

  it('imports the valid rows only when asked, after a backup, and audits what it created', async () => {
    const staged = await stageImport(csv([HEADER, ...GOOD, ...BAD]), { userId, name: 'đợt 2024.csv' });
    const before = await certificationCount();
    const outcome = await commitStaged(database, staged, { mode: 'valid', actor: { userId } });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { result } = outcome;
    expect(result).toMatchObject({ mode: 'valid', rows: 3, rejected: 2, created: { certifications: 3 } });
    expect(await certificationCount()).toBe(before + 3);
    expect(result.products.map((p) => p.name).sort()).toEqual([
      'Bộ sản phẩm gốm Bát Tràng: Bình; Đĩa',
      'Chè Shan tuyết Suối Giàng',
      'Nón lá Chuông',
    ]);
    const [entry] = await importEntries();
    expect(entry!.actorUserId).toBe(userId);
    const after = entry!.after as { file: string; createdIds: { certifications: number[]; products: number[] } };
    expect(after.file).toBe('đợt 2024.csv');
    expect(after.createdIds.certifications).toHaveLength(3);
    const created = await database.db.select({ name: products.name }).from(products).where(eq(products.id, after.createdIds.products[0]!));
    expect(created).toHaveLength(1);
    // The backup: a checked copy beside the database (embedded file only).
    if (database.kind === 'file') {
      expect(result.backup).not.toBeNull();
      expect(existsSync(result.backup!)).toBe(true);
      expect(readdirSync(backupsDirOf(database.url)!)).toContain(result.backup!.split('/').pop());
    } else expect(result.backup).toBeNull();
    // Committed once: the bytes are gone, the outcome stays; a second commit changes nothing and gets it (#17.8).
    const again = await commitStaged(database, (await loadStaged(staged.token, userId))!, { mode: 'valid', actor: { userId } });
    expect(again).toEqual({ ok: true, result });
    expect(await certificationCount()).toBe(before + 3);
    expect((await loadStaged(staged.token, userId))!.result?.created.certifications).toBe(3);
  });

  it('then shows the same rows as duplicates', async () => {
    const staged = await stageImport(csv([HEADER, ...GOOD]), { userId, name: 'b.csv' });
    const { preview } = (await previewStaged(database, staged))!;
    expect(preview.rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(preview.rows[0]!.reasons).toContain('already registered, nothing changes');
  });
});

describe('staging', () => {
  it('keeps a staged list to the person who uploaded it, and forgets it after a day', async () => {
    const staged = await stageImport(csv([HEADER, GOOD[0]!]), { userId, name: 'c.csv' });
    expect(await loadStaged(staged.token, userId)).not.toBeNull();
    expect(await loadStaged(staged.token, otherId)).toBeNull();
    expect(await loadStaged('../../etc/passwd', userId)).toBeNull();
    expect(await loadStaged('0'.repeat(32), userId)).toBeNull();
    await sweepStaged(Date.now() + 25 * 60 * 60 * 1000);
    expect(await loadStaged(staged.token, userId)).toBeNull();
    expect(readdirSync(join(uploads, 'imports'))).toEqual([]);
  });
});
