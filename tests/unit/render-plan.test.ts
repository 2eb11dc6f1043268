import { describe, expect, it } from 'vitest';
import {
  changedRecords,
  isRenderedPageLine,
  describePlan,
  planRender,
  recordPageFiles,
  recordPagePaths,
  RENDER_RECORD_VERSION,
  splitRecordKey,
  type RenderRecord,
} from '#domain/render-plan.ts';

const record = (pages: Record<string, string>, over: Partial<RenderRecord> = {}): RenderRecord => ({
  version: RENDER_RECORD_VERSION,
  code: 'code-1',
  site: 'https://sanpham.example.vn',
  pages,
  ...over,
});

const served = record(
  { 'products/tra-o-long': 'a1', 'products/nuoc-mam-phu-quoc': 'b1', 'producers/htx-che-tan-cuong': 'c1', 'verify/HN24A7': 'd1' },
  { otherPages: 40 },
);

describe('planRender', () => {
  it('builds everything when no release is served yet', () => {
    const plan = planRender('no-release', served);
    expect(plan).toMatchObject({ mode: 'full', reason: 'no-release', records: 4, pagesToRender: null });
  });

  it('builds everything when the served release has no dependency record', () => {
    expect(planRender(null, served)).toMatchObject({ mode: 'full', reason: 'no-record' });
  });

  it('builds everything after a change of code, counting every page of the served release', () => {
    expect(planRender(served, { ...served, code: 'code-2' })).toMatchObject({ mode: 'full', reason: 'code', pagesToRender: 48 });
  });

  it('builds everything when the site address changed, or the record is of another format', () => {
    expect(planRender(served, { ...served, site: 'https://other.example.vn' })).toMatchObject({ mode: 'full', reason: 'site' });
    expect(planRender({ ...served, version: 0 }, served)).toMatchObject({ mode: 'full', reason: 'format' });
  });

  it('renders only the changed and new records, and reuses the rest', () => {
    const now = record({ ...served.pages, 'products/tra-o-long': 'a2', 'verify/HN25B3': 'e1' });
    const plan = planRender(served, now);
    expect(plan.mode).toBe('incremental');
    if (plan.mode !== 'incremental') return;
    expect(plan.render).toEqual({ products: ['tra-o-long'], producers: [], verify: ['HN25B3'] });
    expect(plan.reused).toEqual({ products: ['nuoc-mam-phu-quoc'], producers: ['htx-che-tan-cuong'], verify: ['HN24A7'] });
    expect(plan.changed).toEqual({ added: 1, changed: 1, removed: 0 });
    expect(plan.pagesToRender).toBe(2 * 2 + 40);
  });

  it('counts a record that is gone as changed, and renders nothing for it', () => {
    const pages: Record<string, string> = { ...served.pages };
    delete pages['products/nuoc-mam-phu-quoc'];
    const plan = planRender(served, record(pages));
    expect(changedRecords(plan)).toBe(1);
    if (plan.mode !== 'incremental') throw new Error('expected an incremental plan');
    expect(plan.render.products).toEqual([]);
    expect(plan.reused.products).toEqual(['tra-o-long']);
  });

  it('falls back to a full build on a key of no known kind', () => {
    expect(planRender(served, record({ ...served.pages, 'fairs/hoi-cho-2024': 'f1' }))).toMatchObject({ mode: 'full', reason: 'format' });
  });
});

describe('splitRecordKey', () => {
  it.each([
    ['products/tra-o-long', ['products', 'tra-o-long']],
    ['verify/HN24A7', ['verify', 'HN24A7']],
    ['producers/htx-dong-ky', ['producers', 'htx-dong-ky']],
    ['fairs/x', null],
    ['products', null],
    ['', null],
  ])('splits %j', (key, expected) => {
    expect(splitRecordKey(key)).toEqual(expected);
  });
});

describe('recordPageFiles and recordPagePaths', () => {
  it('name both languages of a record page', () => {
    expect(recordPageFiles('producers', 'htx-tra')).toEqual(['producers/htx-tra/index.html', 'en/producers/htx-tra/index.html']);
    expect(recordPagePaths('verify', 'AB12')).toEqual(['/verify/AB12/', '/en/verify/AB12/']);
  });
});

describe('describePlan', () => {
  it('says why a build is full, in Vietnamese and English', () => {
    const plan = planRender(served, { ...served, code: 'code-2' });
    expect(describePlan(plan, 'vi')).toBe('dựng toàn bộ vì mã nguồn hoặc cấu hình đã thay đổi, 48 trang cần dựng');
    expect(describePlan(plan, 'en')).toBe('full build because the code or configuration changed, 48 pages to render');
  });

  it('counts the records changed in an incremental plan', () => {
    const plan = planRender(served, record({ ...served.pages, 'products/tra-o-long': 'a2' }, { otherPages: 40 }));
    expect(describePlan(plan, 'en')).toBe('incremental: 1 record changed, 42 pages to render');
    expect(describePlan(plan, 'vi')).toBe('dựng phần thay đổi: 1 bản ghi thay đổi, 42 trang cần dựng');
  });
});

describe('isRenderedPageLine', () => {
  it.each([
    ['  ├─ /products/tra-o-long/index.html', true],
    ['  \u001b[34m├─\u001b[39m \u001b[2m/en/producers/htx-che-tan-cuong/index.html\u001b[22m', true],
    ['  └─ /index.html (+12ms)', true],
    ['  ├─ /products/tra-o-long.json', false],
    ['  ├─ /search/products/t-0.json', false],
    ['12:00:01 [build] Building static entrypoints...', false],
    ['', false],
  ])('reads %j as %s', (line, expected) => {
    expect(isRenderedPageLine(line)).toBe(expected);
  });
});
