import { describe, expect, it } from 'vitest';
import { describePublicChanges, describeStaffOnlyChanges } from '#domain/admin/pending-strings.ts';
import { derivePending, isNothingPending, publicationOf, snapshotName, type PendingAuditRow } from '#domain/admin/pending.ts';

let nextId = 100;
const row = (action: string, entity: string, entityId: number | null, before?: unknown, after?: unknown): PendingAuditRow => ({
  id: nextId++,
  action,
  entity,
  entityId,
  before,
  after,
});
const cert = (version: number, extra: Record<string, unknown> = {}) => ({
  product: 'Chè Shan tuyết',
  level: 'provincial',
  version,
  ...extra,
});

describe('derivePending', () => {
  it('counts several edits of one record once, as the newest change', () => {
    const rows = [
      row('update', 'certifications', 7, cert(1), cert(2, { score: 80 })),
      row('update', 'certifications', 7, cert(2, { score: 80 }), cert(3, { score: 85 })),
      row('update', 'certifications', 7, cert(3, { score: 85 }), cert(4, { score: 90 })),
    ];
    const pending = derivePending(rows);
    expect(pending.records).toHaveLength(1);
    expect(pending.records[0]).toMatchObject({ entity: 'certifications', id: 7, change: 'changed', edits: 3 });
    expect(pending.byEntity).toEqual({ certifications: 1 });
  });

  it('names a rename with the name before the first edit and after the last', () => {
    const rows = [
      row('update', 'products', 3, { name: 'Nón lá Huế', version: 1 }, { name: 'Nón lá bài thơ', version: 2 }),
      row('update', 'products', 3, { name: 'Nón lá bài thơ', version: 2 }, { name: 'Nón lá bài thơ Huế', version: 3 }),
    ];
    expect(derivePending(rows).records[0]).toMatchObject({ change: 'renamed', previousName: 'Nón lá Huế', name: 'Nón lá bài thơ Huế' });
  });

  it('reports a record created and then edited as created, once', () => {
    const rows = [
      row('create', 'establishments', 12, undefined, { name: 'HTX chè Tân Cương', version: 1 }),
      row('update', 'establishments', 12, { name: 'HTX chè Tân Cương', version: 1 }, { name: 'Hợp tác xã chè Tân Cương', version: 2 }),
    ];
    expect(derivePending(rows).records).toEqual([
      expect.objectContaining({ entity: 'establishments', id: 12, change: 'created', name: 'Hợp tác xã chè Tân Cương', edits: 2 }),
    ]);
  });

  it('reports a delete of a published record with the name it had', () => {
    const rows = [row('delete', 'fair_exhibitors', 5, { name: 'Gian Đồng Tháp', version: 3 })];
    expect(derivePending(rows).records[0]).toMatchObject({ change: 'deleted', name: 'Gian Đồng Tháp' });
  });

  it('leaves out a record created and deleted again before any release', () => {
    const rows = [row('create', 'fair_exhibitors', 9, undefined, { name: 'Thử' }), row('delete', 'fair_exhibitors', 9, { name: 'Thử' })];
    const pending = derivePending(rows);
    expect(pending.records).toEqual([]);
    expect(isNothingPending(pending)).toBe(true);
  });

  it('reports a restore of an earlier version as restored', () => {
    const rows = [
      row('restore', 'fairs', 2, { name: 'Hội chợ 2024', note: 'a', version: 4 }, { name: 'Hội chợ 2024', note: 'b', version: 5 }),
    ];
    expect(derivePending(rows).records[0]).toMatchObject({ change: 'restored', id: 2 });
  });

  it('leaves out edits that end where they started', () => {
    const rows = [
      row('update', 'organisations', 4, { name: 'Sở Công Thương Huế', version: 1 }, { name: 'Sở Công Thương TP Huế', version: 2 }),
      row('update', 'organisations', 4, { name: 'Sở Công Thương TP Huế', version: 2 }, { name: 'Sở Công Thương Huế', version: 3 }),
    ];
    expect(derivePending(rows).records).toEqual([]);
  });

  it('keeps account changes, sign-ins and reports out of the public changes', () => {
    const rows = [
      row('login', 'users', 1),
      row('login', 'users', 1),
      row('update', 'users', 2, { role: 'viewer' }, { role: 'editor' }),
      row('create', 'users', 3, undefined, { email: 'a@b.vn' }),
      row('update', 'error_reports', 8, { status: 'open' }, { status: 'closed' }),
      row('publish', 'releases', null, undefined, { id: 'x' }),
    ];
    const pending = derivePending(rows);
    expect(pending.records).toEqual([]);
    expect(isNothingPending(pending)).toBe(true);
    expect(pending.staffOnly).toEqual({ 'sign-ins': 2, users: 2, error_reports: 1 });
  });

  it('turns an import into the records it created, counting its updates beside them', () => {
    const rows = [
      row('import', 'certifications', null, undefined, {
        createdIds: { establishments: [40], products: [41, 42], certifications: [43, 44] },
        updatedCertifications: 3,
      }),
    ];
    const pending = derivePending(rows);
    expect(pending.byEntity).toEqual({ establishments: 1, products: 2, certifications: 2 });
    expect(pending.importUpdates).toBe(3);
    expect(pending.records.every((r) => r.change === 'created')).toBe(true);
  });

  it('counts an import that names no ids (the seed) as one batch, and ignores a dry run', () => {
    const pending = derivePending([
      row('import', 'seed', null, undefined, { checksum: 'abc' }),
      row('import', 'certifications', null, undefined, { dryRun: true, createdIds: { products: [] } }),
    ]);
    expect(pending.importBatches).toBe(1);
  });

  it('lists the most recently changed record first', () => {
    const rows = [
      row('update', 'products', 1, { name: 'A' }, { name: 'A', x: 1 }),
      row('update', 'fairs', 2, { name: 'B' }, { name: 'B', x: 1 }),
    ];
    expect(derivePending(rows).records.map((r) => r.entity)).toEqual(['fairs', 'products']);
  });
});

