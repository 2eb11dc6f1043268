import { describe, expect, it } from 'vitest';
import { decisionSlugBase, slugForDecision } from '../../src/domain/decision-slug.ts';

describe('decisionSlugBase', () => {
  it.each([
    ['3116/QĐ-BCT', 2023, '3116-qd-bct-2023'],
    ['76/QĐ-CTĐP', 2022, '76-qd-ctdp-2022'],
    ['1302/QĐ-UBND-HC', 2022, '1302-qd-ubnd-hc-2022'],
    ['3116/QD-BCT', 2023, '3116-qd-bct-2023'],
    ['3116/qđ-bct', 2023, '3116-qd-bct-2023'],
    ['3116/Q\u0110-BCT'.normalize('NFD'), 2023, '3116-qd-bct-2023'],
  ])('folds %j of %i to %j', (number, year, slug) => {
    expect(decisionSlugBase(number, year)).toBe(slug);
  });

  it('does not repeat a year the number already carries', () => {
    expect(decisionSlugBase('12/2023/QĐ-UBND', 2023)).toBe('12-2023-qd-ubnd');
  });

  it('adds the round year when the number carries another year', () => {
    expect(decisionSlugBase('12/2022/QĐ-UBND', 2023)).toBe('12-2022-qd-ubnd-2023');
  });
});

describe('slugForDecision', () => {
  it('gives the folded number and year when it is free', () => {
    expect(slugForDecision('1493/QĐ-UBND', 2022, () => false)).toBe('1493-qd-ubnd-2022');
  });

  it('makes a second province’s decision of the same number unique with a suffix', () => {
    const taken = new Set(['1493-qd-ubnd-2022']);
    expect(slugForDecision('1493/QĐ-UBND', 2022, (s) => taken.has(s))).toBe('1493-qd-ubnd-2022-2');
  });
});
