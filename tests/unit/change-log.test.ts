import { describe, expect, it } from 'vitest';
import { changeFeedEntries } from '#domain/change-log-feed.ts';
import {
  addedDecisions,
  compareReleases,
  nextChangeLog,
  parseChangeLog,
  type CertificationState,
  type ChangeLog,
  type DecisionState,
} from '#domain/change-log.ts';

const cert = (over: Partial<CertificationState> = {}): CertificationState => ({
  product: 'Chè Shan tuyết Hà Giang',
  productSlug: 'che-shan-tuyet-ha-giang',
  level: 'regional',
  region: 'north',
  roundYear: 2023,
  province: 'Hà Giang',
  currentProvince: 'Tuyên Quang',
  decisionNo: '123/QĐ-BCT',
  decision: null,
  decisionDate: null,
  certificateNo: null,
  issuer: 'Bộ Công Thương',
  score: 82,
  awardTier: null,
  validUntil: '2026-12-31',
  revokedAt: null,
  sourceUrl: 'https://moit.gov.vn/x',
  status: 'valid',
  ...over,
});

const map = (entries: Record<string, CertificationState>) => new Map(Object.entries(entries));

describe('compareReleases', () => {
  it('has no events for a baseline (nothing to compare with)', () => {
    expect(compareReleases(null, map({ A: cert() }))).toEqual([]);
  });

  it('finds an unchanged release unchanged', () => {
    expect(compareReleases({ A: cert() }, map({ A: cert() }))).toEqual([]);
  });

  it('names a new code as added and a vanished one as withdrawn (with its last facts)', () => {
    const gone = cert({ product: 'Nón lá Huế', productSlug: 'non-la-hue' });
    const events = compareReleases({ OLD: gone }, map({ NEW: cert() }));
    expect(events.map((e) => [e.kind, e.code])).toEqual([
      ['withdrawn', 'OLD'],
      ['added', 'NEW'],
    ]);
    expect(events[0]!.certification.product).toBe('Nón lá Huế');
  });

  it('lists the fields that changed with their values before and after', () => {
    const [event] = compareReleases({ A: cert() }, map({ A: cert({ score: 88, decisionNo: '3116/QĐ-BCT' }) }));
    expect(event!.kind).toBe('changed');
    expect(event!.fields).toEqual([
      { field: 'decisionNo', from: '123/QĐ-BCT', to: '3116/QĐ-BCT' },
      { field: 'score', from: 82, to: 88 },
    ]);
  });

  it('calls a certificate whose end date passed between releases expired, not changed', () => {
    const [event] = compareReleases({ A: cert() }, map({ A: cert({ status: 'expired' }) }));
    expect(event).toMatchObject({ kind: 'expired', fields: [] });
  });

  it('calls an end date moved into the past by staff a change of that date', () => {
    const [event] = compareReleases({ A: cert() }, map({ A: cert({ validUntil: '2025-12-31', status: 'expired' }) }));
    expect(event!.kind).toBe('changed');
    expect(event!.fields).toEqual([{ field: 'validUntil', from: '2026-12-31', to: '2025-12-31' }]);
  });

  it('reports a revocation (even of an expired certificate) and a reinstatement', () => {
    const revoked = compareReleases({ A: cert({ status: 'expired' }) }, map({ A: cert({ status: 'revoked', revokedAt: '2026-03-01' }) }));
    expect(revoked.map((e) => e.kind)).toEqual(['revoked']);
    const back = compareReleases({ A: cert({ status: 'revoked', revokedAt: '2026-03-01' }) }, map({ A: cert() }));
    expect(back.map((e) => e.kind)).toEqual(['reinstated']);
  });

  it('sees a renamed product and a moved province as changes of those fields', () => {
    const [event] = compareReleases({ A: cert() }, map({ A: cert({ product: 'Chè Shan tuyết Tuyên Quang', province: 'Tuyên Quang' }) }));
    expect(event!.fields.map((f) => f.field)).toEqual(['product', 'province']);
  });

  it('orders revocations first, then by code', () => {
    const events = compareReleases(
      { B: cert(), C: cert() },
      map({ A: cert(), B: cert({ score: 1 }), C: cert({ status: 'revoked', revokedAt: '2026-01-01' }) }),
    );
    expect(events.map((e) => `${e.kind}:${e.code}`)).toEqual(['revoked:C', 'added:A', 'changed:B']);
  });
});

describe('nextChangeLog', () => {
  const r1 = { id: '20261201T000000000Z-aaaa', date: '2026-12-01T00:00:00.000Z' };
  const r2 = { id: '20261202T000000000Z-bbbb', date: '2026-12-02T00:00:00.000Z' };

  it('starts with a baseline and carries the state forward', () => {
    const first = nextChangeLog(null, r1, map({ A: cert() }));
    expect(first.releases).toHaveLength(1);
    expect(first.releases[0]).toMatchObject({ release: r1.id, baseline: true, certifications: 1, events: [] });
    const second = nextChangeLog(first, r2, map({ A: cert(), B: cert({ product: 'Gốm Bát Tràng' }) }));
    expect(second.releases.map((r) => r.release)).toEqual([r2.id, r1.id]);
    expect(second.releases[0]).toMatchObject({ baseline: false, certifications: 2 });
    expect(second.releases[0]!.counts).toMatchObject({ added: 1, changed: 0, expired: 0, revoked: 0 });
    expect(Object.keys(second.state)).toEqual(['A', 'B']);
  });

  it('keeps only the newest releases', () => {
    let log: ChangeLog | null = null;
    for (let i = 0; i < 5; i++) log = nextChangeLog(log, { id: `r${i}`, date: r1.date }, map({}), 3);
    expect(log!.releases.map((r) => r.release)).toEqual(['r4', 'r3', 'r2']);
  });

  it('starts afresh after a log it cannot read', () => {
    expect(parseChangeLog('{"version":2}')).toBeNull();
    expect(parseChangeLog('not json')).toBeNull();
    const log = nextChangeLog(parseChangeLog('{}'), r1, map({ A: cert() }));
    expect(log.releases[0]!.baseline).toBe(true);
    expect(parseChangeLog(JSON.stringify(log))).toEqual(log);
  });
});