describe('snapshotName', () => {
  it.each([
    [{ name: 'Đũa tre Đông Anh' }, 'Đũa tre Đông Anh'],
    [{ number: '3116/QĐ-BCT' }, '3116/QĐ-BCT'],
    [{ name: '  ', product: 'Gốm Bát Tràng' }, 'Gốm Bát Tràng'],
    [null, null],
    [['x'], null],
  ])('finds the name of %j', (state, name) => {
    expect(snapshotName(state)).toBe(name);
  });
});

describe('publicationOf', () => {
  it('says never published when no release exists', () => {
    expect(publicationOf([{ id: 1, action: 'update' }], null)).toBe('never');
  });
  it('says never published when the record was created after the served release', () => {
    expect(publicationOf([{ id: 50, action: 'create' }], 40)).toBe('never');
  });
  it('says never published when an import after the release created it', () => {
    expect(publicationOf([{ id: 50, action: 'import' }], 40)).toBe('never');
  });
  it('says changed when an edit follows the served release', () => {
    expect(
      publicationOf(
        [
          { id: 10, action: 'create' },
          { id: 45, action: 'update' },
        ],
        40,
      ),
    ).toBe('changed');
  });
  it('says live when every change is in the served release', () => {
    expect(
      publicationOf(
        [
          { id: 10, action: 'create' },
          { id: 40, action: 'update' },
        ],
        40,
      ),
    ).toBe('live');
  });
  it('says live for a record the seed made, with no rows of its own', () => {
    expect(publicationOf([], 40)).toBe('live');
  });
});

describe('describePublicChanges', () => {
  it('counts records per kind, not audit rows', () => {
    const pending = derivePending([
      row('update', 'certifications', 1, { product: 'A', s: 1 }, { product: 'A', s: 2 }),
      row('update', 'certifications', 1, { product: 'A', s: 2 }, { product: 'A', s: 3 }),
      row('create', 'products', 2, undefined, { name: 'Bánh đa Kế' }),
    ]);
    expect(describePublicChanges(pending)).toBe('1 sản phẩm, 1 chứng nhận');
  });
  it('says there is nothing when only staff-only changes were made', () => {
    const pending = derivePending([row('login', 'users', 1), row('update', 'users', 2, { role: 'viewer' }, { role: 'editor' })]);
    expect(describePublicChanges(pending)).toBe('không có');
    expect(describeStaffOnlyChanges(pending)).toBe('chỉ nội bộ: 1 lần đăng nhập, 1 tài khoản');
  });
  it('adds what imports updated after the records', () => {
    const pending = derivePending([
      row('import', 'certifications', null, undefined, { createdIds: { certifications: [9] }, updatedCertifications: 1200 }),
    ]);
    expect(describePublicChanges(pending)).toBe('1 chứng nhận; 1.200 chứng nhận cập nhật khi nhập tệp');
  });
});
