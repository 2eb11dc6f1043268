import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCertificationForm } from '#domain/admin/certification-form.ts';
import { readExhibitorForm } from '#domain/admin/exhibitor-form.ts';
import { readFairForm } from '#domain/admin/fair-form.ts';
import { asPosted, displayValue, optionalDate, readForm } from '#domain/admin/form.ts';
import { formatNameLine, parseNameLine, readOrganisationForm } from '#domain/admin/organisation-form.ts';
import { PRODUCT_FIELDS, readProductForm } from '#domain/admin/product-form.ts';
import { z } from 'zod';

const errorsOf = (r: { ok: boolean; errors?: Record<string, string | undefined> }) => (r.ok ? {} : r.errors!);

describe('reading posted forms', () => {
  const schema = z.object({ a: z.string(), tags: z.array(z.string()) }).strict();

  it('refuses a field sent twice, and a file where text is expected, rather than picking one', () => {
    const twice = new FormData();
    twice.append('a', 'x');
    twice.append('a', 'y');
    expect(readForm(schema, twice, ['tags'])).toEqual({ ok: false, errors: { _form: 'Trường a được gửi nhiều lần.' } });
    const file = new FormData();
    file.append('a', new Blob(['<svg/>']), 'x.svg');
    expect(readForm(schema, file, ['tags']).ok).toBe(false);
  });

  it('reads checkbox lists as lists, empty when none is ticked', () => {
    const form = new FormData();
    form.append('a', 'x');
    expect(readForm(schema, form, ['tags'])).toEqual({ ok: true, value: { a: 'x', tags: [] } });
    form.append('tags', '1');
    form.append('tags', '2');
    expect(readForm(schema, form, ['tags'])).toEqual({ ok: true, value: { a: 'x', tags: ['1', '2'] } });
  });

  it('accepts only calendar dates that exist', () => {
    const date = optionalDate();
    expect(date.safeParse('2024-02-29').data).toBe('2024-02-29');
    expect(date.safeParse('').data).toBeNull();
    for (const bad of ['2023-02-29', '2024-13-01', '29/02/2024', '2024-2-9', '2024-02-29T00:00'])
      expect(date.safeParse(bad).success, bad).toBe(false);
  });
});

describe('products (R12)', () => {
  const base = { name: 'Bộ sản phẩm gốm', kind: 'set', status: 'published', version: '1' };

  it('reads a set’s items one per line, NFC, blank lines dropped', () => {
    const r = readProductForm({ ...base, setItems: 'Bi\u0300nh\r\n\n  Lọ   hoa ' });
    expect(r.ok && r.value.setItems).toEqual(['Bình', 'Lọ hoa']);
  });

  it('refuses items on a single product and a set of one', () => {
    expect(errorsOf(readProductForm({ ...base, kind: 'single', setItems: 'A\nB' }))['setItems']).toContain('Chỉ bộ sản phẩm');
    expect(errorsOf(readProductForm({ ...base, setItems: 'A' }))['setItems']).toContain('ít nhất 2');
  });

  it('refuses unknown fields and ids that are not ids', () => {
    expect(errorsOf(readProductForm({ ...base, slug: 'x' }))['_form']).toContain('slug');
    expect(errorsOf(readProductForm({ ...base, groupId: '1 OR 1=1' }))['groupId']).toBeDefined();
    expect(errorsOf(readProductForm({ ...base, establishmentId: '-3' }))['establishmentId']).toBeDefined();
  });

  it('round-trips a recorded state through the form for a restore', () => {
    const state = {
      name: 'Bộ ấm chén',
      kind: 'set',
      setItems: ['Ấm', 'Chén'],
      groupId: 2,
      establishmentId: null,
      status: 'draft',
      version: 4,
    };
    const r = readProductForm(asPosted(PRODUCT_FIELDS, state, 7));
    expect(r.ok && r.value).toMatchObject({ name: 'Bộ ấm chén', setItems: ['Ấm', 'Chén'], groupId: 2, establishmentId: null, version: 7 });
  });
});

