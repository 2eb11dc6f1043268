import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRegistryCode, makeRegistryCode, parseRegistryCode } from '#domain/registry-code.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const code = makeRegistryCode('provincial', 2021, 'tra o long|ctcpchethaibinh|provincial|2019');

describe('makeRegistryCode', () => {
  it('is ten characters: level letter, two-digit year, hash, check', () => {
    expect(code).toMatch(/^T21[0-9A-HJKMNP-TV-Z]{7}$/);
    expect(makeRegistryCode('national', 2023, 'x')).toMatch(/^Q23/);
    expect(makeRegistryCode('regional', 2024, 'x')).toMatch(/^K24/);
  });

  it('gives the same code for the same identity, and another for another attempt', () => {
    expect(makeRegistryCode('provincial', 2021, 'tra o long|ctcpchethaibinh|provincial|2019')).toBe(code);
    expect(makeRegistryCode('provincial', 2021, 'tra o long|ctcpchethaibinh|provincial|2019', 1)).not.toBe(code);
  });

  it('always passes its own check', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 2000, max: 2099 }),
        (key, year) => parseRegistryCode(makeRegistryCode('national', year, key)).ok,
      ),
    );
  });
});

describe('formatRegistryCode', () => {
  it('groups the code 3-4-3 with dashes', () => {
    expect(formatRegistryCode('T214K7M9XQ')).toBe('T21-4K7M-9XQ');
  });
});

describe('parseRegistryCode', () => {
  it('accepts lower case, spaces and dashes', () => {
    const typed = formatRegistryCode(code).toLowerCase().replace('-', ' ');
    expect(parseRegistryCode(typed)).toEqual({ ok: true, code });
  });

  it('reads O as zero and I or L as one', () => {
    const withZero = makeRegistryCode('national', 2020, 'zero');
    expect(parseRegistryCode(withZero.replace(/0/g, 'O'))).toEqual({ ok: true, code: withZero });
  });

  it('catches every single mistyped character', () => {
    for (let i = 0; i < code.length; i++) {
      for (const ch of ALPHABET) {
        if (ch === code[i]) continue;
        expect(parseRegistryCode(code.slice(0, i) + ch + code.slice(i + 1)).ok).toBe(false);
      }
    }
  });

  it('catches every swap of two neighbouring characters', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 8 }), (key, i) => {
        const c = makeRegistryCode('commune', 2026, key);
        fc.pre(c[i] !== c[i + 1]);
        return !parseRegistryCode(c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2)).ok;
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['', 'empty'],
    ['T21-4K7M', 'length'],
    ['T21-4K7M-9XQ-7', 'length'],
    ['T21-4K7M-9XU', 'character'],
  ])('explains what is wrong with %j', (input, reason) => {
    const result = parseRegistryCode(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('says in Vietnamese or English that a code has a typo', () => {
    const typo = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);
    expect(parseRegistryCode(typo)).toMatchObject({ ok: false, reason: 'check', message: expect.stringMatching(/lỗi gõ/) as unknown });
    expect(parseRegistryCode(typo, 'en')).toMatchObject({ ok: false, reason: 'check', message: expect.stringMatching(/typo/) as unknown });
  });
});
