import { describe, expect, it } from 'vitest';
import { readDecisionDocumentForm, documentNotice } from '#domain/admin/decision-document-form.ts';
import { readDecisionForm } from '#domain/admin/decision-form.ts';
import { readCertificationForm } from '#domain/admin/certification-form.ts';

const valid = {
  number: '  3116/QĐ-BCT ',
  decisionDate: '2023-12-01',
  issuerId: '4',
  issuerText: 'Bộ  Công Thương',
  level: 'national',
  regionCode: '',
  roundYear: '2023',
  productsCertified: '173',
  note: '',
  sourceUrl: 'http://khuyencongonline.gov.vn/tin-tuc/qd-3116',
  status: 'published',
  version: '2',
};

const errorsOf = (form: Record<string, unknown>) => {
  const read = readDecisionForm(form);
  return read.ok ? {} : read.errors;
};

describe('readDecisionForm', () => {
  it('keeps the number as printed (NFC, trimmed) and turns the rest into typed values', () => {
    expect(readDecisionForm(valid)).toEqual({
      ok: true,
      value: {
        number: '3116/QĐ-BCT',
        decisionDate: '2023-12-01',
        issuerId: 4,
        issuerText: 'Bộ Công Thương',
        level: 'national',
        regionCode: null,
        roundYear: 2023,
        productsCertified: 173,
        note: null,
        sourceUrl: 'http://khuyencongonline.gov.vn/tin-tuc/qd-3116',
        status: 'published',
        version: 2,
      },
    });
  });
  it('composes a number typed with decomposed marks', () => {
    const read = readDecisionForm({ ...valid, number: '3116/Q\u0110-BCT'.normalize('NFD') });
    expect(read.ok && read.value.number).toBe('3116/QĐ-BCT');
  });
  it.each([
    ['', 'Số quyết định'],
    ['QĐ-BCT', 'ví dụ 3116/QĐ-BCT'],
    ['/', 'ví dụ 3116/QĐ-BCT'],
  ])('refuses the number %j with a message in Vietnamese', (number, message) => {
    expect(errorsOf({ ...valid, number })['number']).toContain(message);
  });
  it('requires a region for a regional decision, and refuses one otherwise', () => {
    expect(errorsOf({ ...valid, level: 'regional' })['regionCode']).toBe('Quyết định cấp khu vực cần chọn khu vực.');
    expect(errorsOf({ ...valid, regionCode: 'north' })['regionCode']).toBe('Chỉ quyết định cấp khu vực mới có khu vực.');
    expect(readDecisionForm({ ...valid, level: 'regional', regionCode: 'north' }).ok).toBe(true);
  });
  it.each(['-1', '1.5', 'mười'])('refuses %j products certified', (productsCertified) => {
    expect(errorsOf({ ...valid, productsCertified })['productsCertified']).toBe('Số sản phẩm là số nguyên từ 0 trở lên.');
  });
  it('accepts zero products certified and an empty count', () => {
    expect(readDecisionForm({ ...valid, productsCertified: '0' }).ok).toBe(true);
    const read = readDecisionForm({ ...valid, productsCertified: '' });
    expect(read.ok && read.value.productsCertified).toBeNull();
  });
  it.each(['javascript:alert(1)', 'ftp://example.vn/a.pdf', 'www.moit.gov.vn'])('refuses the source %j', (sourceUrl) => {
    expect(errorsOf({ ...valid, sourceUrl })['sourceUrl']).toBe('Nguồn phải bắt đầu bằng http:// hoặc https://, ví dụ https://htx-che.vn');
  });
  it('refuses a date years before the round', () => {
    expect(errorsOf({ ...valid, decisionDate: '2019-01-01' })['decisionDate']).toBe('Ngày quyết định không khớp với năm công nhận.');
  });
  it('refuses a field the form does not have', () => {
    expect(errorsOf({ ...valid, documentHash: 'ab' })['_form']).toContain('documentHash');
  });
});

describe('readCertificationForm: the decision', () => {
  const certification = {
    productId: '1',
    level: 'national',
    roundYear: '2023',
    provinceId: '2',
    issuerId: '3',
    status: 'published',
    version: '1',
  };
  it('reads the chosen decision as an id, and none as null', () => {
    const chosen = readCertificationForm({ ...certification, decisionId: '7' });
    expect(chosen.ok && chosen.value.decisionId).toBe(7);
    const none = readCertificationForm({ ...certification, decisionId: '' });
    expect(none.ok && none.value.decisionId).toBeNull();
  });
  it('refuses a decision that is not an id', () => {
    const read = readCertificationForm({ ...certification, decisionId: 'abc' });
    expect(read.ok ? null : read.errors['decisionId']).toBe('Chọn quyết định công nhận.');
  });
});

describe('readDecisionDocumentForm', () => {
  it('reads an upload or a removal with the version', () => {
    expect(readDecisionDocumentForm({ op: 'remove', version: '3' })).toEqual({ ok: true, value: { op: 'remove', version: 3 } });
  });
  it('refuses another operation and a missing version', () => {
    expect(readDecisionDocumentForm({ op: 'delete', version: '3' }).ok).toBe(false);
    expect(readDecisionDocumentForm({ op: 'upload' }).ok).toBe(false);
  });
  it('knows only its own notices', () => {
    expect(documentNotice('added')).toBe('added');
    expect(documentNotice('toString')).toBeNull();
  });
});