describe('certifications (R12)', () => {
  const base = {
    productId: '3',
    level: 'provincial',
    roundYear: '2024',
    provinceId: '5',
    issuerId: '9',
    status: 'published',
    version: '1',
  };

  it.each([
    ['provincial', 'Chứng nhận cấp tỉnh cần cơ quan công nhận'],
    ['regional', 'Chứng nhận cấp khu vực cần cơ quan công nhận'],
    ['national', 'Chứng nhận cấp quốc gia cần cơ quan công nhận: Bộ Công Thương.'],
  ])('needs an issuer at the %s level, and says which (#20.1)', (level, message) => {
    const form = { ...base, level, regionCode: level === 'regional' ? 'north' : '', issuerId: '' };
    expect(errorsOf(readCertificationForm(form))['issuerId']).toContain(message);
  });

  it.each(['commune', 'district'])('lets a %s certificate name no issuer (those committees are not in the directory)', (level) => {
    expect(readCertificationForm({ ...base, level, issuerId: '' }).ok).toBe(true);
  });

  it('needs a region exactly for regional certificates', () => {
    expect(errorsOf(readCertificationForm({ ...base, level: 'regional' }))['regionCode']).toContain('khu vực');
    expect(errorsOf(readCertificationForm({ ...base, regionCode: 'north' }))['regionCode']).toBeDefined();
    expect(readCertificationForm({ ...base, level: 'regional', regionCode: 'north' }).ok).toBe(true);
  });

  it('checks years, scores, dates, revocations and web sources', () => {
    expect(errorsOf(readCertificationForm({ ...base, roundYear: '24' }))['roundYear']).toContain('4 chữ số');
    expect(errorsOf(readCertificationForm({ ...base, roundYear: '1999' }))['roundYear']).toBeDefined();
    expect(errorsOf(readCertificationForm({ ...base, score: '101' }))['score']).toContain('0 đến 100');
    const decimal = readCertificationForm({ ...base, score: '87,5' });
    expect(decimal.ok && decimal.value.score).toBe(87.5);
    expect(errorsOf(readCertificationForm({ ...base, validUntil: '2023-12-31' }))['validUntil']).toBeDefined();
    expect(errorsOf(readCertificationForm({ ...base, revokedReason: 'Sai thông tin' }))['revokedAt']).toBeDefined();
    expect(errorsOf(readCertificationForm({ ...base, revokedAt: '2025-01-02' }))['revokedReason']).toBeDefined();
    expect(errorsOf(readCertificationForm({ ...base, sourceUrl: 'javascript:alert(1)' }))['sourceUrl']).toContain('https://');
    // Official portals still publish on http (#20.4): accepted, as the import format always did.
    const http = readCertificationForm({ ...base, sourceUrl: 'http://moit.gov.vn/' });
    expect(http.ok && http.value.sourceUrl).toBe('http://moit.gov.vn/');
  });

  it('never lets the registry code or import identity be written', () => {
    expect(errorsOf(readCertificationForm({ ...base, registryCode: 'P24-AAAA-AAA' }))['_form']).toContain('registryCode');
    expect(errorsOf(readCertificationForm({ ...base, importKey: 'x' }))['_form']).toContain('importKey');
  });
});

describe('fairs (R12)', () => {
  const base = { name: 'Hội chợ CNNT khu vực phía Bắc 2026', status: 'published', version: '1' };
  it('checks dates in order, the plan size as a pair, and the region only for regional fairs', () => {
    expect(errorsOf(readFairForm({ ...base, startDate: '2026-10-05', endDate: '2026-10-01' }))['endDate']).toBeDefined();
    expect(errorsOf(readFairForm({ ...base, planWidth: '1200' }))['planHeight']).toBeDefined();
    expect(errorsOf(readFairForm({ ...base, level: 'national', regionCode: 'north' }))['regionCode']).toBeDefined();
    expect(errorsOf(readFairForm({ ...base, country: 'Việt Nam' }))['country']).toBeDefined();
    const ok = readFairForm({
      ...base,
      level: 'regional',
      regionCode: 'north',
      boothCount: '300',
      boothCountIsMinimum: 'on',
      country: 'vn',
    });
    expect(ok.ok && ok.value).toMatchObject({ boothCount: 300, boothCountIsMinimum: true, country: 'VN' });
  });
});

describe('exhibitors (R12)', () => {
  const base = { fairId: '1', establishmentId: '2', status: 'published', version: '1', productIds: [] as string[] };
  it('keeps booth codes in one form and plan rectangles complete', () => {
    const r = readExhibitorForm({ ...base, boothCode: 'Gian hàng b2-05' });
    expect(r.ok && r.value.boothCode).toBe('B2-5');
    expect(errorsOf(readExhibitorForm({ ...base, boothCode: 'A<script>' }))['boothCode']).toBeDefined();
    expect(errorsOf(readExhibitorForm({ ...base, planX: '10', planY: '5' }))['planX']).toContain('bốn số');
    expect(errorsOf(readExhibitorForm({ ...base, planX: '1', planY: '1', planW: '0', planH: '2' }))['planW']).toBeDefined();
  });
  it('reads the products shown as unique ids and refuses anything else', () => {
    const r = readExhibitorForm({ ...base, productIds: ['7', '3', '7'] });
    expect(r.ok && r.value.productIds).toEqual([3, 7]);
    expect(readExhibitorForm({ ...base, productIds: ['3; DROP TABLE'] }).ok).toBe(false);
  });
  it('never lets a demonstration flag be written', () => {
    expect(errorsOf(readExhibitorForm({ ...base, isSample: 'on' }))['_form']).toContain('isSample');
  });
});

