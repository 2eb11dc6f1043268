/**
 * The registry code's alphabet and check character, free of node:crypto so that the browser's search
 * recogniser can read codes too (src/domain/registry-code.ts makes codes and imports this).
 */

/** Crockford's base32: no I, L, O or U, so nothing reads as another character. */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;

/** Multiplication in GF(32) modulo x⁵ + x² + 1. */
function gfMul(a: number, b: number): number {
  let product = 0;
  for (let x = a, y = b; y > 0; y >>= 1) {
    if (y & 1) product ^= x;
    x <<= 1;
    if (x & 32) x ^= 0b100101;
  }
  return product;
}

/**
 * Damm check character over GF(32) with the quasigroup x∘y = 2x + y, which is totally anti-symmetric:
 * it catches every single wrong character and every swap of two neighbouring characters.
 */
export function checkCharacter(body: string): string {
  let interim = 0;
  for (const ch of body) interim = gfMul(2, interim) ^ ALPHABET.indexOf(ch);
  return ALPHABET[gfMul(2, interim)]!;
}

/** A code as a person types it, read the Crockford way: normalizeRegistryCode('t21-4k7m-9xo') → "T214K7M9X0". */
export function normalizeRegistryCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.–—]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** True when a normalised code's last character is its check character. */
export function hasValidCheck(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((ch) => ALPHABET.includes(ch)) && checkCharacter(code.slice(0, -1)) === code.at(-1);
}

/**
 * Reads as a registry code: a level letter, two digits and seven code characters once normalised,
 * whether or not the check holds. looksLikeRegistryCode('T21-4K7M-9XQ') → true; looksLikeRegistryCode('tra o long') → false
 */
export function looksLikeRegistryCode(input: string): boolean {
  return /^[QKTHX][0-9]{2}[0-9A-HJKMNP-TV-Z]{7}$/.test(normalizeRegistryCode(input));
}
