import { describe, expect, it } from 'vitest';
import { decisionImportKey, issuerKey, issuerProvinceName, parseDecisionRow } from '#domain/decision-records.ts';

const row = (over: Record<string, string> = {}) => ({
  decision_no: '76/QĐ-CTĐP',
  date: '2022-09-20',
  issuer: 'Cục Công Thương địa phương',
  level: 'regional_north',
  year: '2022',
  products_certified: '141',
  note: '',
  source_url: 'https://example.vn/76',
  ...over,
});

describe('parseDecisionRow', () => {
  it('reads a regional level code into level and region, and keeps the number as printed', () => {
    const parsed = parseDecisionRow(row());
    expect(parsed).toEqual({
      ok: true,
      value: {
        number: '76/QĐ-CTĐP',
        numberKey: '76/QD-CTDP',
        decisionDate: '2022-09-20',
        issuerText: 'Cục Công Thương địa phương',
        level: { level: 'regional', region: 'north' },
        roundYear: 2022,
        productsCertified: 141,
        note: null,
        sourceUrl: 'https://example.vn/76',
        importKey: '76/QD-CTDP|regional_north|2022|cuc cong thuong dia phuong',
      },
    });
  });

  it('leaves an empty date and count unknown, never guessed', () => {
    const parsed = parseDecisionRow(row({ date: '', products_certified: '' }));
    expect(parsed.ok && parsed.value).toMatchObject({ decisionDate: null, productsCertified: null });
  });

  it('stores decomposed input as NFC', () => {
    const parsed = parseDecisionRow(row({ issuer: 'UBND tỉnh Đồng Tháp'.normalize('NFD') }));
    expect(parsed.ok && parsed.value.issuerText).toBe('UBND tỉnh Đồng Tháp');
  });

  it.each([
    [{ decision_no: '' }, 'decision_no is required'],
    [{ level: 'quốc tế' }, '"quốc tế" is not a level'],
    [{ year: '22' }, '"22" is not a 4-digit year'],
    [{ date: '20/09/2022' }, '"20/09/2022" is not a date (YYYY-MM-DD)'],
    [{ products_certified: 'khoảng 140' }, '"khoảng 140" is not a number of products'],
    [{ source_url: 'javascript:alert(1)' }, '"javascript:alert(1)" is not an http(s) address'],
  ])('refuses %j with a reason', (over, reason) => {
    expect(parseDecisionRow(row(over))).toEqual({ ok: false, reason });
  });
});

describe('decisionImportKey', () => {
  it('is the same for every spelling of the number', () => {
    const level = { level: 'national', region: null } as const;
    expect(decisionImportKey('3116/QĐ-BCT', level, 2023, 'x')).toBe(decisionImportKey('3116 qd bct', level, 2023, 'x'));
  });
});

describe('issuerKey', () => {
  it("folds 'UBND tỉnh  Đồng Tháp' to 'ubnd tinh dong thap'", () => {
    expect(issuerKey('UBND tỉnh  Đồng Tháp')).toBe('ubnd tinh dong thap');
  });
});

describe('issuerProvinceName', () => {
  it.each([
    ['UBND tỉnh Bình Thuận', 'Bình Thuận'],
    ['UBND thành phố Hà Nội', 'Hà Nội'],
    ['Ủy ban nhân dân tỉnh Quảng Bình', 'Quảng Bình'],
    ['ubnd TỈNH Ninh Bình', 'Ninh Bình'],
    ['UBND thị xã Bến Cát', null],
    ['Bộ Công Thương', null],
  ])('reads %j as %j', (issuer, province) => {
    expect(issuerProvinceName(issuer)).toBe(province);
  });
});
