import { describe, expect, it } from 'vitest';
import {
  decisionNumberKey,
  describeDecisionNumberProblem,
  matchDecisionNumber,
  parseDecisionNumber,
  type DecisionNumber,
} from '#domain/decision-number.ts';

const parsed = (input: string): DecisionNumber => {
  const result = parseDecisionNumber(input);
  if (!result.ok) throw new Error(`${input} did not parse: ${result.problem}`);
  return result.value;
};

describe('parseDecisionNumber', () => {
  it.each([
    ['3116/QĐ-BCT', '3116/QD-BCT'],
    ['3116/QD-BCT', '3116/QD-BCT'],
    ['3116 QĐ BCT', '3116/QD-BCT'],
    ['3116/qđ-bct', '3116/QD-BCT'],
    ['3116/Qđ-Bct', '3116/QD-BCT'],
    ['3116/QĐ-BCT'.normalize('NFD'), '3116/QD-BCT'],
    ['  3116 / QĐ - BCT  ', '3116/QD-BCT'],
    ['3116/QDBCT', '3116/QD-BCT'],
    ['3116QĐBCT', '3116/QD-BCT'],
    ['3116.QĐ.BCT', '3116/QD-BCT'],
    ['Quyết định số 3116/QĐ-BCT', '3116/QD-BCT'],
    ['quyet dinh so 3116/QD-BCT', '3116/QD-BCT'],
    ['QĐ số 3116', '3116/QD'],
    ['QĐ 3116', '3116/QD'],
    ['qd3116', '3116/QD'],
    ['3116', '3116/QD'],
    ['3116 BCT', '3116/QD-BCT'],
    ['03116/QĐ-BCT', '3116/QD-BCT'],
    ['1302/QĐ-UBND-HC', '1302/QD-UBND-HC'],
    ['76/QĐ-CTĐP', '76/QD-CTDP'],
    ['76/QD-CTDP', '76/QD-CTDP'],
    ['12/2023/QĐ-UBND', '12/2023/QD-UBND'],
    ['3116/QĐ-BCT ngày 01/12/2023', '3116/QD-BCT'],
  ])('reads %j as %s', (input, key) => {
    expect(parsed(input).key).toBe(key);
  });

  it('keeps the serial, the issuer and a year inside the number apart', () => {
    expect(parsed('12/2023/QĐ-UBND')).toEqual({ serial: '12', year: 2023, issuer: 'UBND', key: '12/2023/QD-UBND' });
  });

  it('takes a year typed after the number as a hint, not as part of the key', () => {
    expect(parsed('3116/QĐ-BCT 2023')).toEqual({ serial: '3116', year: 2023, issuer: 'BCT', key: '3116/QD-BCT' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['QĐ-BCT', 'no-number'],
    ['Trà Ô Long', 'no-number'],
    ['BCT 3116', 'malformed'],
    ['Gạo ST25', 'malformed'],
    ['T21-4K7M-9XQ', 'malformed'],
    ['3116/QĐ-BCT/17', 'malformed'],
    ['1234567/QĐ-BCT', 'malformed'],
    ['0/QĐ-BCT', 'malformed'],
    ['26/2014/TT-BCT', 'not-a-decision'],
    ['14/2018/TT-BCT', 'not-a-decision'],
    ['46/VBHN-BCT', 'not-a-decision'],
    ['3'.repeat(81), 'too-long'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(parseDecisionNumber(input)).toEqual({ ok: false, problem });
  });
});

describe('decisionNumberKey', () => {
  it('gives the canonical key of a printed number', () => {
    expect(decisionNumberKey('3116/QĐ-BCT')).toBe('3116/QD-BCT');
  });

  it('gives one key for every spelling of one number', () => {
    const keys = new Set(['3116/QĐ-BCT', '3116/QD-BCT', '3116 QĐ BCT', 'quyết định 3116/qđ-bct'].map(decisionNumberKey));
    expect([...keys]).toEqual(['3116/QD-BCT']);
  });

  it('folds a number that does not parse to its letters and digits', () => {
    expect(decisionNumberKey('Số 14/2018/TT-BCT')).toBe('SO-14-2018-TT-BCT');
  });
});

describe('matchDecisionNumber', () => {
  const stored = parsed('1302/QĐ-UBND-HC');

  it('matches the same number typed without marks', () => {
    expect(matchDecisionNumber(parsed('1302/QD-UBND-HC'), stored)).toBe('exact');
  });

  it('matches an issuer typed without its suffix', () => {
    expect(matchDecisionNumber(parsed('1302/QĐ-UBND'), stored)).toBe('exact');
  });

  it('matches a bare serial as a serial match', () => {
    expect(matchDecisionNumber(parsed('QĐ 1302'), stored)).toBe('serial');
  });

  it('does not match another serial', () => {
    expect(matchDecisionNumber(parsed('1303/QĐ-UBND-HC'), stored)).toBeNull();
  });

  it('does not match another issuer', () => {
    expect(matchDecisionNumber(parsed('1302/QĐ-BCT'), stored)).toBeNull();
  });

  it('does not match when the years disagree', () => {
    expect(matchDecisionNumber(parsed('12/2023/QĐ-UBND'), parsed('12/2022/QĐ-UBND'))).toBeNull();
  });
});

describe('describeDecisionNumberProblem', () => {
  it('words a refusal in Vietnamese', () => {
    expect(describeDecisionNumberProblem('not-a-decision', 'vi')).toMatch(/không phải quyết định/);
  });

  it('words a refusal in English', () => {
    expect(describeDecisionNumberProblem('empty', 'en')).toMatch(/decision number/);
  });
});
