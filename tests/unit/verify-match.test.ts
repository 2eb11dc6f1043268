import { describe, expect, it } from 'vitest';
import { parseDecisionNumber, type DecisionNumber } from '#domain/decision-number.ts';
import { makeRegistryCode } from '#domain/registry-code.ts';
import { checkCharacter, hasValidCheck, looksLikeRegistryCode } from '#domain/registry-code-check.ts';
import {
  answerStatus,
  classifyVerifyInput,
  codesOneEditAway,
  nearbyValidCodes,
  rankNames,
  sortDecisionMatches,
  verdictOn,
  type VerifyReading,
} from '#domain/verify-match.ts';

const kinds = (input: string) => classifyVerifyInput(input).readings.map((r) => r.kind);
const reading = <K extends VerifyReading['kind']>(input: string, kind: K) =>
  classifyVerifyInput(input).readings.find((r): r is Extract<VerifyReading, { kind: K }> => r.kind === kind);
const number = (input: string): DecisionNumber => {
  const parsed = parseDecisionNumber(input);
  if (!parsed.ok) throw new Error(input);
  return parsed.value;
};
const code = makeRegistryCode('provincial', 2021, 'tra o long|ctcpchethaibinh|provincial|2019');
const dashed = `${code.slice(0, 3)}-${code.slice(3, 7)}-${code.slice(7)}`;
/** The code with one character replaced by another of the alphabet. */
const typo = (c: string, at: number) => c.slice(0, at) + (c[at] === 'A' ? 'B' : 'A') + c.slice(at + 1);

describe('classifyVerifyInput', () => {
  it.each([
    ['3116/QĐ-BCT', '3116/QD-BCT'],
    ['3116/QD-BCT', '3116/QD-BCT'],
    ['3116/qđ-bct', '3116/QD-BCT'],
    ['3116/QĐ-BCT'.normalize('NFD'), '3116/QD-BCT'],
    ['3116 QĐ BCT', '3116/QD-BCT'],
    ['3116 QD BCT', '3116/QD-BCT'],
    ['QĐ 3116', '3116/QD'],
    ['QD 3116', '3116/QD'],
    ['Quyết định số 3116/QĐ-BCT', '3116/QD-BCT'],
    ['76/QĐ-CTĐP', '76/QD-CTDP'],
  ])('reads %s as the decision %s', (input, key) => {
    expect(reading(input, 'decision')?.number.key).toBe(key);
  });

  it('reads a decision number as a certificate number too, since staff may have recorded one of that shape', () => {
    expect(kinds('3116/QĐ-BCT')).toEqual(['decision', 'certificate']);
  });

  it.each([
    ['tra o long', 'traolong'],
    ['Trà Ô Long', 'traolong'],
    ['TRÀ Ô LONG', 'traolong'],
    ['Trà Ô Long'.normalize('NFD'), 'traolong'],
    ['  trà   ô long ', 'traolong'],
    ['Đậu phụ', 'dauphu'],
    ['chè Tân Cương', 'chetancuong'],
  ])('reads %s as the name key %s, marks optional', (input, key) => {
    expect(kinds(input)).toEqual(['name']);
    expect(reading(input, 'name')?.key).toBe(key);
  });

  it('reads an establishment name with the legal form shortened as the establishment index stores it', () => {
    expect(reading('Hợp tác xã chè Tuyết Hương', 'name')?.establishmentKey).toBe(reading('HTX chè Tuyết Hương', 'name')?.establishmentKey);
  });

  it('reads a name with a digit as a name and a certificate number', () => {
    expect(kinds('Bánh 3 tầng')).toEqual(['certificate', 'name']);
  });

  it.each([dashed, code, code.toLowerCase(), dashed.toLowerCase().replaceAll('-', ' '), code.replace(/0/g, 'O')])(
    'reads the registry code typed as %s, with or without dashes, any case',
    (input) => {
      expect(classifyVerifyInput(input).readings).toEqual([{ kind: 'code', code }]);
    },
  );

  it('reads a code whose check fails as a typo, refused, with the held-able codes one edit away', () => {
    const typed = typo(code, 5);
    const q = classifyVerifyInput(typed);
    expect(q.refusal).toBe('code-typo');
    const r = reading(typed, 'code-typo')!;
    expect(r.candidates).toContain(code);
    expect(r.candidates.every(hasValidCheck)).toBe(true);
  });

  it('reads the start of a code as a code of the wrong length, not as a name', () => {
    expect(classifyVerifyInput('T21-4K7M').refusal).toBe('code-length');
    expect(kinds('T21-4K7M')).not.toContain('name');
  });

  it('refuses the number of another kind of document, and input with no letters or digits', () => {
    expect(classifyVerifyInput('26/2014/TT-BCT').refusal).toBe('not-a-decision');
    expect(classifyVerifyInput('!!! ...').refusal).toBe('no-text');
    expect(classifyVerifyInput('x'.repeat(500)).refusal).toBe('too-long');
  });

  it('reads nothing from an empty or blank input, and refuses nothing', () => {
    expect(classifyVerifyInput('  \u00a0 ')).toEqual({ input: '', readings: [], refusal: null });
  });

  it('does not read a two-letter word as a name: it would match half the registry', () => {
    expect(kinds('bá')).toEqual([]);
  });
});