describe('changeFeedEntries', () => {
  const links = { page: (p: string) => `https://e.vn${p}`, id: (...parts: string[]) => `tag:e.vn,2026:${parts.join('/')}` };
  const first = nextChangeLog(null, { id: 'r1', date: '2026-12-01T03:00:00.000Z' }, map({ A: cert(), B: cert() }));
  const log = nextChangeLog(
    first,
    { id: 'r2', date: '2026-12-02T03:00:00.000Z' },
    map({ A: cert({ score: 90 }), B: cert({ status: 'revoked', revokedAt: '2026-12-01' }) }),
  );

  it('gives each release a summary entry and each event its own, newest release first', () => {
    const entries = changeFeedEntries(log, 'vi', links);
    expect(entries.map((e) => e.id)).toEqual([
      'tag:e.vn,2026:release/r2',
      'tag:e.vn,2026:release/r2/B/revoked',
      'tag:e.vn,2026:release/r2/A/changed',
      'tag:e.vn,2026:release/r1',
    ]);
    expect(entries[0]!.title).toBe('Bản phát hành 02/12/2026 10:00: 1 chứng nhận sửa, 1 thu hồi');
    expect(entries[1]!.title).toBe('Thu hồi: Chè Shan tuyết Hà Giang — Cấp khu vực – Khu vực phía Bắc 2023');
    expect(entries[1]!.url).toBe('https://e.vn/products/che-shan-tuyet-ha-giang/');
    expect(entries[2]!.summary).toContain('điểm: 82 → 90');
    expect(entries[2]!.summary).toContain('Hà Giang (nay thuộc Tuyên Quang)');
    expect(entries[3]!.title).toContain('bản đầu tiên');
  });

  it('speaks English too, and is cut at the limit', () => {
    const entries = changeFeedEntries(log, 'en', links, 2);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.title).toBe('Release 2 Dec 2026 10:00: 1 changed, 1 revoked');
    expect(entries[1]!.title).toMatch(/^Revoked: Chè Shan tuyết Hà Giang — Regional – Northern region 2023$/);
  });
});

describe('decisions in the change log', () => {
  const r1 = { id: 'r1', date: '2026-12-01T03:00:00.000Z' };
  const r2 = { id: 'r2', date: '2026-12-02T03:00:00.000Z' };
  const links = { page: (p: string) => `https://e.vn${p}`, id: (...parts: string[]) => `tag:e.vn,2026:${parts.join('/')}` };
  const decision = (slug: string, number: string): DecisionState => ({ slug, number, level: 'national', region: null, roundYear: 2023 });
  const decisions = (...ds: DecisionState[]) => new Map(ds.map((d) => [d.slug, d]));

  it('reports a certification linked to a decision record as a changed field', () => {
    const events = compareReleases({ A: cert() }, map({ A: cert({ decision: '123-qd-bct-2023' }) }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'changed', fields: [{ field: 'decision', from: null, to: '123-qd-bct-2023' }] });
  });

  it('does not report a field that a log made before decisions did not record', () => {
    const older: Partial<CertificationState> = cert();
    delete older.decision;
    expect(compareReleases({ A: older as CertificationState }, map({ A: cert({ decision: null }) }))).toEqual([]);
  });

  it('lists decisions new in a release, and none against a log that kept no decisions', () => {
    expect(addedDecisions(undefined, decisions(decision('a', '1/QĐ-BCT')))).toEqual([]);
    expect(addedDecisions({ a: decision('a', '1/QĐ-BCT') }, decisions(decision('b', '2/QĐ-BCT'), decision('a', '1/QĐ-BCT')))).toEqual([
      decision('b', '2/QĐ-BCT'),
    ]);
  });

  it('gives a new decision its own feed entry, pointing at its page, and counts it in the release', () => {
    const first = nextChangeLog(null, r1, map({ A: cert() }), undefined, decisions(decision('1997-qd-bct-2021', '1997/QĐ-BCT')));
    const second = nextChangeLog(
      first,
      r2,
      map({ A: cert() }),
      undefined,
      decisions(decision('1997-qd-bct-2021', '1997/QĐ-BCT'), decision('3116-qd-bct-2023', '3116/QĐ-BCT')),
    );
    expect(second.releases[0]!.decisionsAdded).toEqual([decision('3116-qd-bct-2023', '3116/QĐ-BCT')]);
    const vi = changeFeedEntries(second, 'vi', links);
    expect(vi[0]!.title).toBe('Bản phát hành 02/12/2026 10:00: 1 quyết định mới');
    expect(vi[1]).toMatchObject({
      id: 'tag:e.vn,2026:release/r2/decision/3116-qd-bct-2023',
      title: 'Quyết định mới: 3116/QĐ-BCT — Cấp quốc gia 2023',
      url: 'https://e.vn/decisions/3116-qd-bct-2023/',
    });
    expect(changeFeedEntries(second, 'en', links)[1]!.title).toBe('New decision: 3116/QĐ-BCT — National 2023');
  });
});
