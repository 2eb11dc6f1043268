import { describe, expect, it } from 'vitest';
import { decisionNumberKey } from '../../src/domain/decision-number-key.ts';
import { issuerPlace, slugForDecision } from '../../src/domain/decisions.ts';

describe('decisionNumberKey', () => {
  it.each([
    ['3116/QĐ-BCT', '3116QDBCT'],
    ['3116/QD-BCT', '3116QDBCT'],
    ['3116 qđ bct', '3116QDBCT'],
    ['3116/Q\u0110-BCT', '3116QDBCT'],
    ['1302/QĐ-UBND-HC', '1302QDUBNDHC'],
    ['76/QĐ-CTĐP', '76QDCTDP'],
    ['  ', ''],
  ])('folds %j to %j', (input, key) => {
    expect(decisionNumberKey(input)).toBe(key);
  });
  it('folds decomposed marks (NFD input) the same as composed ones', () => {
    expect(decisionNumberKey('Số 3116/QĐ-BCT'.normalize('NFD'))).toBe('SO3116QDBCT');
  });
});

describe('issuerPlace', () => {
  it.each([
    ['UBND tỉnh Bình Thuận', 'binh-thuan'],
    ['UBND thị xã Bến Cát', 'ben-cat'],
    ['Ủy ban nhân dân thành phố Hà Nội', 'ha-noi'],
    ['Sở Công Thương Đồng Tháp', 'dong-thap'],
    ['UBND', ''],
    [null, ''],
  ])('finds the place in %j: %j', (issuer, place) => {
    expect(issuerPlace(issuer)).toBe(place);
  });
});

describe('slugForDecision', () => {
  const national = {
    number: '3116/QĐ-BCT',
    decisionDate: '2023-12-01',
    roundYear: 2023,
    level: 'national',
    issuer: 'Bộ Công Thương',
  } as const;
  it('makes "3116-qd-bct-2023" for the ministry’s 2023 decision', () => {
    expect(slugForDecision(national)).toBe('3116-qd-bct-2023');
  });
  it('takes the year from the round when the date is unknown', () => {
    expect(slugForDecision({ ...national, number: '2568/QĐ-BCT', decisionDate: null, roundYear: 2025 })).toBe('2568-qd-bct-2025');
  });
  it('gives two provinces’ "1493/QĐ-UBND" of the same year different slugs', () => {
    const binhThuan = slugForDecision({
      ...national,
      number: '1493/QĐ-UBND',
      decisionDate: '2022-07-07',
      level: 'provincial',
      issuer: 'UBND tỉnh Bình Thuận',
    });
    const ninhBinh = slugForDecision({
      ...national,
      number: '1493/QĐ-UBND',
      decisionDate: '2022-03-01',
      level: 'provincial',
      issuer: 'UBND tỉnh Ninh Bình',
    });
    expect(binhThuan).toBe('1493-qd-ubnd-2022-binh-thuan');
    expect(ninhBinh).toBe('1493-qd-ubnd-2022-ninh-binh');
  });
  it('adds the place for a district’s decision too', () => {
    expect(
      slugForDecision({
        ...national,
        number: '1505/QĐ-UBND',
        decisionDate: '2024-04-23',
        level: 'district',
        issuer: 'UBND thị xã Bến Cát',
      }),
    ).toBe('1505-qd-ubnd-2024-ben-cat');
  });
  it('does not add the issuer of a regional decision (its number names the department)', () => {
    expect(
      slugForDecision({
        ...national,
        number: '76/QĐ-CTĐP',
        decisionDate: '2022-09-20',
        level: 'regional',
        issuer: 'Cục Công Thương địa phương',
      }),
    ).toBe('76-qd-ctdp-2022');
  });
  it('does not repeat a year the number already carries', () => {
    expect(slugForDecision({ ...national, number: '26/2014/QĐ-BCT', decisionDate: '2014-05-02', roundYear: 2014 })).toBe('26-2014-qd-bct');
  });
});
