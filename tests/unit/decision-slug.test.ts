import { describe, expect, it } from 'vitest';
import { decisionSlugBase, issuerPlace, slugForDecision } from '#domain/decision-slug.ts';

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

describe('decisionSlugBase', () => {
  const national = {
    number: '3116/QĐ-BCT',
    decisionDate: '2023-12-01',
    roundYear: 2023,
    level: 'national',
    issuer: 'Bộ Công Thương',
  } as const;
  it('makes "3116-qd-bct-2023" for the ministry’s 2023 decision', () => {
    expect(decisionSlugBase(national)).toBe('3116-qd-bct-2023');
  });
  it('takes the year from the round when the date is unknown', () => {
    expect(decisionSlugBase({ ...national, number: '2568/QĐ-BCT', decisionDate: null, roundYear: 2025 })).toBe('2568-qd-bct-2025');
  });
  it('gives two provinces’ "1493/QĐ-UBND" of the same year different slugs', () => {
    const binhThuan = decisionSlugBase({
      ...national,
      number: '1493/QĐ-UBND',
      decisionDate: '2022-07-07',
      level: 'provincial',
      issuer: 'UBND tỉnh Bình Thuận',
    });
    const ninhBinh = decisionSlugBase({
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
      decisionSlugBase({
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
      decisionSlugBase({
        ...national,
        number: '76/QĐ-CTĐP',
        decisionDate: '2022-09-20',
        level: 'regional',
        issuer: 'Cục Công Thương địa phương',
      }),
    ).toBe('76-qd-ctdp-2022');
  });
  it('does not repeat a year the number already carries', () => {
    expect(decisionSlugBase({ ...national, number: '26/2014/QĐ-BCT', decisionDate: '2014-05-02', roundYear: 2014 })).toBe('26-2014-qd-bct');
  });
});

describe('slugForDecision', () => {
  const input = { number: '1493/QĐ-UBND', decisionDate: null, roundYear: 2022, level: 'provincial', issuer: null } as const;

  it('gives the base slug when it is free', () => {
    expect(slugForDecision(input, () => false)).toBe('1493-qd-ubnd-2022');
  });

  it('makes a second decision of the same number and year without a known issuer unique with a suffix', () => {
    const taken = new Set(['1493-qd-ubnd-2022']);
    expect(slugForDecision(input, (s) => taken.has(s))).toBe('1493-qd-ubnd-2022-2');
  });

  it.each([
    ['3116/QĐ-BCT', '3116-qd-bct-2023'],
    ['3116/QD-BCT', '3116-qd-bct-2023'],
    ['3116/qđ-bct', '3116-qd-bct-2023'],
    ['3116/Q\u0110-BCT'.normalize('NFD'), '3116-qd-bct-2023'],
  ])('folds %j to %j', (number, slug) => {
    expect(slugForDecision({ number, decisionDate: null, roundYear: 2023, level: 'national', issuer: null }, () => false)).toBe(slug);
  });

  it('does not repeat a year the number already carries', () => {
    expect(slugForDecision({ ...input, number: '12/2023/QĐ-UBND', roundYear: 2023 }, () => false)).toBe('12-2023-qd-ubnd');
  });
});