describe('codesOneEditAway', () => {
  it.each([0, 3, 5, 9])('finds the real code from a typo at position %i', (at) => {
    expect(codesOneEditAway(typo(code, at))).toContain(code);
  });

  it('finds the real code from two neighbours swapped', () => {
    const i = [...code].findIndex((ch, n) => n > 2 && ch !== code[n + 1]);
    const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
    expect(codesOneEditAway(swapped)).toContain(code);
  });

  it('offers only a few codes: the check character rules out almost all of the 300 edits', () => {
    const found = codesOneEditAway(typo(code, 6));
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(30);
    expect(found.every((c) => looksLikeRegistryCode(c) && hasValidCheck(c))).toBe(true);
  });
});

describe('nearbyValidCodes', () => {
  it('gives well-formed codes differing from a valid code in one character of the hash', () => {
    const near = nearbyValidCodes(code);
    expect(near).toHaveLength(6 * 31);
    expect(near.every(hasValidCheck)).toBe(true);
    expect(near.every((c) => c.slice(0, 3) === code.slice(0, 3))).toBe(true);
    expect(near).not.toContain(code);
    expect(checkCharacter(code.slice(0, -1))).toBe(code.at(-1));
  });
});

describe('sortDecisionMatches', () => {
  const stored = [{ number: '3116/QĐ-BCT' }, { number: '3116/QĐ-UBND' }, { number: '1302/QĐ-UBND-HC' }, { number: '1997/QĐ-BCT' }];

  it('matches the same serial and issuer, and keeps the same serial of another issuer as a close match', () => {
    expect(sortDecisionMatches(number('3116 QD BCT'), stored)).toEqual({
      matches: [{ number: '3116/QĐ-BCT' }],
      sameSerial: [{ number: '3116/QĐ-UBND' }],
    });
  });

  it('matches every issuer when only the serial was typed', () => {
    expect(sortDecisionMatches(number('QĐ 3116'), stored).matches).toHaveLength(2);
  });

  it('matches a stored issuer with a suffix from its first part', () => {
    expect(sortDecisionMatches(number('1302/QD-UBND'), stored).matches).toEqual([{ number: '1302/QĐ-UBND-HC' }]);
  });

  it('finds nothing for a serial not stored', () => {
    expect(sortDecisionMatches(number('9999/QĐ-BCT'), stored)).toEqual({ matches: [], sameSerial: [] });
  });
});

describe('rankNames', () => {
  const names = [
    { key: 'traolongthainguyen', name: 'Trà Ô Long Thái Nguyên' },
    { key: 'traolong', name: 'Trà Ô Long' },
    { key: 'tranglong', name: 'Trăng Long' },
    { key: 'mientruong', name: 'Miến Trường' },
  ];

  it('puts the exact name first, then names that start with it', () => {
    expect(rankNames('traolong', names).map((n) => n.name)).toEqual(['Trà Ô Long', 'Trà Ô Long Thái Nguyên']);
  });

  it('finds a name one typo away and drops names far away', () => {
    expect(rankNames('traolomg', names).map((n) => n.name)).toEqual(['Trà Ô Long', 'Trà Ô Long Thái Nguyên']);
  });
});

describe('verdictOn', () => {
  const today = '2026-06-01';

  it('says a valid certification ends on its recorded date, recorded by staff', () => {
    expect(verdictOn({ validUntil: '2027-06-30', validUntilSource: 'manual', revokedAt: null }, today)).toEqual({
      status: 'valid',
      endDate: '2027-06-30',
      endSource: 'manual',
    });
  });

  it('says an expired certification ended on the date the rule computed', () => {
    expect(verdictOn({ validUntil: '2024-12-31', validUntilSource: 'rule', revokedAt: null }, today)).toEqual({
      status: 'expired',
      endDate: '2024-12-31',
      endSource: 'rule',
    });
  });

  it('says a revoked certification ended on the day it was revoked, even if still in its validity', () => {
    expect(verdictOn({ validUntil: '2027-12-31', validUntilSource: 'rule', revokedAt: '2025-03-04T08:00:00.000Z' }, today)).toEqual({
      status: 'revoked',
      endDate: '2025-03-04',
      endSource: 'revoked',
    });
  });

  it('counts the last day as still valid', () => {
    expect(verdictOn({ validUntil: today, validUntilSource: 'rule', revokedAt: null }, today).status).toBe('valid');
  });
});

describe('answerStatus', () => {
  it('is 200 for an empty box and for any match', () => {
    expect(answerStatus(classifyVerifyInput(''), { matches: 0 })).toBe(200);
    expect(answerStatus(classifyVerifyInput('tra o long'), { matches: 2 })).toBe(200);
  });

  it('is 404 for a well-formed code, number or name that is not held', () => {
    expect(answerStatus(classifyVerifyInput(code), { matches: 0 })).toBe(404);
    expect(answerStatus(classifyVerifyInput('9999/QĐ-BCT'), { matches: 0 })).toBe(404);
    expect(answerStatus(classifyVerifyInput('xyz không có'), { matches: 0 })).toBe(404);
  });

  it('is 400 for a malformed input that matched nothing', () => {
    expect(answerStatus(classifyVerifyInput(typo(code, 4)), { matches: 0 })).toBe(400);
    expect(answerStatus(classifyVerifyInput('26/2014/TT-BCT'), { matches: 0 })).toBe(400);
    expect(answerStatus(classifyVerifyInput('???'), { matches: 0 })).toBe(400);
  });
});
