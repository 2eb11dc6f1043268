import { describe, expect, it } from 'vitest';
import { codePointOf, stripZeroWidth, textProblem, TEXT_PROBLEM_WORDS } from '#domain/safe-text.ts';

describe('stripZeroWidth', () => {
  it.each([
    ['a zero-width space inside a word', 'Trà\u200b Ô Long', 'Trà Ô Long'],
    ['ZWNJ and ZWJ, which Vietnamese Latin script never needs', 'Nước\u200c mắm\u200d Phú Quốc', 'Nước mắm Phú Quốc'],
    ['a word joiner and a soft hyphen', 'Bánh\u2060 pía Sóc\u00adTrăng', 'Bánh pía SócTrăng'],
    ['a byte-order mark in the middle of a name', 'Đồng\ufeff Tháp', 'Đồng Tháp'],
    ['a Mongolian vowel separator', 'Chè\u180e Tân Cương', 'Chè Tân Cương'],
  ])('removes %s', (_, input, expected) => {
    expect(stripZeroWidth(input)).toBe(expected);
  });

  it('leaves decomposed Vietnamese (combining marks are not zero-width characters) as it is', () => {
    const decomposed = 'Ha\u0300 Nô\u0323i ư\u031b\u0301';
    expect(stripZeroWidth(decomposed)).toBe(decomposed);
  });

  it('keeps a ZWJ that joins two pictographs into one emoji', () => {
    expect(stripZeroWidth('Quà tặng 👨\u200d👩\u200d👧')).toBe('Quà tặng 👨\u200d👩\u200d👧');
    expect(stripZeroWidth('Tim ❤️\u200d🔥')).toBe('Tim ❤️\u200d🔥');
  });

  it('leaves ordinary text and the empty string alone', () => {
    expect(stripZeroWidth('Đặc sản Ưu tú')).toBe('Đặc sản Ưu tú');
    expect(stripZeroWidth('')).toBe('');
  });
});

describe('textProblem', () => {
  it.each(['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c'])(
    'refuses the bidi control %j wherever it is',
    (control) => {
      expect(textProblem(`Hợp tác xã ${control}Ông Táo`)).toEqual({ problem: 'bidi', codePoint: codePointOf(control) });
    },
  );

  it('refuses LRM and RLM in Vietnamese text, where they do nothing useful', () => {
    expect(textProblem('Cơ sở\u200f Hồng Phát')).toEqual({ problem: 'bidi', codePoint: 'U+200F' });
    expect(textProblem('\u200eBắc Ninh')).toEqual({ problem: 'bidi', codePoint: 'U+200E' });
  });

  it('allows LRM and RLM in text that holds right-to-left letters', () => {
    expect(textProblem('Chà là שלום\u200e 2024')).toBeNull();
    expect(textProblem('تمر\u200f Việt')).toBeNull();
  });

  it('refuses other control characters but not tabs and line breaks', () => {
    expect(textProblem('Trà\u0007 xanh')).toEqual({ problem: 'control', codePoint: 'U+0007' });
    expect(textProblem('Trà\u0085')).toEqual({ problem: 'control', codePoint: 'U+0085' });
    expect(textProblem('Trà\u009b xanh')).toEqual({ problem: 'control', codePoint: 'U+009B' });
    expect(textProblem('Dòng 1\r\nDòng 2\tcột')).toBeNull();
  });

  it('accepts Vietnamese with every tone mark, composed or not, and đ', () => {
    expect(textProblem('Ưu đãi: ồ, ữ, ặ, ỵ — Đắk Lắk')).toBeNull();
    expect(textProblem('Ưu đãi: ồ, ữ, ặ, ỵ — Đắk Lắk'.normalize('NFD'))).toBeNull();
    expect(textProblem('')).toBeNull();
  });

  it('names the character in both languages', () => {
    expect(TEXT_PROBLEM_WORDS.bidi.vi('U+202E')).toContain('U+202E');
    expect(TEXT_PROBLEM_WORDS.bidi.en('U+202E')).toMatch(/^contains the text-direction control U\+202E/);
  });
});

describe('codePointOf', () => {
  it("writes '\\u202e' as U+202E and an astral character in full", () => {
    expect(codePointOf('\u202e')).toBe('U+202E');
    expect(codePointOf('😀')).toBe('U+1F600');
  });
});