describe('organisations: dated names (R12)', () => {
  it('reads "name | from | to" lines, with partial dates', () => {
    expect(parseNameLine('Sở Công Thương Hà Tây | | 2008')).toEqual({
      name: 'Sở Công Thương Hà Tây',
      validFrom: null,
      validTo: '2008',
      nameEn: null,
    });
    expect(parseNameLine('Bộ Công Thương')).toEqual({ name: 'Bộ Công Thương', validFrom: null, validTo: null, nameEn: null });
    expect(parseNameLine('Sở A | 2025-13 |')).toEqual(expect.stringContaining('không phải năm'));
    expect(parseNameLine('Sở X | 2010 | 2008')).toEqual(expect.stringContaining('trước ngày bắt đầu'));
    expect(parseNameLine('Sở X | 2010 | 2011 | Dept X | more')).toEqual(expect.stringContaining('tối đa ba'));
  });
  it('reads an English name after the dates (#18.2), checked like the Vietnamese name', () => {
    expect(parseNameLine('Bộ Công Thương | | | Ministry of Industry  and Trade')).toEqual({
      name: 'Bộ Công Thương',
      validFrom: null,
      validTo: null,
      nameEn: 'Ministry of Industry and Trade',
    });
    expect(parseNameLine('Bộ Công Thương | | | M')).toEqual(expect.stringContaining('ít nhất 2 ký tự'));
    expect(parseNameLine('Bộ Công Thương | | | Ministry\u202Eof')).toEqual(expect.stringContaining('U+202E'));
  });
  it('writes the English name back into the line so that it round-trips', () => {
    const line = formatNameLine({
      name: 'Sở Công Thương Hà Tây',
      validFrom: null,
      validTo: '2008',
      nameEn: 'Ha Tay Department of Industry and Trade',
    });
    expect(line).toBe('Sở Công Thương Hà Tây |  | 2008 | Ha Tay Department of Industry and Trade');
    expect(parseNameLine(line)).toEqual({
      name: 'Sở Công Thương Hà Tây',
      validFrom: null,
      validTo: '2008',
      nameEn: 'Ha Tay Department of Industry and Trade',
    });
  });
  it('round-trips every valid line', () => {
    const year = fc.integer({ min: 1945, max: 2030 }).map(String);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zÀ-ỹ][A-Za-zÀ-ỹ ]{1,40}[A-Za-zÀ-ỹ]$/), fc.option(year), fc.option(year), (name, from, to) => {
        fc.pre(!(from && to && to < from));
        const parsed = parseNameLine(formatNameLine({ name, validFrom: from, validTo: to }));
        expect(parsed).toEqual({ name: name.normalize('NFC').replace(/\s+/g, ' ').trim(), validFrom: from, validTo: to, nameEn: null });
      }),
    );
  });
  it('needs at least one name', () => {
    expect(errorsOf(readOrganisationForm({ names: ' \n ', kind: 'ministry', status: 'published', version: '1' }))['names']).toBeDefined();
  });
});

describe('displayValue', () => {
  it('shows lists, booleans and nothing the way people read them', () => {
    expect(displayValue({ name: 'setItems', label: '', kind: 'lines' }, ['A', 'B'], {})).toBe('A\nB');
    expect(displayValue({ name: 'x', label: '', kind: 'checkbox' }, true, {})).toBe('Có');
    expect(
      displayValue({ name: 'x', label: '', kind: 'checks', options: 'exhibitorProducts' }, [3], {
        exhibitorProducts: [{ value: '3', label: 'Giỏ mây' }],
      }),
    ).toBe('Giỏ mây');
    expect(displayValue({ name: 'x', label: '', kind: 'checks' }, [], {})).toBe('—');
  });
});

describe('invisible characters in every form (#17.7)', () => {
  const product = (fields: Record<string, string>) => readProductForm({ kind: 'single', status: 'published', version: '1', ...fields });

  it('stores a name without its zero-width characters', () => {
    const read = product({ name: 'Trà\u200b Ô\u200d Long', descriptionVi: 'Đặc\ufeff sản' });
    expect(read.ok && read.value).toMatchObject({ name: 'Trà Ô Long', descriptionVi: 'Đặc sản' });
  });

  it('refuses a bidi override in a name or a description, saying which character', () => {
    expect(errorsOf(product({ name: 'Nước mắm \u202eốuQ úhP' }))['name']).toMatch(/^Có ký tự điều khiển hướng chữ U\+202E/);
    expect(errorsOf(product({ name: 'Nước mắm', descriptionEn: 'Fish \u2067sauce' }))['descriptionEn']).toMatch(/U\+2067/);
  });

  it('refuses a bidi isolate in a set item (lines)', () => {
    const read = product({ name: 'Bộ sản phẩm trà', setItems: 'Trà xanh\nTrà \u2066đen' });
    expect(errorsOf(read)['setItems']).toMatch(/U\+2066/);
  });

  it('counts the length after zero-width characters are gone', () => {
    expect(product({ name: `${'Ư'.repeat(300)}\u200b\u200b` }).ok).toBe(true);
  });
});
