import { createHash } from 'node:crypto';
import type { CertificationLevel } from './levels.ts';
import { defineStrings, type TableKey } from './strings.ts';
import { ALPHABET, CODE_LENGTH, checkCharacter, normalizeRegistryCode } from './registry-code-check.ts';

const LEVEL_LETTER: Record<CertificationLevel, string> = { national: 'Q', regional: 'K', provincial: 'T', district: 'H', commune: 'X' };

/**
 * A certification's registry code, derived from its identity so that re-seeding gives the same code:
 * level letter, two-digit year, six hash characters, check character, e.g. "T214K7M9XQ".
 * `attempt` derives another code after a collision.
 */
export function makeRegistryCode(level: CertificationLevel, year: number, naturalKey: string, attempt = 0): string {
  const digest = createHash('sha256').update(`${naturalKey}#${attempt}`).digest();
  const hash = Array.from(digest.subarray(0, 6), (byte) => ALPHABET[byte % 32]).join('');
  const body = `${LEVEL_LETTER[level]}${String(year % 100).padStart(2, '0')}${hash}`;
  return body + checkCharacter(body);
}

/** "T214K7M9XQ" → "T21-4K7M-9XQ". */
export function formatRegistryCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3, 7)}-${code.slice(7)}`;
}

const MESSAGES = defineStrings({
  vi: {
    empty: 'Hãy nhập mã tra cứu in trên giấy chứng nhận.',
    length: 'Mã tra cứu gồm 10 ký tự, ví dụ T21-4K7M-9XQ.',
    character: 'Mã tra cứu chỉ gồm chữ số và chữ cái (không có I, L, O, U).',
    check: 'Mã này có lỗi gõ: một ký tự bị gõ sai hoặc hai ký tự bị đảo chỗ. Hãy kiểm tra lại.',
  },
  en: {
    empty: 'Enter the registry code printed on the certificate.',
    length: 'A registry code has 10 characters, e.g. T21-4K7M-9XQ.',
    character: 'A registry code has only digits and letters (no I, L, O or U).',
    check: 'This code has a typo: one character is wrong or two are swapped. Please check it.',
  },
});

export type RegistryCodeProblem = TableKey<typeof MESSAGES>;

/**
 * Reads a code as a person types it: case, spaces, dashes, dots and underscores ignored; O → 0 and
 * I/L → 1 as Crockford allows. parseRegistryCode('t21 4k7m 9xq') → { ok: true, code: 'T214K7M9XQ' } if the check holds.
 */
export function parseRegistryCode(
  input: string,
  locale: 'vi' | 'en' = 'vi',
): { ok: true; code: string } | { ok: false; reason: RegistryCodeProblem; message: string } {
  const fail = (reason: RegistryCodeProblem) => ({ ok: false as const, reason, message: MESSAGES(locale)[reason] });
  const code = normalizeRegistryCode(input);
  if (!code) return fail('empty');
  if ([...code].some((ch) => !ALPHABET.includes(ch))) return fail('character');
  if (code.length !== CODE_LENGTH) return fail('length');
  if (checkCharacter(code.slice(0, -1)) !== code.at(-1)) return fail('check');
  return { ok: true, code };
}
